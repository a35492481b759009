package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.policy.UseDecision;
import io.jenkins.plugins.bitbucketresources.core.policy.UsePolicy;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a job sees: every name defined in its scopes, once, with its nearest definition (usable, broken, or refused to
 * the job by the use policy), in scope order (nearest first), then as written. The same view decides a block's
 * resources, so a list of choices built from it and the block that uses a choice always agree.
 *
 * <p>The rules: the nearest scope that defines a name wins and hides the farther ones, whether its definition is valid
 * or not, and whether the job may use it or not; within one scope, the first definition of a name counts (the others
 * are reported when the scope is saved); a definition without a name cannot be asked for and is left out.
 */
public final class VisibleResources {

    private final Map<String, VisibleResource> byName;

    private VisibleResources(Map<String, VisibleResource> byName) {
        this.byName = byName;
    }

    /**
     * The names as the definitions give them, whoever the job is: no resource is {@linkplain VisibleResource.Refused
     * refused}. For what does not depend on the job (a folder's own page); a job's list of choices passes the job and the
     * policy.
     *
     * @param nearestFirst the scopes the job sees: its folder, the folders above it, then the global configuration
     */
    public static VisibleResources of(List<ScopeDefinitions> nearestFirst) {
        return build(nearestFirst, Optional.empty(), Optional.empty());
    }

    /**
     * What the job may use: a valid nearest definition that the use policy refuses to the job by its name
     * ({@code globalResourcesFolders}, {@code allowedJobs}) is {@link VisibleResource.Refused}, with the rule and the
     * line a block would say. A {@code ciRepo} with {@code onlyOwnCheckout} stays usable: whether the build checks it
     * out is known only when a block starts.
     *
     * @param job the job, by its full name as it is now; empty for a run outside any job
     * @param policy who may use the global resources
     */
    public static VisibleResources of(List<ScopeDefinitions> nearestFirst, Optional<JobPath> job, GlobalPolicy policy) {
        Objects.requireNonNull(job, "job");
        return build(nearestFirst, job, Optional.of(new UsePolicy(policy)));
    }

    private static VisibleResources build(
            List<ScopeDefinitions> nearestFirst, Optional<JobPath> job, Optional<UsePolicy> policy) {
        Map<String, Winner> winners = new LinkedHashMap<>();
        for (ScopeDefinitions scoped : nearestFirst) {
            Set<String> inThisScope = new HashSet<>();
            List<Definition> definitions = scoped.definitions();
            for (int i = 0; i < definitions.size(); i++) {
                Definition definition = definitions.get(i);
                String name = definition.name();
                if (name.isEmpty() || !inThisScope.add(name)) {
                    continue;
                }
                Winner winner = winners.get(name);
                if (winner == null) {
                    winners.put(name, new Winner(definition, new DefinitionRef(scoped.scope(), i), new ArrayList<>()));
                } else {
                    winner.hides().add(scoped.scope());
                }
            }
        }
        Map<String, VisibleResource> byName = new LinkedHashMap<>();
        winners.forEach((name, winner) -> byName.put(name, winner.visible(job, policy)));
        return new VisibleResources(byName);
    }

    /** Every visible name, nearest scope first, then as written. */
    public List<VisibleResource> all() {
        return List.copyOf(byName.values());
    }

    /** The names whose nearest definition is valid and not refused to the job, in the same order. */
    public List<VisibleResource.Usable> usable() {
        return each(VisibleResource.Usable.class);
    }

    /** The names whose nearest definition is valid but refused to the job, in the same order. */
    public List<VisibleResource.Refused> refused() {
        return each(VisibleResource.Refused.class);
    }

    /** The names whose nearest definition is broken, in the same order. */
    public List<VisibleResource.Broken> broken() {
        return each(VisibleResource.Broken.class);
    }

    private <V extends VisibleResource> List<V> each(Class<V> kind) {
        return byName.values().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** What the job gets for a name (stripped), if the name is visible at all. */
    public Optional<VisibleResource> find(String name) {
        return Optional.ofNullable(byName.get(name.strip()));
    }

    /** The visible names, in order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public int size() {
        return byName.size();
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    private record Winner(Definition definition, DefinitionRef where, List<Scope> hides) {

        VisibleResource visible(Optional<JobPath> job, Optional<UsePolicy> policy) {
            Validated<Resource> resource = definition.resource();
            if (resource instanceof Validated.Valid<Resource> valid) {
                ResolvedResource resolved = new ResolvedResource(valid.value(), where.scope(), hides);
                Optional<UseDecision.Refused> refused = policy.map(p -> p.byName(resolved, job))
                        .filter(UseDecision.Refused.class::isInstance)
                        .map(UseDecision.Refused.class::cast);
                return refused.<VisibleResource>map(r -> new VisibleResource.Refused(resolved, where, r))
                        .orElseGet(() -> new VisibleResource.Usable(resolved, where));
            }
            List<Problem> problems =
                    resource.problems().stream().filter(Problem::isError).toList();
            return new VisibleResource.Broken(definition.name(), where, hides, problems);
        }
    }
}
