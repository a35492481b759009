package io.jenkins.plugins.bitbucketresources.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Real programs a test runs. A missing one skips the test, unless {@code BITBUCKET_RESOURCES_REQUIRE_PROGRAMS=1}
 * (set on CI), where it fails it.
 */
public final class Programs {

    private Programs() {
    }

    /** The program's path on PATH; skips or fails the test when it is not there. */
    public static Path require(String program) {
        Optional<Path> found = find(program);
        if (found.isEmpty()) {
            String message = program + " is not installed (not on PATH)";
            if ("1".equals(System.getenv("BITBUCKET_RESOURCES_REQUIRE_PROGRAMS"))) {
                fail(message + ", and BITBUCKET_RESOURCES_REQUIRE_PROGRAMS=1 requires it");
            }
            assumeTrue(false, message);
        }
        return found.orElseThrow();
    }

    static Optional<Path> find(String program) {
        String path = System.getenv("PATH") == null ? "/usr/bin:/bin" : System.getenv("PATH");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }
}
