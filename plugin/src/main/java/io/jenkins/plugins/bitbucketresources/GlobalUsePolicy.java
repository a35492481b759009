package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;

/**
 * Who may use the resources of the global list, as the pages that show what a job gets (the Snippet Generator's list,
 * a job's resources page) apply it. Every job, until the global configuration holds {@code globalResourcesFolders};
 * then this answers {@code BitbucketResourcesConfiguration.get().policy()}, so that those pages and the builds follow
 * one setting.
 */
final class GlobalUsePolicy {

    private GlobalUsePolicy() {}

    @NonNull
    static GlobalPolicy current() {
        return GlobalPolicy.EVERY_JOB;
    }
}
