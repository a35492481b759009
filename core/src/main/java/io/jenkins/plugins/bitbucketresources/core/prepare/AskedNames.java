package io.jenkins.plugins.bitbucketresources.core.prepare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Step 1: the names asked for, stripped, each once; a blank name, a name asked twice or no name at all are problems. */
final class AskedNames {

    private AskedNames() {}

    static List<String> check(List<String> raw, List<BlockProblem> problems) {
        if (raw.isEmpty()) {
            problems.add(BlockProblem.of(BlockProblem.Kind.NO_NAMES, List.of(), Messages.noNames()));
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        List<String> reported = new ArrayList<>();
        for (String each : raw) {
            String name = each.strip();
            if (name.isEmpty()) {
                problems.add(BlockProblem.of(BlockProblem.Kind.EMPTY_NAME, List.of(), Messages.emptyName()));
            } else if (!names.add(name) && !reported.contains(name)) {
                reported.add(name);
                problems.add(BlockProblem.of(BlockProblem.Kind.NAMED_TWICE, List.of(name), Messages.namedTwice(name)));
            }
        }
        return List.copyOf(names);
    }
}
