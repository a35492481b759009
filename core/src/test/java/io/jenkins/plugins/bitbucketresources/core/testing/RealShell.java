package io.jenkins.plugins.bitbucketresources.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The real shells scripts are tested under: bash, bash in POSIX mode, dash and busybox's ash. A test calls
 * {@link #assumeInstalled()} first: a missing shell skips it, or fails it where the environment variable
 * {@code BITBUCKET_RESOURCES_REQUIRE_PROGRAMS=1} says every program must be there (CI).
 */
public enum RealShell {
    BASH("bash", "bash"),
    BASH_POSIX("bash", "bash", "--posix"),
    DASH("dash", "dash"),
    BUSYBOX_ASH("busybox", "busybox", "sh");

    /** A safety net for a hung child, never a measure of speed. */
    private static final long TIMEOUT_SECONDS = 120;

    private final String program;
    private final List<String> command;

    RealShell(String program, String... command) {
        this.program = program;
        this.command = List.of(command);
    }

    /** The command that starts this shell, e.g. {@code busybox sh}, as a shell script would write it. */
    public String commandLine() {
        return String.join(" ", command);
    }

    public void assumeInstalled() {
        boolean installed = locate(program).isPresent();
        if (!installed && "1".equals(System.getenv("BITBUCKET_RESOURCES_REQUIRE_PROGRAMS"))) {
            fail(program + " is not installed, and BITBUCKET_RESOURCES_REQUIRE_PROGRAMS=1 requires it: run .ci/install-test-programs");
        }
        assumeTrue(installed, program + " is not installed");
    }

    /**
     * Runs {@code script} under this shell with {@code arguments}, in an environment of only {@code PATH} (this JVM's)
     * and {@code environment}, with no input.
     */
    public Result run(Path script, Map<String, String> environment, String... arguments) {
        List<String> argv = new ArrayList<>(command);
        argv.add(script.toString());
        argv.addAll(List.of(arguments));
        return runProgram(argv, environment);
    }

    /** Runs {@code argv} as it is (e.g. an executable script through its {@code #!} line), as {@link #run} does. */
    public static Result runProgram(List<String> argv, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> childEnvironment = new HashMap<>();
        Optional.ofNullable(System.getenv("PATH")).ifPresent(path -> childEnvironment.put("PATH", path));
        childEnvironment.putAll(environment);
        builder.environment().clear();
        builder.environment().putAll(childEnvironment);
        try {
            Process process = builder.start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(argv + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), out, err.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + argv, e);
        } catch (ExecutionException e) {
            throw new AssertionError("could not read the standard error of " + argv, e.getCause());
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> locate(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return commandLine();
    }

    /** What a run printed and how it ended. */
    public record Result(int exitCode, String out, String err) {
    }
}
