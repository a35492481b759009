package io.jenkins.plugins.bitbucketresources.core.naming;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The known names closest to a mistyped one, for "did you mean" hints: names with the same variable prefix first,
 * then by edit distance, at most three, none farther than a third of the name's length (at least two edits, never
 * the whole name).
 */
public final class ClosestNames {

    private static final int MAX_SUGGESTIONS = 3;

    private ClosestNames() {}

    public static List<String> closest(String wanted, Collection<String> candidates) {
        // A third of the name, at least two edits, but never the whole name: `ci` must not suggest `db`.
        int allowed = Math.min(Math.max(2, wanted.length() / 3), wanted.length() - 1);
        Map<String, Integer> distances =
                candidates.stream().distinct().collect(Collectors.toMap(c -> c, c -> closeness(wanted, c)));
        return distances.entrySet().stream()
                .filter(e -> e.getValue() <= allowed)
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(MAX_SUGGESTIONS)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The candidates, closest to any of the wanted names first: a candidate with the same variable prefix as one of
     * them counts as distance 0, the others by edit distance; equally close candidates keep their order.
     */
    public static List<String> byCloseness(Collection<String> wanted, List<String> candidates) {
        Map<String, Integer> distances = new HashMap<>();
        for (String candidate : candidates) {
            distances.computeIfAbsent(
                    candidate,
                    c -> wanted.stream().mapToInt(w -> closeness(w, c)).min().orElse(Integer.MAX_VALUE));
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(distances::get))
                .toList();
    }

    /** 0 for a candidate with the wanted name's variable prefix, else the edit distance, ignoring case. */
    private static int closeness(String wanted, String candidate) {
        Optional<String> prefix = VariablePrefix.of(wanted);
        if (prefix.isPresent() && prefix.equals(VariablePrefix.of(candidate))) {
            return 0;
        }
        return distance(wanted.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
