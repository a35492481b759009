package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.ClientSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Runs the command line in-process with captured streams, as a user would from a shell in {@code workingDirectory}. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {}

    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final InputStream in;
    private final ClientSettings settings;

    /** Short timeouts, two attempts and no real waiting between them: tests talk to a loopback server. */
    static final ClientSettings FAST = ClientSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withRetries(2, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5))
            .withSleeper(duration -> {});

    CliRunner(Path workingDirectory, Map<String, String> environment) {
        this(workingDirectory, environment, new ByteArrayInputStream(new byte[0]));
    }

    CliRunner(Path workingDirectory, Map<String, String> environment, InputStream in) {
        this(workingDirectory, environment, in, FAST);
    }

    CliRunner(Path workingDirectory, Map<String, String> environment, InputStream in, ClientSettings settings) {
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.in = in;
        this.settings = settings;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code =
                Main.run(new Terminal(outStream, errStream, in, environment, workingDirectory, false, settings), args);
        outStream.flush();
        errStream.flush();
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
