package io.jenkins.plugins.bitbucketresources.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Real programs a test runs. A missing one skips the test, unless {@code BITBUCKET_RESOURCES_REQUIRE_PROGRAMS=1} (set
 * on CI), where it fails it.
 */
public final class RequiredPrograms {

    public static final String REQUIRE = "BITBUCKET_RESOURCES_REQUIRE_PROGRAMS";

    private RequiredPrograms() {}

    /** The program's path on {@code PATH}; skips or fails the test when there is none. */
    public static Path require(String program) {
        Optional<Path> found = find(program);
        if (found.isEmpty()) {
            String message = program + " is not installed (not found on PATH); .ci/install-test-programs installs it";
            if ("1".equals(System.getenv(REQUIRE))) {
                fail(message + ", and " + REQUIRE + "=1 makes this a failure");
            }
            assumeTrue(false, message);
        }
        return found.get();
    }

    public static Optional<Path> find(String program) {
        for (String directory : searchPath().split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code PATH} as this JVM has it, or a usual one when it has none. */
    public static String searchPath() {
        return Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin");
    }
}
