package io.jenkins.plugins.bitbucketresources.core.resolve;

import java.util.List;

/**
 * The outcome of looking names up for a job: every resource found, or a message saying what is wrong and what to do.
 *
 * @deprecated the outcome of {@link Resolver#resolve}; {@link io.jenkins.plugins.bitbucketresources.core.prepare.Prepared} replaces it
 */
@Deprecated
public sealed interface Resolution {

    record Resolved(List<ResolvedResource> resources) implements Resolution {
        public Resolved {
            resources = List.copyOf(resources);
        }
    }

    record Failed(String message) implements Resolution {
    }
}
