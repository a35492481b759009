package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;

/**
 * Who may use the resources of the global list, as the pages that show what a job gets (the Snippet Generator's list,
 * a job's resources page) apply it: the global configuration's {@code globalResourcesFolders}, the setting builds
 * follow, so that those pages and the builds agree.
 */
final class GlobalUsePolicy {

    private GlobalUsePolicy() {}

    /**
     * @throws io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException when a folder saved earlier is no
     *     longer a valid folder name, as {@link BitbucketResourcesConfiguration#policy()} does
     */
    @NonNull
    static GlobalPolicy current() {
        return BitbucketResourcesConfiguration.get().policy();
    }
}
