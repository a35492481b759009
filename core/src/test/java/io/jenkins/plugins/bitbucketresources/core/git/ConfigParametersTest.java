package io.jenkins.plugins.bitbucketresources.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import io.jenkins.plugins.bitbucketresources.core.testing.GitClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @BeforeEach
    void git() {
        git = GitClient.withHome(temp.resolve("home"));
    }

    private Command.Result listWith(String parameters) {
        Map<String, String> environment = new HashMap<>(git.environment());
        environment.put("GIT_CONFIG_PARAMETERS", parameters);
        return git.run(temp, environment, "config", "--null", "--list");
    }

    @Test
    void gitReadsBackWhatIsWrittenIncludingEmptyValues() {
        GeneratedCases.check(40, generate -> {
            String subsection = "https://h.example/" + generate.string("ab'!\\$ \"=-", 0, 12);
            String value = generate.string("ab'!\\$ \"=\t-{}", 0, 20);
            String key = "credential." + subsection + ".helper";
            String parameters = EnvironmentConfig.quote("user.name") + "=" + EnvironmentConfig.quote("Builder") + " "
                    + EnvironmentConfig.quote(key) + "=" + EnvironmentConfig.quote(value);

            Command.Result listed = listWith(parameters);

            assertThat(EnvironmentConfig.wellFormed(parameters)).as(parameters).isTrue();
            assertThat(listed.exitCode()).as(parameters + "\n" + listed.err()).isZero();
            assertThat(List.of(listed.out().split("\0")))
                    .as(parameters)
                    .endsWith("user.name\nBuilder", key + "\n" + value);
        });
    }

    /**
     * Generated lists, most of them slightly broken: the engine calls a list broken exactly when git does. One case holds
     * all the lists, so that it can also show git judged enough of them.
     */
    @Test
    void aListIsBrokenExactlyWhenGitSaysSo() {
        GeneratedCases.check(1, generate -> {
            int compared = 0;
            for (int round = 0; round < 300; round++) {
                StringBuilder list = new StringBuilder();
                int entries = generate.between(1, 3);
                for (int e = 0; e < entries; e++) {
                    list.append(generate.string(" \t", 0, 1).isEmpty() && e > 0 ? " " : generate.string(" \t", 0, 2));
                    String value = EnvironmentConfig.quote(generate.string("ab'!\\ ", 0, 6));
                    list.append(
                            switch (generate.random().nextInt(4)) {
                                case 0 -> "'a.b'=" + value;
                                case 1 -> "'a.b'=";
                                case 2 -> "'a.b=c'";
                                default -> "'a.b'";
                            });
                }
                String parameters = mutate(generate, list.toString());

                Command.Result listed = listWith(parameters);

                boolean gitSaysBroken = listed.err().contains(BOGUS);
                if (listed.exitCode() != 0 && !gitSaysBroken) {
                    // git stopped at something else first (a key it refuses): the format was not judged.
                    continue;
                }
                compared++;
                assertThat(EnvironmentConfig.wellFormed(parameters))
                        .as("[%s], git says %s", parameters, listed.err())
                        .isEqualTo(!gitSaysBroken);
            }
            assertThat(compared).as("lists git judged").isGreaterThan(150);
        });
    }

    private static String mutate(Generator generate, String list) {
        StringBuilder mutated = new StringBuilder(list);
        int changes = generate.random().nextInt(3);
        for (int i = 0; i < changes && mutated.length() > 0; i++) {
            int at = generate.random().nextInt(mutated.length() + 1);
            if (generate.bool() && at < mutated.length()) {
                mutated.deleteCharAt(at);
            } else {
                mutated.insert(at, generate.pick('\'', '\\', '!', '=', ' ', 'x'));
            }
        }
        return mutated.toString();
    }
}
