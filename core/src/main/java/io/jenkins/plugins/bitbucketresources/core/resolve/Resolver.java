package io.jenkins.plugins.bitbucketresources.core.resolve;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.naming.ClosestNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Looks resource names up for a job. The scopes come nearest first (the job's folder, its parent, …, then global);
 * the nearest definition of a name wins and hides the farther ones.
 */
public final class Resolver {

    private Resolver() {
    }

    /**
     * @param nearestFirst the scopes the job sees, nearest first
     * @param names the names asked for, in the order they were asked for
     * @param job the job, for messages (e.g. its full name)
     */
    public static Resolution resolve(List<ScopedResources> nearestFirst, List<String> names, String job) {
        if (names.isEmpty()) {
            return new Resolution.Failed("No resource name given: name at least one Bitbucket resource, e.g. withBitbucketResource('app-repo')");
        }
        Map<String, ResolvedResource> visible = visibleByName(nearestFirst);
        List<ResolvedResource> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : names) {
            String name = raw.strip();
            if (name.isEmpty()) {
                errors.add("An empty resource name was given: name a Bitbucket resource, e.g. withBitbucketResource('app-repo')");
                continue;
            }
            if (!seen.add(name)) {
                errors.add("Resource `" + name + "` is named more than once: name each resource once.");
                continue;
            }
            ResolvedResource resolved = visible.get(name);
            if (resolved == null) {
                errors.add(unknown(name, visible, job));
                unknown.add(name);
            } else {
                found.add(resolved);
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(howToFix(unknown, visible));
        }
        return errors.isEmpty() ? new Resolution.Resolved(found) : new Resolution.Failed(String.join("\n", errors));
    }

    /** The resources a job sees: the nearest definition of each name, in scope order, then as written. */
    public static List<ResolvedResource> visible(List<ScopedResources> nearestFirst) {
        return List.copyOf(visibleByName(nearestFirst).values());
    }

    /** The definition of a name in a given scope list, if any. */
    public static Optional<ResolvedResource> find(List<ScopedResources> nearestFirst, String name) {
        return Optional.ofNullable(visibleByName(nearestFirst).get(name.strip()));
    }

    private static Map<String, ResolvedResource> visibleByName(List<ScopedResources> nearestFirst) {
        Map<String, Resource> winners = new LinkedHashMap<>();
        Map<String, Scope> winnerScopes = new LinkedHashMap<>();
        Map<String, List<Scope>> hidden = new LinkedHashMap<>();
        for (ScopedResources scoped : nearestFirst) {
            Set<String> inThisScope = new HashSet<>();
            for (Resource resource : scoped.resources()) {
                String name = resource.name().value();
                if (!inThisScope.add(name)) {
                    continue; // a scope's own duplicates are reported when it is validated; the first one counts
                }
                if (winners.containsKey(name)) {
                    hidden.computeIfAbsent(name, n -> new ArrayList<>()).add(scoped.scope());
                } else {
                    winners.put(name, resource);
                    winnerScopes.put(name, scoped.scope());
                }
            }
        }
        Map<String, ResolvedResource> visible = new LinkedHashMap<>();
        winners.forEach((name, resource) ->
                visible.put(name, new ResolvedResource(resource, winnerScopes.get(name), hidden.getOrDefault(name, List.of()))));
        return visible;
    }

    private static String unknown(String name, Map<String, ResolvedResource> visible, String job) {
        StringBuilder message = new StringBuilder("No Bitbucket resource named `").append(name).append("` is visible to ").append(job);
        if (visible.isEmpty()) {
            return message.append(": no resources are defined in its folders or globally.").toString();
        }
        message.append('.');
        List<String> suggestions = ClosestNames.closest(name, visible.keySet());
        if (!suggestions.isEmpty()) {
            message.append(" Did you mean ")
                    .append(suggestions.stream().map(s -> "`" + s + "`").collect(Collectors.joining(" or ")))
                    .append('?');
        }
        return message.toString();
    }

    /** Said once, however many names were unknown: what the job can see, and how to fix it. */
    private static String howToFix(List<String> unknown, Map<String, ResolvedResource> visible) {
        String names = unknown.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
        String where = " in a folder above the job or in the global configuration.";
        if (visible.isEmpty()) {
            return "Define " + names + where;
        }
        return "Visible: " + visible.values().stream()
                .map(r -> r.resource().name().value() + " (" + r.scope().describe() + ")")
                .collect(Collectors.joining(", "))
                + ". Fix the " + (unknown.size() == 1 ? "name" : "names") + ", or define " + names + where;
    }
}
