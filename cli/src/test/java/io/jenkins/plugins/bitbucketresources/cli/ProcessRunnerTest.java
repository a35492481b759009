package io.jenkins.plugins.bitbucketresources.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.ClientSettings;
import io.jenkins.plugins.bitbucketresources.core.mask.MaskedSecret;
import io.jenkins.plugins.bitbucketresources.core.mask.Masker;
import io.jenkins.plugins.bitbucketresources.core.testing.RequiredPrograms;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The runner's hooks for other parts of the command line: variables, a directory on the PATH, cleanups. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ProcessRunnerTest {

    private static final String SECRET = "runner-S3cret-77";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ProcessRunner runner() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        return new ProcessRunner(new Terminal(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]),
                environment,
                dir,
                false,
                ClientSettings.defaults()));
    }

    private int run(ProcessRunner runner, String... command) {
        return runner.run(
                List.of(command), Map.of("SECRET", SECRET), Masker.forSecrets(List.of(MaskedSecret.of(SECRET))));
    }

    private Path script(String name, String text) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void cleanupsRunInOrderAfterTheCommandHasExited() {
        List<String> done = new ArrayList<>();
        ProcessRunner runner = runner().atExit(() -> done.add("first")).atExit(() -> done.add("second"));
        assertThat(run(runner, RequiredPrograms.require("sh").toString(), "-c", "echo \"$SECRET\""))
                .isZero();
        assertThat(done).containsExactly("first", "second");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("****\n");
    }

    @Test
    void cleanupsRunWhenTheCommandCannotBeStarted() {
        List<String> done = new ArrayList<>();
        ProcessRunner runner = runner().atExit(() -> done.add("cleaned"));
        assertThatThrownBy(() -> run(runner, "no-such-command-4711"))
                .isInstanceOfSatisfying(
                        CliFailure.class,
                        failure -> assertThat(failure.exitCode()).isEqualTo(ExitCodes.COMMAND_NOT_FOUND));
        assertThat(done).containsExactly("cleaned");
    }

    @Test
    void aFailingCleanupIsReportedMaskedAndTheOthersStillRun() {
        List<String> done = new ArrayList<>();
        ProcessRunner runner = runner().atExit(() -> {
                    throw new IOException("could not delete /tmp/x-" + SECRET);
                })
                .atExit(() -> done.add("second"));
        assertThat(run(runner, RequiredPrograms.require("true").toString())).isZero();
        assertThat(done).containsExactly("second");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("bitbucket-resources: warning: cleaning up after the command failed "
                        + "(IOException: could not delete /tmp/x-****)\n");
    }

    @Test
    void aDirectoryAddedToThePathComesFirstForTheCommandAndWhatItRuns() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Files.writeString(bin.resolve("greet"), "#!/bin/sh\necho \"greet from bin\"\n");
        Files.setPosixFilePermissions(bin.resolve("greet"), PosixFilePermissions.fromString("rwx------"));
        ProcessRunner runner = runner().addToPath(bin);
        assertThat(run(runner, "greet")).isZero();
        assertThat(run(runner, RequiredPrograms.require("sh").toString(), "-c", "greet; echo \"${PATH%%:*}\""))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("greet from bin\ngreet from bin\n" + bin + "\n");
    }

    @Test
    void theCommandCarriesTheRunMarker() {
        assertThat(run(
                        runner(),
                        RequiredPrograms.require("sh").toString(),
                        "-c",
                        "echo \"$" + ProcessRunner.RUN_VARIABLE + "\""))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("[0-9a-f]{32}\n");
    }

    @Test
    void aMissingInterpreterIsNamed() throws IOException {
        script("build.sh", "#!/nonexistent/interpreter -e\necho hi\n");
        assertFailure(
                "./build.sh",
                ExitCodes.COMMAND_NOT_FOUND,
                "command `./build.sh` cannot be started: its first line asks for the "
                        + "interpreter `/nonexistent/interpreter`, which is not installed: install it, or fix the first line "
                        + "(e.g. `#!/usr/bin/env bash` "
                        + "finds bash on the PATH)");
    }

    @Test
    void windowsLineEndsOnTheFirstLineAreNamed() throws IOException {
        script("build.sh", "#!/bin/sh\r\necho hi\r\n");
        assertFailure(
                "./build.sh",
                ExitCodes.COMMAND_NOT_FOUND,
                "command `./build.sh` cannot be started: its first line (`#!/bin/sh`) ends in "
                        + "a carriage return, so the system looks for an interpreter whose name ends in one: the file has Windows line ends; "
                        + "convert "
                        + "them, e.g. `sed -i 's/\\r$//' ./build.sh`");
    }

    @Test
    void aDirectoryIsNotAProgram() throws IOException {
        Files.createDirectory(dir.resolve("scripts"));
        assertFailure(
                "./scripts/",
                ExitCodes.COMMAND_NOT_EXECUTABLE,
                "command `./scripts/` is a directory, not a program: give the program to "
                        + "run, e.g. `./scripts/build.sh`");
    }

    @Test
    void aFileThatIsNotExecutableSaysChmod() throws IOException {
        Files.writeString(dir.resolve("build.sh"), "echo hi\n");
        assertFailure(
                "./build.sh",
                ExitCodes.COMMAND_NOT_EXECUTABLE,
                "command `./build.sh` cannot be executed (permission denied): make it "
                        + "executable (chmod +x) or run it through its interpreter, e.g. `sh ./build.sh`");
    }

    @Test
    void aPathThatDoesNotExistSaysSo() {
        assertFailure(
                "./missing.sh",
                ExitCodes.COMMAND_NOT_FOUND,
                "command `./missing.sh` not found: there is no such file (relative to " + dir + ")");
    }

    @Test
    void aProgramInTheWorkingDirectoryButNotOnThePathGetsAHint() throws IOException {
        script("build-4711.sh", "#!/bin/sh\n");
        assertFailure(
                "build-4711.sh",
                ExitCodes.COMMAND_NOT_FOUND,
                "command `build-4711.sh` not found: check its name and PATH; to run the one "
                        + "in the working directory, write `./build-4711.sh`");
    }

    private void assertFailure(String command, int exitCode, String message) {
        assertThatThrownBy(() -> run(runner(), command)).isInstanceOfSatisfying(CliFailure.class, failure -> {
            assertThat(failure.exitCode()).isEqualTo(exitCode);
            assertThat(failure.getMessage()).isEqualTo(message);
        });
    }
}
