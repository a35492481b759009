package io.jenkins.plugins.bitbucketresources.core.resolve;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import java.util.List;
import java.util.Objects;

/**
 * A resource as a job sees it: the definition that won, the scope it came from, and the farther scopes whose
 * definitions of the same name it hides.
 */
public record ResolvedResource(Resource resource, Scope scope, List<Scope> shadows) {

    public ResolvedResource {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(scope, "scope");
        shadows = List.copyOf(shadows);
    }

    /** For a log line: {@code app-repo (folder team-a, hiding global)}. */
    public String describe() {
        return describe(resource.name().value(), scope, shadows);
    }

    /** The same for any definition of a name, valid or not: where it is and the farther scopes it hides. */
    public static String describe(String name, Scope scope, List<Scope> shadows) {
        StringBuilder text = new StringBuilder(name).append(" (").append(scope.describe());
        if (!shadows.isEmpty()) {
            text.append(", hiding ");
            for (int i = 0; i < shadows.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(shadows.get(i).describe());
            }
        }
        return text.append(')').toString();
    }
}
