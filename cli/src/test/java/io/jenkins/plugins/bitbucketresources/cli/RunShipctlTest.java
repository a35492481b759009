package io.jenkins.plugins.bitbucketresources.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --shipctl}: a Shippable-style script through the command line, with a real child process. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RunShipctlTest {

    private static final String TOKEN = "run-T0ken/with+special=chars";
    private static final String EXAMPLE = Path.of("..", "examples", "bitbucket-resources.yml")
            .toAbsolutePath()
            .normalize()
            .toString();

    /** Reads everything through shipctl, and says where shipctl was found and how private its directory is. */
    private static final String SHIPPABLE_STYLE = """
            set -e
            SOURCE=$(shipctl get_resource_version_key app-repo sourceName)
            BRANCH=$(shipctl get_resource_env app-repo branch)
            USER=$(shipctl get_integration_resource_field app-repo userName)
            TOKEN=$(shipctl get_integration_resource_field app-repo token)
            echo "$(shipctl get_resource_name app-repo) $SOURCE $BRANCH $USER $TOKEN"
            shipctl get_resource_env app-repo commit 2>/dev/null || echo "no commit ($?)"
            where=$(command -v shipctl)
            echo "found $where"
            ls -ld "$(dirname "$where")" | cut -c1-10
            """;

    @TempDir
    Path tmpdir;

    private CliRunner cli() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("BITBUCKET_TOKEN", TOKEN);
        environment.put("TMPDIR", tmpdir.toString());
        return new CliRunner(Path.of("").toAbsolutePath(), environment);
    }

    @Test
    void shippableStyleScriptRunsWithShipctlAndTheTokenMasked() throws IOException {
        CliRunner.Result result = cli().run(
                        "run",
                        "--config",
                        EXAMPLE,
                        "--job",
                        "team-a/backend/build",
                        "--shipctl",
                        "app-repo",
                        "--",
                        "sh",
                        "-c",
                        SHIPPABLE_STYLE);

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("APPREPO acme/app develop ci-bot@example.com ****");
        assertThat(lines[1]).isEqualTo("no commit (5)");
        Path shipctl = Path.of(lines[2].substring("found ".length()));
        assertThat(shipctl.getFileName()).hasToString("shipctl");
        assertThat(shipctl.getParent().getParent()).isEqualTo(tmpdir);
        assertThat(lines[3]).isEqualTo("drwx------");
        assertThat(shipctl.getParent()).doesNotExist();
        assertThat(entries(tmpdir)).isZero();
    }

    @Test
    void shipctlCanBeTheCommandItself() throws IOException {
        CliRunner.Result result = cli().run(
                        "run",
                        "--config",
                        EXAMPLE,
                        "--shipctl",
                        "app-repo",
                        "--",
                        "shipctl",
                        "get_resource_env",
                        "app-repo",
                        "https_url");

        assertThat(result.out()).isEqualTo("https://bitbucket.org/acme/app.git\n");
        assertThat(result.exitCode()).isZero();
        assertThat(entries(tmpdir)).isZero();
    }

    @Test
    void directoryIsRemovedWhenTheCommandFails() throws IOException {
        CliRunner.Result result = cli().run(
                        "run",
                        "--config",
                        EXAMPLE,
                        "--shipctl",
                        "app-repo",
                        "--",
                        "sh",
                        "-c",
                        "test -x \"$(command -v shipctl)\" && exit 7");

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(entries(tmpdir)).isZero();
    }

    @Test
    void directoryIsRemovedWhenTheCommandCannotStart() throws IOException {
        CliRunner.Result result =
                cli().run("run", "--config", EXAMPLE, "--shipctl", "app-repo", "--", "no-such-command-4711");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.COMMAND_NOT_FOUND);
        assertThat(entries(tmpdir)).isZero();
    }

    @Test
    void withoutTheOptionThePathIsUntouched() throws IOException {
        CliRunner.Result result =
                cli().run("run", "--config", EXAMPLE, "app-repo", "--", "sh", "-c", "printf '%s' \"$PATH\"");

        assertThat(result.out()).isEqualTo(System.getenv("PATH"));
        assertThat(entries(tmpdir)).isZero();
    }

    @Test
    void resourceThatAsksForShipctlGetsItWithoutTheOption() throws IOException {
        Path config = tmpdir.resolve("resources.yml");
        Files.writeString(config, """
                integrations:
                  - {id: cloud, token: "${BITBUCKET_TOKEN}"}
                resources:
                  - {name: tools, type: gitRepo, integration: cloud, sourceName: acme/tools, shipctl: true}
                """);
        CliRunner.Result result = cli().run(
                        "run",
                        "--config",
                        config.toString(),
                        "tools",
                        "--",
                        "sh",
                        "-c",
                        "shipctl get_resource_type tools");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("gitRepo\n");
        try (Stream<Path> left = Files.list(tmpdir)) {
            assertThat(left).containsExactly(config);
        }
    }

    @Test
    void unwritableTemporaryDirectoryIsAClearErrorAndRunsNothing() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("BITBUCKET_TOKEN", TOKEN);
        environment.put("TMPDIR", tmpdir.resolve("missing").toString());
        CliRunner.Result result = new CliRunner(Path.of("").toAbsolutePath(), environment)
                .run("run", "--config", EXAMPLE, "--shipctl", "app-repo", "--", "sh", "-c", "echo ran");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.COMMAND_NOT_EXECUTABLE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo("bitbucket-resources: shipctl could not be written into a new directory in "
                        + tmpdir.resolve("missing") + " (NoSuchFileException): point TMPDIR at a writable directory\n");
    }

    private static long entries(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.count();
        }
    }
}
