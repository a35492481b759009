package io.jenkins.plugins.bitbucketresources.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.RequiredPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code run} under signals and a closed output, with real processes: our command line in a JVM of its own, a real
 * shell as the command. Whatever happens, no process is left with the token in its environment ({@code /proc} tells),
 * and what the command prints while it is stopped still comes through, masked.
 */
@EnabledOnOs(OS.LINUX)
class SignalsTest {

    private static final String EXAMPLE = Path.of("..", "examples", "bitbucket-resources.yml")
            .toAbsolutePath()
            .normalize()
            .toString();
    private static final String MAIN = Main.class.getName();

    /** A token of its own for each test, so that a leftover process is attributed to the test that left it. */
    private final String token =
            "signal-T0ken-" + Long.toHexString(ThreadLocalRandom.current().nextLong());

    private ChildProcess run(String script) throws Exception {
        RequiredPrograms.require("sh");
        return ChildProcess.start(
                ChildProcess.java(
                        MAIN,
                        "run",
                        "--config",
                        EXAMPLE,
                        "--job",
                        "team-a/backend/build",
                        "app-repo",
                        "--",
                        "sh",
                        "-c",
                        script),
                Map.of("BITBUCKET_TOKEN", token));
    }

    private void assertNothingKeepsTheToken() throws Exception {
        assertThat(ChildProcess.processesWhoseEnvironmentHolds(token))
                .as("processes with the token in their environment")
                .isEmpty();
    }

    @Test
    void termStopsTheWholeTreeAnOrphanedGrandchildIncluded() throws Exception {
        try (ChildProcess child =
                run("sleep 300 & echo \"grandchild $!\"; sh -c 'sleep 300 & echo \"orphan $!\"'; echo ready; wait")) {
            long grandchild = Long.parseLong(
                    child.awaitLine(l -> l.startsWith("grandchild ")).substring("grandchild ".length()));
            long orphan =
                    Long.parseLong(child.awaitLine(l -> l.startsWith("orphan ")).substring("orphan ".length()));
            child.awaitLine("ready"::equals);
            assertThat(ChildProcess.gone(orphan))
                    .as("the orphan runs before the signal")
                    .isFalse();

            child.signal("TERM");

            assertThat(child.awaitExit()).isEqualTo(128 + 15);
            assertThat(ChildProcess.gone(grandchild)).as("grandchild").isTrue();
            assertThat(ChildProcess.gone(orphan)).as("orphaned grandchild").isTrue();
            assertNothingKeepsTheToken();
        }
    }

    @Test
    void aCommandThatCleansUpOnTermIsHeardToTheEndMasked() throws Exception {
        try (ChildProcess child = run("trap 'echo \"cleaning up with $APPREPO_INTEGRATION_TOKEN\"; "
                + "echo \"cleanup done\" >&2; exit 3' TERM; "
                + "echo ready; while :; do sleep 1; done")) {
            child.awaitLine("ready"::equals);

            child.signal("TERM");

            assertThat(child.awaitExit()).isEqualTo(128 + 15);
            assertThat(child.out()).isEqualTo("ready\ncleaning up with ****\n");
            assertThat(child.err())
                    .as("the shell may say its sleep was terminated first")
                    .endsWith("cleanup done\n");
            assertNothingKeepsTheToken();
        }
    }

    @Test
    void aCommandThatIgnoresTermIsKilledAfterTheGracePeriod() throws Exception {
        try (ChildProcess child =
                run("trap '' TERM; sleep 300 & echo \"grandchild $!\"; echo ready; while :; do sleep 1; done")) {
            long grandchild = Long.parseLong(
                    child.awaitLine(l -> l.startsWith("grandchild ")).substring("grandchild ".length()));
            child.awaitLine("ready"::equals);

            child.signal("TERM");

            assertThat(child.awaitExit()).isEqualTo(128 + 15);
            assertThat(ChildProcess.gone(grandchild)).isTrue();
            assertNothingKeepsTheToken();
        }
    }

