package io.jenkins.plugins.bitbucketresources.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starting the command line as a user does, for the benchmarks that measure whole processes. */
final class Launches {

    private Launches() {}

    /** The jar {@code mvn package} makes; {@code -Dbitbucket-resources.root=DIR} when not run from the repository root. */
    static Path jar() {
        Path jar = root().resolve("cli/target/bitbucket-resources.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: run `mvn -B -q -pl bench -am package -DskipTests` first");
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

    /** Runs a process to its end and gives its exit code, failing the benchmark when it fails. */
    static int run(ProcessBuilder process) throws IOException, InterruptedException {
        int exit = process.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", process.command()) + " exited with " + exit);
        }
        return exit;
    }
}
