package io.jenkins.plugins.bitbucketresources.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starting the command line as a user does, for the benchmarks that measure whole processes. */
final class Launches {

    private Launches() {}

    /** The jar {@code ./mvnw package} makes; {@code -Dbitbucket-resources.root=DIR} when not run from the repository root. */
    static Path jar() {
        Path jar = root().resolve("cli/target/bitbucket-resources.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: run `./mvnw -B -q -pl bench -am package -DskipTests` first");
        }
        return jar;
    }

    static Path root() {
        return Path.of(System.getProperty("bitbucket-resources.root", "")).toAbsolutePath();
    }

    /** The java that runs the benchmark, so every process uses the same JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs a command to its end, its output discarded and a made-up {@code BITBUCKET_TOKEN} in its environment (the
     * resources files read it); gives its exit code, failing the benchmark when it fails.
     */
    static int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        process.environment().put("BITBUCKET_TOKEN", "bench-not-a-token");
        int exit = process.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        return exit;
    }

    /** The command that starts the command line with {@code launch} and gives it {@code arguments}. */
    static List<String> command(List<String> launch, String... arguments) {
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of(arguments));
        return command;
    }
}
