package io.jenkins.plugins.bitbucketresources.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.GitClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GIT_CONFIG_PARAMETERS} against the real git: what the engine writes, git reads back unchanged, and the engine
 * judges an existing value the way git does, with generated values full of quotes, backslashes and blanks.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ConfigParametersTest {

    private static final String BOGUS = "bogus format in GIT_CONFIG_PARAMETERS";

    @TempDir
    Path temp;

    private GitClient git;
    private RandomGenerator random;
    private long seed;

    @BeforeEach
    void gitAndGenerator() {
        git = GitClient.withHome(temp.resolve("home"));
        seed = Long.getLong("seed", System.nanoTime());
        random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    private Command.Result listWith(String parameters) {
        Map<String, String> environment = new HashMap<>(git.environment());
        environment.put("GIT_CONFIG_PARAMETERS", parameters);
        return git.run(temp, environment, "config", "--null", "--list");
    }

    private String text(String alphabet, int maximum) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maximum + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void gitReadsBackWhatIsWrittenIncludingEmptyValues() {
        for (int round = 0; round < 40; round++) {
            String subsection = "https://h.example/" + text("ab'!\\$ \"=-", 12);
            String value = text("ab'!\\$ \"=\t-{}", 20);
            String key = "credential." + subsection + ".helper";
            String parameters = EnvironmentConfig.quote("user.name") + "=" + EnvironmentConfig.quote("Builder") + " "
                    + EnvironmentConfig.quote(key) + "=" + EnvironmentConfig.quote(value);

            Command.Result listed = listWith(parameters);

            String context = "round " + round + " with -Dseed=" + seed + ": " + parameters;
            assertThat(EnvironmentConfig.wellFormed(parameters)).as(context).isTrue();
            assertThat(listed.exitCode()).as(context + "\n" + listed.err()).isZero();
            assertThat(List.of(listed.out().split("\0"))).as(context).endsWith("user.name\nBuilder", key + "\n" + value);
        }
    }

    /** Generated lists, most of them slightly broken: the engine calls a list broken exactly when git does. */
    @Test
    void aListIsBrokenExactlyWhenGitSaysSo() {
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            StringBuilder list = new StringBuilder();
            int entries = 1 + random.nextInt(3);
            for (int e = 0; e < entries; e++) {
                list.append(text(" \t", 1).isEmpty() && e > 0 ? " " : text(" \t", 2));
                String value = EnvironmentConfig.quote(text("ab'!\\ ", 6));
                list.append(switch (random.nextInt(4)) {
                    case 0 -> "'a.b'=" + value;
                    case 1 -> "'a.b'=";
                    case 2 -> "'a.b=c'";
                    default -> "'a.b'";
                });
            }
            String parameters = mutate(list.toString());

            Command.Result listed = listWith(parameters);

            boolean gitSaysBroken = listed.err().contains(BOGUS);
            if (listed.exitCode() != 0 && !gitSaysBroken) {
                // git stopped at something else first (a key it refuses): the format was not judged.
                continue;
            }
            compared++;
            assertThat(EnvironmentConfig.wellFormed(parameters))
                    .as("round %d with -Dseed=%d: [%s], git says %s", round, seed, parameters, listed.err())
                    .isEqualTo(!gitSaysBroken);
        }
        assertThat(compared).as("lists git judged, with -Dseed=" + seed).isGreaterThan(150);
    }

    private String mutate(String list) {
        StringBuilder mutated = new StringBuilder(list);
        int changes = random.nextInt(3);
        for (int i = 0; i < changes && mutated.length() > 0; i++) {
            int at = random.nextInt(mutated.length() + 1);
            if (random.nextBoolean() && at < mutated.length()) {
                mutated.deleteCharAt(at);
            } else {
                mutated.insert(at, "'\\!= x".charAt(random.nextInt(6)));
            }
        }
        return mutated.toString();
    }
}
