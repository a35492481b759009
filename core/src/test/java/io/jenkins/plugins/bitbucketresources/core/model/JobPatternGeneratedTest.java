package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random patterns against random job names, compared with a plainly recursive reading of the rules (a {@code **}
 * segment takes any number of names, {@code *} any characters within one name).
 */
class JobPatternGeneratedTest {

    private static final int CASES = 20_000;
    private static final String[] NAMES = {"a", "b", "ab", "ba", "team-a", "team-b", "x", "release", "deploy", "my job"
    };
    private static final String[] GLOBS = {"*", "a*", "*b", "*a*", "team-*", "t*-*", "**", "**", "ab", "a"};

    @Test
    void agreesWithTheRecursiveReadingOfTheRules() {
        GeneratedCases.check(CASES, generate -> {
            List<String> pattern = generate.list(
                    1, 5, () -> generate.random().nextInt(3) == 0 ? generate.pick(GLOBS) : generate.pick(NAMES));
            List<String> job = generate.list(1, 6, () -> generate.pick(NAMES));
            String text = String.join("/", pattern);
            String name = String.join("/", job);
            boolean expected = reference(pattern, 0, job, 0);
            assertThat(JobPattern.parse(text).matches(name))
                    .as("pattern %s against job %s", text, name)
                    .isEqualTo(expected);
        });
    }

    private static boolean reference(List<String> pattern, int p, List<String> job, int j) {
        if (p == pattern.size()) {
            return j == job.size();
        }
        if (pattern.get(p).equals("**")) {
            for (int k = j; k <= job.size(); k++) {
                if (reference(pattern, p + 1, job, k)) {
                    return true;
                }
            }
            return false;
        }
        return j < job.size() && glob(pattern.get(p), 0, job.get(j), 0) && reference(pattern, p + 1, job, j + 1);
    }

    private static boolean glob(String glob, int g, String name, int n) {
        if (g == glob.length()) {
            return n == name.length();
        }
        if (glob.charAt(g) == '*') {
            for (int k = n; k <= name.length(); k++) {
                if (glob(glob, g + 1, name, k)) {
                    return true;
                }
            }
            return false;
        }
        return n < name.length() && glob.charAt(g) == name.charAt(n) && glob(glob, g + 1, name, n + 1);
    }
}
