package io.jenkins.plugins.bitbucketresources.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real program with exactly the given environment and collects what it printed. */
public final class Command {

    /** Only a safety net against a hung program; nothing waits on it otherwise. */
    private static final long TIMEOUT_MINUTES = 5;

    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private Command() {
    }

    public static Result run(Path directory, Map<String, String> environment, List<String> command) {
        return run(directory, environment, command, new byte[0]);
    }

    public static Result run(Path directory, Map<String, String> environment, List<String> command, byte[] input) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Thread writer = new Thread(() -> {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input);
                } catch (IOException e) {
                    // The program did not read its input: nothing to give it.
                }
            });
            writer.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy(process.getInputStream(), out);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            errReader.join();
            writer.join();
            return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        try (InputStream in = from) {
            in.transferTo(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
