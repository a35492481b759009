package io.jenkins.plugins.bitbucketresources.core.resolve;

import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.prepare.Prepared;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResource;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResources;
import java.util.List;
import java.util.Optional;

/**
 * Looks resource names up among valid definitions only. Kept for hosts that have not moved to
 * {@link BlockPreparation} yet, which sees broken definitions too; it decides by the same rules and says the same
 * things.
 *
 * @deprecated use {@link BlockPreparation#prepare}, {@link BlockPreparation#resolve} and {@link BlockPreparation#visible}
 */
@Deprecated
public final class Resolver {

    private Resolver() {
    }

    /**
     * @param nearestFirst the scopes the job sees, nearest first
     * @param names the names asked for, in the order they were asked for
     * @param job the job's full name
     */
    public static Resolution resolve(List<ScopedResources> nearestFirst, List<String> names, String job) {
        Prepared<List<ResolvedResource>> resolved = BlockPreparation.resolve(definitions(nearestFirst), names, jobPath(job));
        if (resolved instanceof Prepared.Refused<List<ResolvedResource>> refused) {
            return new Resolution.Failed(refused.message());
        }
        return new Resolution.Resolved(((Prepared.Ready<List<ResolvedResource>>) resolved).value());
    }

    /** The resources a job sees: the nearest definition of each name, in scope order, then as written. */
    public static List<ResolvedResource> visible(List<ScopedResources> nearestFirst) {
        return VisibleResources.of(definitions(nearestFirst)).usable().stream().map(VisibleResource.Usable::resolved).toList();
    }

    /** The definition of a name in a given scope list, if any. */
    public static Optional<ResolvedResource> find(List<ScopedResources> nearestFirst, String name) {
        return VisibleResources.of(definitions(nearestFirst)).find(name)
                .filter(VisibleResource.Usable.class::isInstance)
                .map(v -> ((VisibleResource.Usable) v).resolved());
    }

    private static List<ScopeDefinitions> definitions(List<ScopedResources> nearestFirst) {
        return nearestFirst.stream()
                .map(s -> new ScopeDefinitions(s.scope(), s.resources().stream().map(Definition::of).toList()))
                .toList();
    }

    private static Optional<JobPath> jobPath(String job) {
        try {
            return Optional.of(JobPath.parse(job));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
