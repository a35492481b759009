package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import io.jenkins.plugins.bitbucketresources.core.revision.CommitPlan;
import io.jenkins.plugins.bitbucketresources.core.revision.CommitSource;
import java.util.List;
import java.util.Optional;

/** Step 5: where each resource's commit comes from: the build's checkout, the Bitbucket API, or nowhere. */
final class CommitPlanning {

    private CommitPlanning() {}

    static Optional<CommitPlan> plan(
            ResolvedResource resolved,
            Integration integration,
            List<Checkout> checkouts,
            boolean everyResource,
            List<BlockProblem> problems) {
        Resource resource = everyResource ? resolved.resource().withResolveCommit(true) : resolved.resource();
        CommitPlan plan = CommitSource.plan(resource, integration, checkouts);
        if (plan instanceof CommitPlan.Refused refused) {
            problems.add(BlockProblem.of(
                    BlockProblem.Kind.COMMIT_REFUSED,
                    List.of(resource.name().value()),
                    Messages.commitRefused(
                            resolved,
                            refused.message(),
                            everyResource && !resolved.resource().resolveCommit())));
            return Optional.empty();
        }
        return Optional.of(plan);
    }
}
