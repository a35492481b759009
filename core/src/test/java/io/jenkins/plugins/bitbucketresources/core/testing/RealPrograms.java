package io.jenkins.plugins.bitbucketresources.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs real programs (shells, python3) from a test. A test whose program is missing is skipped, unless the environment
 * variable {@value #REQUIRE_VARIABLE} is {@code 1}, as on CI, where it fails instead: there a missing program means
 * the tests did not test what they claim.
 */
public final class RealPrograms {

    public static final String REQUIRE_VARIABLE = "BITBUCKET_RESOURCES_REQUIRE_PROGRAMS";

    /** Only a safety net against a hung program; no test relies on it. */
    private static final long TIMEOUT_SECONDS = 120;

    private RealPrograms() {
    }

    /** What a program wrote, and how it ended. */
    public record Output(int exitCode, byte[] stdout, byte[] stderr) {

        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        public String stderrText() {
            return new String(stderr, StandardCharsets.UTF_8);
        }
    }

    /** The program's path on {@code PATH}; skips the test when there is none, or fails it when programs are required. */
    public static Path require(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "`" + program + "` is not on PATH (" + path + "): install it (.ci/install-test-programs does)";
        if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
            fail(message + "; " + REQUIRE_VARIABLE + "=1 makes a missing program a failure");
        }
        abort(message);
        throw new AssertionError("abort() returned");
    }

    /**
     * Runs the command with these variables added to the environment and {@code stdin} as its input, and returns what
     * it wrote. Only the first element of the command is looked up, as by {@link #require}.
     */
    public static Output run(List<String> command, Map<String, String> environment, byte[] stdin) throws IOException, InterruptedException {
        Path program = require(command.get(0));
        Path in = Files.createTempFile("program-stdin", ".bin");
        Path out = Files.createTempFile("program-stdout", ".bin");
        Path err = Files.createTempFile("program-stderr", ".bin");
        try {
            Files.write(in, stdin);
            List<String> resolved = new ArrayList<>(command);
            resolved.set(0, program.toString());
            ProcessBuilder builder = new ProcessBuilder(resolved);
            builder.environment().putAll(environment);
            builder.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(command + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return new Output(process.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** {@link #run} without input. */
    public static Output run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        return run(command, environment, new byte[0]);
    }
}
