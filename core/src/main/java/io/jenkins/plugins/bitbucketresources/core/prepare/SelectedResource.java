package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.revision.CommitPlan;
import java.util.Objects;

/**
 * A resource chosen for a block, before anything is asked of Bitbucket: the definition that won, the integration it
 * is reached through, and where its commit will come from.
 */
public record SelectedResource(ResolvedResource resolved, Integration integration, CommitPlan commit) {

    public SelectedResource {
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(commit, "commit");
    }

    public String name() {
        return resolved.resource().name().value();
    }
}
