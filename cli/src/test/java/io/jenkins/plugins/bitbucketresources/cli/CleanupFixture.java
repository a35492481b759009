package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.mask.MaskedSecret;
import io.jenkins.plugins.bitbucketresources.core.mask.Masker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A program the tests start in a JVM of its own: runs its arguments as a command through {@link ProcessRunner}, with a
 * temporary directory holding a script {@code tool} on the command's PATH, that a cleanup removes. It prints the
 * directory first, so a test knows what must be gone once it has exited, however it was stopped.
 */
final class CleanupFixture {

    private CleanupFixture() {}

    public static void main(String[] args) throws IOException {
        Path directory = Files.createTempDirectory("bitbucket-resources-fixture");
        Path tool = directory.resolve("tool");
        Files.writeString(tool, "#!/bin/sh\necho \"tool ran with $FIXTURE_TOKEN\"\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        System.out.println("directory " + directory);
        System.out.flush();
        String token = System.getenv("FIXTURE_SECRET");
        int code = new ProcessRunner(Terminal.system())
                .addToPath(directory)
                .atExit(() -> deleteTree(directory))
                .run(List.of(args), Map.of("FIXTURE_TOKEN", token), Masker.forSecrets(List.of(MaskedSecret.of(token))));
        System.exit(code);
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
