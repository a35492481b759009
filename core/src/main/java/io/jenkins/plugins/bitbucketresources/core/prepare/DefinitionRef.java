package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.Objects;

/**
 * Where a definition is: its scope and its position in that scope's list as the host passed it (from 0), so that a
 * host can point at it (a form entry, a line of a file).
 */
public record DefinitionRef(Scope scope, int index) {

    public DefinitionRef {
        Objects.requireNonNull(scope, "scope");
        if (index < 0) {
            throw new IllegalArgumentException("a definition's index counts from 0, not " + index);
        }
    }
}
