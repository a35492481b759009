package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a job sees: every name defined in its scopes, once, with its nearest definition (usable or broken), in scope
 * order (nearest first), then as written. The same view decides a block's resources, so a list of choices built from
 * it and the block that uses a choice always agree.
 *
 * <p>The rules: the nearest scope that defines a name wins and hides the farther ones, whether its definition is valid
 * or not; within one scope, the first definition of a name counts (the others are reported when the scope is saved);
 * a definition without a name cannot be asked for and is left out.
 */
public final class VisibleResources {

    private final Map<String, VisibleResource> byName;

    private VisibleResources(Map<String, VisibleResource> byName) {
        this.byName = byName;
    }

    /** @param nearestFirst the scopes the job sees: its folder, the folders above it, then the global configuration */
    public static VisibleResources of(List<ScopeDefinitions> nearestFirst) {
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
        winners.forEach((name, winner) -> byName.put(name, winner.visible()));
        return new VisibleResources(byName);
    }

    /** Every visible name, nearest scope first, then as written. */
    public List<VisibleResource> all() {
        return List.copyOf(byName.values());
    }

    /** The names whose nearest definition is valid, in the same order. */
    public List<VisibleResource.Usable> usable() {
        return byName.values().stream().filter(VisibleResource.Usable.class::isInstance).map(VisibleResource.Usable.class::cast).toList();
    }

    /** The names whose nearest definition is broken, in the same order. */
    public List<VisibleResource.Broken> broken() {
        return byName.values().stream().filter(VisibleResource.Broken.class::isInstance).map(VisibleResource.Broken.class::cast).toList();
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

        VisibleResource visible() {
            Validated<Resource> resource = definition.resource();
            if (resource instanceof Validated.Valid<Resource> valid) {
                return new VisibleResource.Usable(new ResolvedResource(valid.value(), where.scope(), hides), where);
            }
            List<Problem> problems = resource.problems().stream().filter(Problem::isError).toList();
            return new VisibleResource.Broken(definition.name(), where, hides, problems);
        }
    }
}
