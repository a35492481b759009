package io.jenkins.plugins.bitbucketresources.core.revision;

import io.jenkins.plugins.bitbucketresources.core.model.CloneUrls;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.ResourceType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides where the {@code <P>_COMMIT} of a resource comes from in a build. A {@code ciRepo} is the repository the job
 * builds, so its commit is the one the build checked out from that repository (the latest such checkout); the other
 * types, and a {@code ciRepo} the build has not checked out, get the head of their branch from the Bitbucket API only
 * when the resource asks for it ({@code resolveCommit}).
 */
public final class CommitSource {

    private CommitSource() {}

    /**
     * @param resource the resource as configured
     * @param integration the integration it is reached through, which fixes its clone URLs
     * @param checkouts the checkouts the build has made so far, oldest first
     */
    public static CommitPlan plan(Resource resource, Integration integration, List<Checkout> checkouts) {
        Optional<Checkout> checkout = resource.type() == ResourceType.CI_REPO
                ? latestCheckoutOf(resource, integration, checkouts)
                : Optional.empty();
        Optional<String> checkedOut = checkout.flatMap(Checkout::knownCommit);
        if (checkedOut.isPresent()) {
            return new CommitPlan.Known(checkedOut.get());
        }
        if (!resource.resolveCommit()) {
            return new CommitPlan.None();
        }
        Optional<String> branch = resource.singleBranch();
        if (branch.isEmpty()) {
            boolean notCheckedOut = resource.type() == ResourceType.CI_REPO && checkout.isEmpty();
            return new CommitPlan.Refused("asks for its commit (resolveCommit) but does not name exactly one branch"
                    + (notCheckedOut ? ", and this build has not checked " + resource.sourceName() + " out" : "")
                    + ": set `branch`, or turn resolveCommit off");
        }
        return new CommitPlan.FromApi(branch.get());
    }

    /**
     * Whether a build can know the resource's commit at all, before any build runs: a {@code ciRepo} from its checkout,
     * any resource from the Bitbucket API when it asks for it. For previews of the variables a resource sets.
     */
    public static boolean mayHaveCommit(Resource resource) {
        return resource.type() == ResourceType.CI_REPO || resource.resolveCommit();
    }

    /**
     * Whether the build has checked the resource's repository out, by the same comparison of clone URLs that finds a
     * {@code ciRepo}'s commit, whether or not the commit of that checkout is known.
     */
    public static boolean checkedOut(Resource resource, Integration integration, List<Checkout> checkouts) {
        return latestCheckoutOf(resource, integration, checkouts).isPresent();
    }

    /** The latest checkout whose remote is one of the resource's clone URLs. */
    static Optional<Checkout> latestCheckoutOf(Resource resource, Integration integration, List<Checkout> checkouts) {
        CloneUrls urls = CloneUrls.of(integration.url(), integration.platform(), resource.sourceName());
        Set<RepositoryAddress> own = Stream.of(urls.https(), urls.ssh())
                .map(RepositoryAddress::parse)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        Optional<Checkout> latest = Optional.empty();
        for (Checkout checkout : checkouts) {
            boolean same = checkout.remoteUrls().stream()
                    .map(RepositoryAddress::parse)
                    .flatMap(Optional::stream)
                    .anyMatch(own::contains);
            if (same) {
                latest = Optional.of(checkout);
            }
        }
        return latest;
    }
}
