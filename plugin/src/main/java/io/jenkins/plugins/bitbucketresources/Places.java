package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.List;

/** Where a resource is defined, as the plugin's pages say it: {@code folder team-a}, {@code the global list}. */
final class Places {

    private Places() {}

    /** {@code folder team-a} or {@code the global list}. */
    @NonNull
    static String of(@NonNull Scope scope) {
        return scope instanceof Scope.Folder folder
                ? Messages.Places_Folder(folder.fullName())
                : Messages.Places_Global();
    }

    /** {@code of folder `team-a`} or {@code of the global list}, for a definition that is hidden. */
    @NonNull
    static String definitionOf(@NonNull Scope scope) {
        return scope instanceof Scope.Folder folder
                ? Messages.Places_OfFolder(folder.fullName())
                : Messages.Places_OfGlobal();
    }

    /** The definitions of these places, in one phrase: {@code of folder `team-a` and of the global list}. */
    @NonNull
    static String definitionsOf(@NonNull List<Scope> scopes) {
        return joined(scopes.stream().map(Places::definitionOf).toList());
    }

    /** Several places in one phrase: {@code a}, {@code a and b}, {@code a, b and c}. */
    @NonNull
    static String joined(@NonNull List<String> phrases) {
        if (phrases.size() <= 1) {
            return String.join("", phrases);
        }
        List<String> head = new ArrayList<>(phrases.subList(0, phrases.size() - 1));
        return Messages.Places_And(String.join(", ", head), phrases.get(phrases.size() - 1));
    }
}
