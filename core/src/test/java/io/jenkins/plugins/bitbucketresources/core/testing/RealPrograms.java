package io.jenkins.plugins.bitbucketresources.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs real programs (shells, python3) from a test and returns what they wrote as bytes, exactly. A missing program
 * skips the test, or fails it where programs are required, as {@link RequiredPrograms#require} decides.
 */
public final class RealPrograms {

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

    /**
     * Runs the command with these variables added to the environment and {@code stdin} as its input, and returns what
     * it wrote. Only the first element of the command is looked up on {@code PATH}.
     */
    public static Output run(List<String> command, Map<String, String> environment, byte[] stdin) throws IOException, InterruptedException {
        Path program = RequiredPrograms.require(command.get(0));
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