    @ParameterizedTest
    @CsvSource({"INT, 130", "HUP, 129", "TERM, 143"})
    void aSignalStopsTheCommandAndExitsWith128PlusItsNumber(String signal, int exitCode) throws Exception {
        try (ChildProcess child = run("echo ready; while :; do sleep 1; done")) {
            child.awaitLine("ready"::equals);

            child.signal(signal);

            assertThat(child.awaitExit()).isEqualTo(exitCode);
            assertNothingKeepsTheToken();
        }
    }

    @Test
    void aReaderThatGoesAwayEndsTheRunWith141() throws Exception {
        Path bash = RequiredPrograms.require("bash");
        RequiredPrograms.require("yes");
        RequiredPrograms.require("head");
        String java = String.join(
                " ",
                ChildProcess.java(MAIN, "run", "--config", EXAMPLE, "app-repo", "--", "yes").stream()
                        .map(argument -> "'" + argument.replace("'", "'\\''") + "'")
                        .toList());
        try (ChildProcess pipeline = ChildProcess.start(
                List.of(bash.toString(), "-c", java + " | head -1; echo \"status ${PIPESTATUS[0]}\""),
                Map.of("BITBUCKET_TOKEN", token))) {
            assertThat(pipeline.awaitExit()).isZero();
            assertThat(pipeline.out()).isEqualTo("y\nstatus 141\n");
            assertNothingKeepsTheToken();
        }
    }

    @Test
    void whatTheCommandLeftRunningIsStoppedWhenItExits() throws Exception {
        try (ChildProcess child = run("sh -c 'sleep 300 & echo \"orphan $!\"'; echo done")) {
            long orphan =
                    Long.parseLong(child.awaitLine(l -> l.startsWith("orphan ")).substring("orphan ".length()));

            assertThat(child.awaitExit()).isZero();
            assertThat(child.out()).endsWith("done\n");
            assertThat(ChildProcess.gone(orphan)).isTrue();
            assertNothingKeepsTheToken();
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tool; echo ready; while :; do sleep 1; done | TERM",
                "tool; echo ready; while :; do sleep 1; done | INT",
                "tool; echo ready                           | ",
            })
    void theTemporaryDirectoryOnThePathIsRemovedHoweverTheRunEnds(String script, String signal) throws Exception {
        String secret = "fixture-" + token;
        try (ChildProcess child = ChildProcess.start(
                ChildProcess.java(CleanupFixture.class.getName(), "sh", "-c", script),
                Map.of("FIXTURE_SECRET", secret))) {
            Path directory =
                    Path.of(child.awaitLine(l -> l.startsWith("directory ")).substring("directory ".length()));
            assertThat(child.awaitLine(l -> l.startsWith("tool ran"))).isEqualTo("tool ran with ****");
            child.awaitLine("ready"::equals);
            assertThat(directory).isDirectory();

            if (signal != null) {
                child.signal(signal);
            }

            assertThat(child.awaitExit()).isEqualTo(signal == null ? 0 : signal.equals("TERM") ? 143 : 130);
            assertThat(Files.exists(directory)).as(directory + " exists").isFalse();
            assertThat(ChildProcess.processesWhoseEnvironmentHolds(secret)).isEmpty();
        }
    }

    @Test
    void aCommandIsFoundInADirectoryAddedToThePath() throws Exception {
        String secret = "fixture-" + token;
        try (ChildProcess child = ChildProcess.start(
                ChildProcess.java(CleanupFixture.class.getName(), "tool"), Map.of("FIXTURE_SECRET", secret))) {
            Path directory =
                    Path.of(child.awaitLine(l -> l.startsWith("directory ")).substring("directory ".length()));
            assertThat(child.awaitExit()).isZero();
            assertThat(child.out()).endsWith("tool ran with ****\n");
            assertThat(Files.exists(directory)).isFalse();
        }
    }
}
