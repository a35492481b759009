package io.jenkins.plugins.bitbucketresources.core.overview;

import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;
import java.util.Objects;

/** Every definition of one scope (a folder or the global list), in the order written. */
public record ScopeListing(Scope scope, List<ListedDefinition> definitions) {

    public ScopeListing {
        Objects.requireNonNull(scope, "scope");
        definitions = List.copyOf(definitions);
    }
}
