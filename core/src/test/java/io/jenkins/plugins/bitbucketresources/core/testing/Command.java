package io.jenkins.plugins.bitbucketresources.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real program with exactly the given environment and input, and returns how it ended and the bytes it wrote,
 * exactly. Find the program with {@link RequiredPrograms#require} first, so that a missing one skips the test (or fails
 * it on CI).
 */
public final class Command {

    /** Only a safety net against a hung program, never a measure of speed. */
    private static final long TIMEOUT_MINUTES = 5;

    /** How a program ended and what it wrote; the text forms read the bytes as UTF-8. */
    public record Result(int exitCode, byte[] stdout, byte[] stderr) {

        public Result {
            stdout = stdout.clone();
            stderr = stderr.clone();
        }

        @Override
        public byte[] stdout() {
            return stdout.clone();
        }

        @Override
        public byte[] stderr() {
            return stderr.clone();
        }

        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        public String err() {
            return new String(stderr, StandardCharsets.UTF_8);
        }

        /** Standard output, then standard error. */
        public String all() {
            return out() + err();
        }
    }

    private Command() {}

    /** {@code PATH} as this JVM has it (a usual one when it has none), and {@code environment}. */
    public static Map<String, String> withPath(Map<String, String> environment) {
        Map<String, String> withPath = new HashMap<>();
        withPath.put("PATH", RequiredPrograms.searchPath());
        withPath.putAll(environment);
        return withPath;
    }

    /** Runs {@code command} in {@code directory} with exactly {@code environment} and no input. */
    public static Result run(Path directory, Map<String, String> environment, List<String> command) {
        return run(directory, environment, command, new byte[0]);
    }

    /** Runs {@code command} in {@code directory} with exactly {@code environment} and {@code input} on its standard input. */
    public static Result run(Path directory, Map<String, String> environment, List<String> command, byte[] input) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Thread> streams = List.of(
                start(() -> write(input, process.getOutputStream())),
                start(() -> copy(process.getInputStream(), out)),
                start(() -> copy(process.getErrorStream(), err)));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        try {
            boolean ended = process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            for (Thread stream : streams) {
                stream.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                ended &= !stream.isAlive();
            }
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
        return new Result(process.exitValue(), out.toByteArray(), err.toByteArray());
    }

    private static Thread start(Runnable task) {
        Thread thread = new Thread(task, "command-stream");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void write(byte[] input, OutputStream to) {
        try (to) {
            to.write(input);
        } catch (IOException e) {
            // The program ended without reading all of its input: what it wrote says what it made of it.
        }
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        try (from) {
            from.transferTo(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
