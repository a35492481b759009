package io.jenkins.plugins.bitbucketresources.core.resolve;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import java.util.List;
import java.util.Objects;

/** The resources defined in one scope, in the order they were written. */
public record ScopedResources(Scope scope, List<Resource> resources) {

    public ScopedResources {
        Objects.requireNonNull(scope, "scope");
        resources = List.copyOf(resources);
    }
}
