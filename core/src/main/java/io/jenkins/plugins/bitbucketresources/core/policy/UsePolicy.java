package io.jenkins.plugins.bitbucketresources.core.policy;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.JobAccess;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import io.jenkins.plugins.bitbucketresources.core.revision.CommitSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The least-privilege policy: whether a job may use a resource it sees. Three rules, checked in this order, the first
 * that refuses deciding:
 * <ol>
 *   <li>a resource of the global list, when the {@link GlobalPolicy} lists folders, only for jobs under them;</li>
 *   <li>a resource with {@code allowedJobs}, only for jobs whose full name one of its patterns matches;</li>
 *   <li>a {@code ciRepo} with {@code onlyOwnCheckout}, only for a build that has itself checked its repository out.</li>
 * </ol>
 * A decision is about the job's full name as it is now: a job moved or renamed is judged by its new name. A refused
 * resource is refused; the farther definition it hides is not used instead, so that a policy cannot be sidestepped
 * by the order of definitions. Without a job (a run outside any job), a resource that names its jobs or a
 * global resource limited to folders is refused.
 *
 * <p>A block applies it as a step of {@link io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation}, and
 * what a job sees lists a refused resource as such
 * ({@link io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResources#of(List, Optional, GlobalPolicy)}).
 *
 * <p>Immutable and thread-safe.
 */
public final class UsePolicy {

    private final GlobalPolicy global;

    public UsePolicy(GlobalPolicy global) {
        this.global = Objects.requireNonNull(global, "global");
    }

    /**
     * The decision before a build runs, by the job's name: {@link UseDecision.Allowed},
     * {@link UseDecision.AllowedAfterCheckout} for a {@code ciRepo} with {@code onlyOwnCheckout}, or
     * {@link UseDecision.Refused}.
     */
    public UseDecision byName(ResolvedResource resolved, Optional<JobPath> job) {
        Optional<UseDecision.Refused> refused = refusedByName(resolved, job);
        if (refused.isPresent()) {
            return refused.get();
        }
        Resource resource = resolved.resource();
        return resource.access().onlyOwnCheckout()
                ? new UseDecision.AllowedAfterCheckout(resource.sourceName().toString())
                : new UseDecision.Allowed();
    }

    /**
     * The decision when a block or build starts: {@link UseDecision.Allowed} or {@link UseDecision.Refused}.
     *
     * @param integration the resource's integration, which fixes its clone URLs
     * @param checkouts what the build has checked out so far
     */
    public UseDecision forBuild(
            ResolvedResource resolved, Optional<JobPath> job, Integration integration, List<Checkout> checkouts) {
        Optional<UseDecision.Refused> refused = refusedByName(resolved, job);
        if (refused.isPresent()) {
            return refused.get();
        }
        Resource resource = resolved.resource();
        if (resource.access().onlyOwnCheckout() && !CommitSource.checkedOut(resource, integration, checkouts)) {
            return new UseDecision.Refused(
                    UseDecision.Rule.ONLY_OWN_CHECKOUT,
                    subject(resolved) + " may be used only by a build that has "
                            + "checked its repository " + resource.sourceName() + " out itself (onlyOwnCheckout), and "
                            + JobPath.describe(job)
                            + " has " + (checkouts.isEmpty() ? "checked out nothing yet" : "not checked it out")
                            + ": check the repository out "
                            + "before using the resource, or turn onlyOwnCheckout off.");
        }
        return new UseDecision.Allowed();
    }

    private Optional<UseDecision.Refused> refusedByName(ResolvedResource resolved, Optional<JobPath> job) {
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(job, "job");
        if (resolved.scope() instanceof Scope.Global
                && !global.everyJob()
                && !job.map(global::admits).orElse(false)) {
            return Optional.of(new UseDecision.Refused(
                    UseDecision.Rule.GLOBAL_FOLDERS,
                    subject(resolved) + " may not be used by "
                            + JobPath.describe(job) + ": global resources are usable only by jobs under the folders "
                            + global.describeFolders()
                            + " (globalResourcesFolders). Run the job in one of those folders, add its folder to globalResourcesFolders, or "
                            + "define the resource on a folder above the job."));
        }
        JobAccess access = resolved.resource().access();
        if (access.limitsJobs()
                && job.flatMap(j -> access.firstMatch(j.fullName())).isEmpty()) {
            return Optional.of(new UseDecision.Refused(
                    UseDecision.Rule.ALLOWED_JOBS,
                    subject(resolved) + " may not be used by "
                            + JobPath.describe(job) + ": its allowedJobs " + access.describePatterns()
                            + (job.isPresent() ? " match no job of that name" : " name the jobs that may use it")
                            + ". Add a pattern that matches "
                            + "the job to the resource's allowedJobs, or use another resource."));
        }
        return Optional.empty();
    }

    /** {@code Bitbucket resource `app` (folder team-a)}: the resource and where it is defined. */
    private static String subject(ResolvedResource resolved) {
        Scope scope = resolved.scope();
        String where = scope instanceof Scope.Folder folder
                ? "defined on folder " + folder.fullName()
                : "defined in the global configuration";
        return "Bitbucket resource `" + resolved.resource().name() + "` (" + where + ")";
    }
}
