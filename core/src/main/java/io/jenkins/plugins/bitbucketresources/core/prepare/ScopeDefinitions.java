package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;
import java.util.Objects;

/** The resource definitions of one scope (a folder or the global configuration), valid or not, in the order written. */
public record ScopeDefinitions(Scope scope, List<Definition> definitions) {

    public ScopeDefinitions {
        Objects.requireNonNull(scope, "scope");
        definitions = List.copyOf(definitions);
    }
}
