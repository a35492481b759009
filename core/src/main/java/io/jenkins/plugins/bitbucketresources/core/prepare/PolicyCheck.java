package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.policy.UseDecision;
import io.jenkins.plugins.bitbucketresources.core.policy.UsePolicy;
import java.util.List;

/**
 * Step 4: the use policy, once the integration fixes the resource's clone URLs, so that a {@code ciRepo} with
 * {@code onlyOwnCheckout} is usable only when the build has checked its repository out. The rules by the job's name
 * have already refused what they refuse when the names were resolved (what the job sees says so too); they are asked
 * again here with the rest, from the same policy, so that this step alone decides whether the resource may be used.
 */
final class PolicyCheck {

    private final UsePolicy policy;
    private final BlockRequest request;

    PolicyCheck(BlockRequest request) {
        this.policy = new UsePolicy(request.policy());
        this.request = request;
    }

    boolean allows(VisibleResource.Usable usable, Integration integration, List<BlockProblem> problems) {
        UseDecision decision = policy.forBuild(usable.resolved(), request.job(), integration, request.checkouts());
        if (decision instanceof UseDecision.Refused refused) {
            problems.add(BlockProblem.refused(usable.name(), usable.definition(), refused));
            return false;
        }
        return true;
    }
}
