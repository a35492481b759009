package io.jenkins.plugins.bitbucketresources.core.definition;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.ResourceName;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The resources of one scope (a folder or the global configuration) as an administrator wrote them, checked together
 * before they are saved: every problem of every entry, named {@code resources[i].field}, names defined twice, and
 * names that give the same variable prefix (they could never be used in one block).
 */
public final class Definitions {

    public static final String FIELD = "resources";

    /**
     * An entry that clashes with an earlier one of the same list.
     *
     * @param index the entry, counted from 0
     * @param earlier the earlier entry it clashes with
     * @param problem the error, on {@code resources[index].name}
     */
    public record Conflict(int index, int earlier, Problem problem) {
        public Conflict {
            Objects.requireNonNull(problem, "problem");
        }
    }

    private Definitions() {}

    /** The resources when all are valid (warnings kept), or every problem found. */
    public static Validated<List<Resource>> check(List<Validated<Resource>> entries) {
        Map<Integer, Conflict> conflicts = new HashMap<>();
        conflicts(entries).forEach(c -> conflicts.put(c.index(), c));
        List<Problem> problems = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entry(i);
            Validated<Resource> validated = entries.get(i);
            validated.problems().forEach(problem -> problems.add(problem.under(entry)));
            Conflict conflict = conflicts.get(i);
            if (conflict != null) {
                problems.add(conflict.problem());
            } else if (validated instanceof Validated.Valid<Resource> valid) {
                resources.add(valid.value());
            }
        }
        return Validated.of(List.copyOf(resources), problems);
    }

    /**
     * The valid entries that clash with an earlier valid entry: the same name (jobs see only the first), or another
     * name with the same variable prefix ({@code app-repo} and {@code App-Repo} both give {@code APPREPO}).
     */
    public static List<Conflict> conflicts(List<Validated<Resource>> entries) {
        List<Conflict> conflicts = new ArrayList<>();
        Map<String, Integer> byName = new HashMap<>();
        Map<String, Integer> byPrefix = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Validated.Valid<Resource> valid)) {
                continue;
            }
            ResourceName name = valid.value().name();
            String field = entry(i) + "." + ResourceName.FIELD;
            Integer sameName = byName.putIfAbsent(name.value(), i);
            if (sameName != null) {
                conflicts.add(new Conflict(
                        i,
                        sameName,
                        Problem.error(
                                field,
                                "`" + name + "` is already defined in this scope (" + entry(sameName)
                                        + "): rename one of them or remove the duplicate")));
                continue;
            }
            Integer samePrefix = byPrefix.putIfAbsent(name.prefix(), i);
            if (samePrefix != null) {
                ResourceName other = ((Validated.Valid<Resource>) entries.get(samePrefix))
                        .value()
                        .name();
                conflicts.add(new Conflict(
                        i,
                        samePrefix,
                        Problem.error(
                                field,
                                "`" + name + "` gives the variable prefix `" + name.prefix()
                                        + "`, as `" + other + "` (" + entry(samePrefix)
                                        + ") does, so their variables would overwrite each other and "
                                        + "they could never be used together: rename one of them")));
            }
        }
        return List.copyOf(conflicts);
    }

    private static String entry(int index) {
        return FIELD + "[" + index + "]";
    }
}
