package io.jenkins.plugins.bitbucketresources.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs({OS.LINUX, OS.MAC})
class RunCommandTest {

    private static final String TOKEN = "run-T0ken/with+special=chars";
    private static final String EXAMPLE = Path.of("..", "examples", "bitbucket-resources.yml")
            .toAbsolutePath()
            .normalize()
            .toString();

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("BITBUCKET_TOKEN", TOKEN);
        return env;
    }

    private final CliRunner cli = new CliRunner(Path.of("").toAbsolutePath(), environment());

    private CliRunner.Result sh(String script) {
        return cli.run(
                "run", "--config", EXAMPLE, "--job", "team-a/backend/build", "app-repo", "--", "sh", "-c", script);
    }

    @Test
    void commandSeesTheVariables() {
        CliRunner.Result result = sh("echo \"$APPREPO_SOURCENAME $APPREPO_BRANCH $APPREPO_INTEGRATION_USERNAME\"");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("acme/app develop ci-bot@example.com\n");
    }

    @Test
    void tokenIsMaskedOnStdoutAndStderrInEveryForm() {
        String basic =
                Base64.getEncoder().encodeToString(("ci-bot@example.com:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        CliRunner.Result result = sh("echo \"literal $APPREPO_INTEGRATION_TOKEN\"; "
                + "printf '%s' \"$APPREPO_INTEGRATION_TOKEN\" | base64; "
                + "printf '%s:%s' \"$APPREPO_INTEGRATION_USERNAME\" \"$APPREPO_INTEGRATION_TOKEN\" | base64; "
                + "echo \"err $APPREPO_INTEGRATION_TOKEN\" >&2; "
                + "set -x; : \"$APPREPO_INTEGRATION_TOKEN\"");
        assertThat(result.exitCode()).isZero();
        String all = result.out() + result.err();
        assertThat(all)
                .doesNotContain(TOKEN)
                .doesNotContain(basic)
                .doesNotContain(Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.out()).startsWith("literal ****\n");
        assertThat(result.err()).contains("err ****\n");
    }

    @Test
    void tokenSplitAcrossWritesIsMasked() {
        CliRunner.Result result = sh("printf '%s' \"$APPREPO_INTEGRATION_TOKEN\" | cut -c1-6 | tr -d '\\n'; sleep 0.2; "
                + "printf '%s\\n' \"$APPREPO_INTEGRATION_TOKEN\" | cut -c7-");
        assertThat(result.out()).isEqualTo("****\n");
    }

    @Test
    void tokenIsInTheEnvironmentNotTheArguments() {
        CliRunner.Result result = sh(
                "if tr '\\0' ' ' < /proc/$$/cmdline | grep -qF \"$APPREPO_INTEGRATION_TOKEN\"; then echo in-arguments; "
                        + "else echo not-in-arguments; fi; test -n \"$APPREPO_INTEGRATION_TOKEN\" && echo in-environment");
        assertThat(result.out()).isEqualTo("not-in-arguments\nin-environment\n");
    }

    @Test
    void exitCodeIsTheCommands() {
        assertThat(sh("exit 7").exitCode()).isEqualTo(7);
    }

    @Test
    void killedBySignalExitsWith128PlusTheSignal() {
        assertThat(sh("kill -TERM $$").exitCode()).isEqualTo(128 + 15);
    }

    @Test
    void stdinIsPassedThrough() {
        CliRunner withInput = new CliRunner(
                Path.of("").toAbsolutePath(),
                environment(),
                new ByteArrayInputStream("line one\nline two\n".getBytes(StandardCharsets.UTF_8)));
        CliRunner.Result result = withInput.run("run", "--config", EXAMPLE, "app-repo", "--", "cat");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("line one\nline two\n");
    }

    @Test
    void unknownCommandExits127() {
        CliRunner.Result result = cli.run("run", "--config", EXAMPLE, "app-repo", "--", "no-such-command-4711");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.COMMAND_NOT_FOUND);
        assertThat(result.err())
                .isEqualTo("bitbucket-resources: command `no-such-command-4711` not found: check its name and PATH\n");
    }

    @Test
    void commandAfterTheDelimiterKeepsItsOwnDelimiters() {
        CliRunner.Result result =
                cli.run("run", "--config", EXAMPLE, "app-repo", "--", "sh", "-c", "echo \"$@\"", "sh", "--", "-x");
        assertThat(result.out()).isEqualTo("-- -x\n");
    }

    @Test
    void missingDelimiterIsAUsageError() {
        CliRunner.Result result = cli.run("run", "--config", EXAMPLE, "app-repo", "echo");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("bitbucket-resources: the command to run is missing: put it after `--`");
    }

    @Test
    void missingNamesIsAUsageError() {
        CliRunner.Result result = cli.run("run", "--config", EXAMPLE, "--", "echo");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .startsWith("bitbucket-resources: no resource named: give at least one NAME before `--`");
    }

    @Test
    void unknownResourceDoesNotRunTheCommand() {
        CliRunner.Result result = cli.run("run", "--config", EXAMPLE, "nope", "--", "sh", "-c", "echo ran");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(result.out()).isEmpty();
    }
}
