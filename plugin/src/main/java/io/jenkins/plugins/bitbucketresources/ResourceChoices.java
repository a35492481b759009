package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.json.JSONArray;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The resources a job can pick, for the forms that pick them (the step's in the Snippet Generator, the freestyle
 * wrapper's in the job's configuration), as the engine says the job sees them: each visible name once, nearest
 * definition first, with its type, repository, where it is defined and what it hides. A name the use policy refuses to
 * the job, or whose nearest definition is broken, is listed with the engine's line and cannot be chosen. The names
 * chosen earlier are kept, whatever has happened to them since, so that saving a form loses none of them.
 *
 * <p>Only those who may see the job's configuration are shown the list.
 */
@Restricted(NoExternalUse.class)
public final class ResourceChoices {

    private final boolean jobKnown;
    private final List<String> problemLines;
    private final List<Choice> visible;
    private final List<String> others;
    private final List<String> notVisible;

    private ResourceChoices(
            boolean jobKnown,
            List<String> problemLines,
            List<Choice> visible,
            List<String> others,
            List<String> notVisible) {
        this.jobKnown = jobKnown;
        this.problemLines = List.copyOf(problemLines);
        this.visible = List.copyOf(visible);
        this.others = List.copyOf(others);
        this.notVisible = List.copyOf(notVisible);
    }

    /**
     * @param context the page's object: a job, a folder (what a job directly inside it sees), or anything else (the
     *     Snippet Generator outside any job), in which case nothing is offered
     * @param chosen the names chosen so far
     */
    @NonNull
    static ResourceChoices of(@CheckForNull Object context, @NonNull List<String> chosen) {
        Optional<JobView> view = context instanceof Item item && item.hasPermission(Item.EXTENDED_READ)
                ? JobView.of(item)
                : Optional.empty();
        List<Choice> choices = new ArrayList<>();
        for (VisibleResource resource : view.map(v -> v.visible().all()).orElse(List.of())) {
            choices.add(Choice.of(resource, chosen.contains(resource.name())));
        }
        List<String> others = new ArrayList<>();
        List<String> notVisible = new ArrayList<>();
        for (String name : chosen) {
            if (choices.stream().noneMatch(c -> c.isSelectable() && c.getName().equals(name))) {
                others.add(name);
            }
            if (choices.stream().noneMatch(c -> c.getName().equals(name))) {
                notVisible.add(name);
            }
        }
        List<String> problem = view.flatMap(JobView::problem)
                .map(text -> text.lines().toList())
                .orElse(List.of());
        return new ResourceChoices(view.isPresent(), problem, choices, others, notVisible);
    }

    /**
     * The names a form's checkboxes sent, in the order of the list: the form sends each ticked box's name, one as a
     * string, several as an array, none as nothing.
     */
    @NonNull
    static List<String> ticked(@CheckForNull Object sent) {
        List<String> names = new ArrayList<>();
        if (sent instanceof JSONArray many) {
            for (Object each : many) {
                names.add(String.valueOf(each));
            }
        } else if (sent instanceof String one) {
            names.add(one);
        }
        return names;
    }

    /** Whether the form knows the job (or folder), and so what it sees. */
    public boolean isJobKnown() {
        return jobKnown;
    }

    /** Why nothing can be chosen now, line by line; empty normally. */
    @NonNull
    public List<String> getProblemLines() {
        return problemLines;
    }

    /** Every name the job sees, in the engine's order. */
    @NonNull
    public List<Choice> getVisible() {
        return visible;
    }

    /** The names chosen earlier that cannot be ticked as usable in the list, in the order chosen: for a text field. */
    @NonNull
    public List<String> getOthers() {
        return others;
    }

    /** The names chosen earlier that the job does not see (any more), in the order chosen. */
    @NonNull
    public List<String> getNotVisible() {
        return notVisible;
    }

    /** One visible name. */
    @Restricted(NoExternalUse.class)
    public static final class Choice {

        private final String name;
        private final String label;
        private final String reason;
        private final boolean selectable;
        private final boolean chosen;

        private Choice(String name, String label, String reason, boolean selectable, boolean chosen) {
            this.name = name;
            this.label = label;
            this.reason = reason;
            this.selectable = selectable;
            this.chosen = chosen;
        }

        static Choice of(VisibleResource visible, boolean chosen) {
            String where = Places.of(visible.scope());
            String hides = visible.hides().isEmpty()
                    ? ""
                    : Messages.ResourceChoices_Hiding(Places.definitionsOf(visible.hides()));
            if (visible instanceof VisibleResource.Valid valid) {
                Resource resource = valid.resolved().resource();
                String label = Messages.ResourceChoices_Label(
                        visible.name(), resource.type().id(), resource.sourceName(), where, hides);
                if (visible instanceof VisibleResource.Refused refused) {
                    return new Choice(visible.name(), label, refused.message(), false, chosen);
                }
                return new Choice(visible.name(), label, "", true, chosen);
            }
            String label = Messages.ResourceChoices_BrokenLabel(visible.name(), where, hides);
            return new Choice(visible.name(), label, ((VisibleResource.Broken) visible).message(), false, chosen);
        }

        @NonNull
        public String getName() {
            return name;
        }

        /** {@code app-repo: gitRepo acme/app, folder team-a, hiding the definition of the global list}. */
        @NonNull
        public String getLabel() {
            return label;
        }

        /** Why it cannot be chosen, in the engine's words, line by line; empty when it can. */
        @NonNull
        public List<String> getReasonLines() {
            return reason.isEmpty() ? List.of() : reason.lines().toList();
        }

        /** Whether a build of the job may use it. */
        public boolean isSelectable() {
            return selectable;
        }

        /** Whether it was chosen earlier, usable or not. */
        public boolean isChosen() {
            return chosen;
        }
    }
}
