package io.jenkins.plugins.bitbucketresources.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.RealShell;
import io.jenkins.plugins.bitbucketresources.core.testing.RequiredPrograms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real process a test starts (our command line in a JVM of its own, or a shell pipeline around it), with its
 * output collected line by line so the test can wait for what it prints instead of sleeping.
 */
final class ChildProcess implements AutoCloseable {

    /** Only a safety net: every wait ends on an event long before this. */
    static final Duration SAFETY = Duration.ofSeconds(90);

    private final Process process;
    private final Lines out;
    private final Lines err;

    private ChildProcess(Process process) {
        this.process = process;
        this.out = new Lines(process.getInputStream());
        this.err = new Lines(process.getErrorStream());
    }

    static ChildProcess start(List<String> command, Map<String, String> extraEnvironment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(extraEnvironment);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        return new ChildProcess(builder.start());
    }

    /**
     * {@code java -cp <the test class path> mainClass args...}: our code as the jar runs it, in a JVM of its own. A JVM
     * does not handle a signal that was ignored when it started (as under {@code nohup}, or in a background job of a
     * shell without job control), and ignored signals are inherited: when this JVM ignores SIGINT or SIGHUP, the child
     * starts through python3, which sets them back to their defaults.
     */
    static List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        if (ignoresInterruptOrHangup()) {
            command.addAll(List.of(
                    RequiredPrograms.require("python3").toString(),
                    "-c",
                    "import os, signal, sys\n"
                            + "signal.signal(signal.SIGINT, signal.SIG_DFL)\nsignal.signal(signal.SIGHUP, signal.SIG_DFL)\n"
                            + "os.execv(sys.argv[1], sys.argv[1:])"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** From {@code SigIgn} in {@code /proc/self/status}: a mask in hexadecimal, bit n-1 for signal n. */
    private static boolean ignoresInterruptOrHangup() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(
                            line.substring("SigIgn:".length()).strip(), 16);
                    return (mask & 0b11) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until stdout has a line that matches, and returns it. */
    String awaitLine(Predicate<String> matches) throws InterruptedException {
        return out.await(matches, this);
    }

    /** Sends a signal by name (TERM, INT, HUP) with the shell's {@code kill}. */
    void signal(String name) {
        Command.Result kill = RealShell.SH.run(Map.of(), new byte[0], "-c", "kill -" + name + " " + process.pid());
        assertThat(kill.exitCode()).as(kill.err()).isZero();
    }

    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(SAFETY.toSeconds(), TimeUnit.SECONDS))
                .as("the process ended; stdout so far:%n%s%nstderr:%n%s", out.text(), err.text())
                .isTrue();
        out.join();
        err.join();
        return process.exitValue();
    }

    String out() {
        return out.text();
    }

    String err() {
        return err.text();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Processes whose environment holds {@code text}, other than this JVM: the ones a token would have been left in. */
    static List<String> processesWhoseEnvironmentHolds(String text) throws IOException {
        List<String> found = new ArrayList<>();
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path entry : entries) {
                byte[] environment;
                try {
                    environment = Files.readAllBytes(entry.resolve("environ"));
                } catch (IOException e) {
                    continue; // gone meanwhile, or another user's
                }
                if (indexOf(environment, needle) >= 0
                        && Long.parseLong(entry.getFileName().toString())
                                != ProcessHandle.current().pid()) {
                    found.add(entry.getFileName() + " "
                            + describe(Long.parseLong(entry.getFileName().toString())));
                }
            }
        }
        return found;
    }

    /** Whether a process no longer runs: exited, or a zombie waiting for a parent to note its end. */
    static boolean gone(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return true;
        }
    }

    private static String describe(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One output stream, read on a thread of its own into lines. */
    private static final class Lines {
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final Thread reader;
        private boolean ended;

        Lines(InputStream stream) {
            reader = new Thread(
                    () -> {
                        try (BufferedReader in =
                                new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                            String line;
                            while ((line = in.readLine()) != null) {
                                synchronized (this) {
                                    lines.add(line);
                                    text.append(line).append('\n');
                                    notifyAll();
                                }
                            }
                        } catch (IOException e) {
                            // The process went away: what was read is what there is.
                        } finally {
                            synchronized (this) {
                                ended = true;
                                notifyAll();
                            }
                        }
                    },
                    "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        synchronized String await(Predicate<String> matches, ChildProcess child) throws InterruptedException {
            long deadline = System.nanoTime() + SAFETY.toNanos();
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (matches.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                assertThat(!ended && left > 0)
                        .as("a matching line before the output ended; stdout:%n%s%nstderr:%n%s", text, child.err())
                        .isTrue();
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        synchronized String text() {
            return text.toString();
        }

        void join() throws InterruptedException {
            reader.join(SAFETY.toMillis());
        }
    }

    static Map<String, String> environmentWith(String name, String value) {
        Map<String, String> environment = new HashMap<>();
        environment.put(name, value);
        return environment;
    }
}
