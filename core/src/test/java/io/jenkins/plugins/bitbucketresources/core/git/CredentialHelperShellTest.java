package io.jenkins.plugins.bitbucketresources.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.RequiredPrograms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The credential helpers run by real shells exactly as git runs them ({@code sh -c '<snippet> <action>'}), with
 * generated user names, resource names and tokens full of characters shells treat specially.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CredentialHelperShellTest {

    private static final String SPECIAL = "'\"$`\\%!*?[](){};&|<>#~@=,.-_^";
    private static final String URL = "https://git.example.com/scm/proj/app.git";

    private static List<String> shell(String name) {
        return switch (name) {
            case "busybox" -> List.of(RequiredPrograms.require("busybox").toString(), "sh");
            default -> List.of(RequiredPrograms.require(name).toString());
        };
    }

    private static Command.Result run(List<String> shell, String helper, String action, String token) {
        assertThat(helper).startsWith("!");
        List<String> command = new ArrayList<>(shell);
        command.add("-c");
        command.add(helper.substring(1) + " " + action);
        Map<String, String> environment = Map.of("PATH", Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin"),
                "APP_INTEGRATION_TOKEN", token);
        return Command.run(Path.of("").toAbsolutePath(), environment, command);
    }

    private static String text(RandomGenerator random, String alphabet, int minimum, int maximum) {
        StringBuilder text = new StringBuilder();
        int length = minimum + random.nextInt(maximum - minimum + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String printableAscii() {
        StringBuilder chars = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            chars.append(c);
        }
        return chars.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash", "dash", "busybox"})
    void helpersAnswerExactlyWhatGitExpectsInEveryShell(String name) {
        List<String> shell = shell(name);
        long seed = Long.getLong("seed", System.nanoTime());
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        String userChars = "abcXYZ019" + SPECIAL.replace(":", "") + " ";
        for (int round = 0; round < 12; round++) {
            String username = text(random, userChars, 1, 12).strip();
            username = username.isEmpty() ? "u" : username;
            String resource = text(random, "abc-" + SPECIAL, 1, 10);
            String token = text(random, printableAscii(), 8, 40);
            GitRoute basicRoute = new GitRoute(resource, "APP", URL, new GitCredential.Basic(username));
            GitRoute bearerRoute = new GitRoute(resource, "APP", URL, new GitCredential.Bearer());
            String answering = CredentialHelper.answering(basicRoute, username);
            String refusing = CredentialHelper.refusing(bearerRoute);
            String context = name + ", round " + round + " with -Dseed=" + seed;

            Command.Result get = run(shell, answering, "get", token);
            assertThat(get.exitCode()).as(context).isZero();
            assertThat(get.out()).as(context).isEqualTo("username=" + username + "\npassword=" + token + "\n");
            assertThat(get.err()).as(context).isEmpty();

            Command.Result erase = run(shell, answering, "erase", token);
            assertThat(erase.out()).as(context).isEmpty();
            assertThat(erase.err()).as(context).isEqualTo("bitbucket-resources: " + URL + " refused the token of resource " + resource
                    + " (APP_INTEGRATION_TOKEN, as user " + username + "): check that it is valid, not expired and allowed to use this "
                    + "repository\n");

            Command.Result store = run(shell, answering, "store", token);
            assertThat(store.exitCode()).as(context).isZero();
            assertThat(store.all()).as(context).isEmpty();

            Command.Result refused = run(shell, refusing, "get", token);
            assertThat(refused.exitCode()).as(context).isZero();
            assertThat(refused.out()).as(context).isEqualTo("quit=1\n");
            assertThat(refused.err()).as(context).isEqualTo("bitbucket-resources: " + URL + " refused the Bearer token of resource "
                    + resource + " (APP_INTEGRATION_TOKEN): check that it is valid, not expired and allowed to use this repository\n");

            Command.Result ignored = run(shell, refusing, "erase", token);
            assertThat(ignored.exitCode()).as(context).isZero();
            assertThat(ignored.all()).as(context).isEmpty();

            assertThat(answering + refusing).as(context).doesNotContain(token);
        }
    }
}
