package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import java.util.Optional;

/**
 * Who may use the resources of the global list, as builds and the pages that show what a job gets apply it: the global
 * configuration's {@code globalResourcesFolders}. A saved list that is no longer valid (only possible when it was
 * written by hand) stops every block, rather than give the global resources to jobs it was meant to keep them from;
 * pages say so instead of failing.
 */
final class GlobalUsePolicy {

    private GlobalUsePolicy() {}

    /** The saved policy, or what is wrong with it. */
    @NonNull
    static Validated<GlobalPolicy> current() {
        return BitbucketResourcesConfiguration.get().policy();
    }

    /**
     * The policy a build applies.
     *
     * @throws AbortException when the saved list is not valid, saying what is wrong and where to fix it
     */
    @NonNull
    static GlobalPolicy forBuild() throws AbortException {
        Validated<GlobalPolicy> policy = current();
        if (policy instanceof Validated.Valid<GlobalPolicy> valid) {
            return valid.value();
        }
        throw new AbortException(problemOf(policy));
    }

    /** What a page says while the policy is not valid; empty when it is. */
    @NonNull
    static Optional<String> problem(@NonNull Validated<GlobalPolicy> policy) {
        return policy.isValid() ? Optional.empty() : Optional.of(problemOf(policy));
    }

    private static String problemOf(Validated<GlobalPolicy> invalid) {
        return Messages.GlobalUsePolicy_Invalid(Problems.describe(invalid));
    }
}
