package io.jenkins.plugins.bitbucketresources.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import io.jenkins.plugins.bitbucketresources.core.testing.RealShell;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The credential helpers run by real shells exactly as git runs them ({@code sh -c '<snippet> <action>'}), with
 * generated user names, resource names and tokens full of characters shells treat specially.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CredentialHelperShellTest {

    private static final String SPECIAL = "'\"$`\\%!*?[](){};&|<>#~@=,.-_^";
    private static final String URL = "https://git.example.com/scm/proj/app.git";

    private static Command.Result run(RealShell shell, String helper, String action, String token) {
        assertThat(helper).startsWith("!");
        return shell.run(Map.of("APP_INTEGRATION_TOKEN", token), new byte[0], "-c", helper.substring(1) + " " + action);
    }

    @ParameterizedTest
    @EnumSource(RealShell.class)
    void helpersAnswerExactlyWhatGitExpectsInEveryShell(RealShell shell) {
        shell.assumeInstalled();
        String userChars = "abcXYZ019" + SPECIAL.replace(":", "") + " ";
        GeneratedCases.check(12, generate -> {
            String drawn = generate.string(userChars, 1, 12).strip();
            String username = drawn.isEmpty() ? "u" : drawn;
            String resource = generate.string("abc-" + SPECIAL, 1, 10);
            String token = generate.string(Generator.VISIBLE_ASCII, 8, 40);
            GitRoute basicRoute = new GitRoute(resource, "APP", URL, new GitCredential.Basic(username));
            GitRoute bearerRoute = new GitRoute(resource, "APP", URL, new GitCredential.Bearer());
            String answering = CredentialHelper.answering(basicRoute, username);
            String refusing = CredentialHelper.refusing(bearerRoute);
            String context = shell.toString();

            Command.Result get = run(shell, answering, "get", token);
            assertThat(get.exitCode()).as(context).isZero();
            assertThat(get.out()).as(context).isEqualTo("username=" + username + "\npassword=" + token + "\n");
            assertThat(get.err()).as(context).isEmpty();

            Command.Result erase = run(shell, answering, "erase", token);
            assertThat(erase.out()).as(context).isEmpty();
            assertThat(erase.err())
                    .as(context)
                    .isEqualTo("bitbucket-resources: " + URL + " refused the token of resource " + resource
                            + " (APP_INTEGRATION_TOKEN, as user " + username
                            + "): check that it is valid, not expired and allowed to use this "
                            + "repository\n");

            Command.Result store = run(shell, answering, "store", token);
            assertThat(store.exitCode()).as(context).isZero();
            assertThat(store.all()).as(context).isEmpty();

            Command.Result refused = run(shell, refusing, "get", token);
            assertThat(refused.exitCode()).as(context).isZero();
            assertThat(refused.out()).as(context).isEqualTo("quit=1\n");
            assertThat(refused.err())
                    .as(context)
                    .isEqualTo(
                            "bitbucket-resources: " + URL + " refused the Bearer token of resource " + resource
                                    + " (APP_INTEGRATION_TOKEN): check that it is valid, not expired and allowed to use this repository\n");

            Command.Result ignored = run(shell, refusing, "erase", token);
            assertThat(ignored.exitCode()).as(context).isZero();
            assertThat(ignored.all()).as(context).isEmpty();

            assertThat(answering + refusing).as(context).doesNotContain(token);
        });
    }
}
