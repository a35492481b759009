package io.jenkins.plugins.bitbucketresources.core.env;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.naming.ReservedVariables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The variables of every resource used together in one block or build. Resources whose variables would overwrite
 * each other, or a variable Jenkins, its SCM or the shell sets, are refused with a message naming both sides.
 */
public record BlockEnvironment(List<ResourceVariables> resources) {

    public BlockEnvironment {
        resources = List.copyOf(resources);
    }

    /**
     * Resources used together whose variables would overwrite each other, or a variable Jenkins, its SCM or the shell
     * sets.
     *
     * @param resources the names of the resources concerned, as defined
     * @param message what is wrong and what to do, naming both sides
     */
    public record Collision(List<String> resources, String message) {
        public Collision {
            resources = List.copyOf(resources);
            Objects.requireNonNull(message, "message");
        }
    }

    public static Validated<BlockEnvironment> assemble(List<ResourceVariables> resources) {
        List<Problem> problems = collisions(resources).stream()
                .map(c -> Problem.error("names", c.message()))
                .toList();
        return Validated.of(problems.isEmpty() ? new BlockEnvironment(resources) : null, problems);
    }

    /** Every collision among these resources' variables, in the order the resources come. */
    public static List<Collision> collisions(List<ResourceVariables> resources) {
        List<Collision> collisions = new ArrayList<>();
        Map<String, ResourceVariables> byPrefix = new HashMap<>();
        Map<String, ResourceVariables> byVariable = new HashMap<>();
        for (ResourceVariables current : resources) {
            String prefix = current.resolved().resource().name().prefix();
            ResourceVariables samePrefix = byPrefix.putIfAbsent(prefix, current);
            if (samePrefix != null) {
                collisions.add(new Collision(
                        names(samePrefix, current),
                        "resources " + side(samePrefix) + " and " + side(current)
                                + " both give the variable prefix `" + prefix
                                + "`, so their variables would overwrite each other: "
                                + "use them in separate blocks, or rename one of them"));
                continue;
            }
            ReservedVariables.collisions(prefix)
                    .ifPresent(hits -> collisions.add(new Collision(
                            names(current),
                            "resource "
                                    + side(current) + " gives the variable prefix `" + prefix
                                    + "`, which would overwrite "
                                    + hits.stream().map(h -> "`" + h + "`").collect(Collectors.joining(", "))
                                    + ": rename it")));
            Map<ResourceVariables, List<String>> clashes = new LinkedHashMap<>();
            for (Variable variable : current.variables()) {
                ResourceVariables other = byVariable.putIfAbsent(variable.name(), current);
                if (other != null) {
                    clashes.computeIfAbsent(other, o -> new ArrayList<>()).add("`" + variable.name() + "`");
                }
            }
            clashes.forEach((other, names) -> collisions.add(new Collision(
                    names(other, current),
                    "resources " + side(other) + " and "
                            + side(current) + " would both set " + String.join(", ", names)
                            + ": use them in separate blocks, or rename one of them")));
        }
        return List.copyOf(collisions);
    }

    private static List<String> names(ResourceVariables... resources) {
        return Arrays.stream(resources)
                .map(r -> r.resolved().resource().name().value())
                .toList();
    }

    private static String side(ResourceVariables resource) {
        return "`" + resource.resolved().resource().name() + "` ("
                + resource.resolved().scope().describe() + ")";
    }

    /** Every variable, resource by resource, in contract order. */
    public List<Variable> variables() {
        return resources.stream().flatMap(r -> r.variables().stream()).toList();
    }

    /** Name to value, in contract order. */
    public Map<String, String> asMap() {
        return Variable.asMap(variables());
    }

    /** The names of the secret variables, e.g. to tell Pipeline which ones not to interpolate. */
    public List<String> secretNames() {
        return Variable.secretNames(variables());
    }

    /** The integrations used, each once: their tokens (and usernames) are what a log must not show. */
    public List<Integration> integrations() {
        return resources.stream().map(ResourceVariables::integration).distinct().toList();
    }

    /** For a log line: every resource with where it came from and its variable names; never a value. */
    public String describe() {
        return resources.stream()
                .map(r ->
                        r.resolved().describe() + " via " + r.integration().id() + ": " + String.join(", ", r.names()))
                .collect(Collectors.joining("; "));
    }
}
