package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Turns the engine's verdicts on a value into form validation messages. */
final class FormChecks {

    private FormChecks() {}

    /** Runs one of the engine's value factories on what was typed; its refusal becomes the error shown. */
    static FormValidation value(Runnable check) {
        try {
            check.run();
            return FormValidation.ok();
        } catch (InvalidValueException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** The problems the engine found with one field (or with fields under it, such as {@code branches.only[0]}). */
    static FormValidation field(Validated<?> validated, String field) {
        return of(
                validated.problems(),
                p -> p.field().equals(field)
                        || p.field().startsWith(field + ".")
                        || p.field().startsWith(field + "["));
    }

    /**
     * The options of a select for those who may see them; anyone else gets only the current value back, so that a form
     * they may view still shows what is saved.
     */
    static ListBoxModel options(boolean allowed, @CheckForNull String current, Consumer<ListBoxModel> options) {
        ListBoxModel items = new ListBoxModel();
        if (allowed) {
            options.accept(items);
        } else {
            items.add(Util.fixNull(current));
        }
        return items;
    }

    /** Every problem the engine found. */
    static FormValidation all(Validated<?> validated) {
        return of(validated.problems(), p -> true);
    }

    private static FormValidation of(List<Problem> problems, Predicate<Problem> wanted) {
        List<FormValidation> shown = problems.stream()
                .filter(wanted)
                .map(p -> p.isError() ? FormValidation.error(p.toString()) : FormValidation.warning(p.toString()))
                .toList();
        return FormValidation.aggregate(shown);
    }
}
