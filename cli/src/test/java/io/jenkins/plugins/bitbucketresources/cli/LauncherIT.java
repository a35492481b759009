package io.jenkins.plugins.bitbucketresources.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.RequiredPrograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bitbucket-resources} launcher and its class-data archive, with the jar the build made: the archive is made
 * on first use, mapped by later runs, made again when the jar or the java changes, ignored without a word when the JVM
 * cannot use it, and never holds the user's token.
 */
@EnabledOnOs(OS.LINUX)
class LauncherIT {

    private static final Path JAR = Path.of("target", "bitbucket-resources.jar").toAbsolutePath();
    private static final Path SCRIPT =
            Path.of("..", "bitbucket-resources").toAbsolutePath().normalize();
    private static final String SHARED = "source: shared objects file (top)";

    @TempDir
    Path root;

    private Path jar;
    private Path archive;
    private Path stamp;
    private Path config;
    private final String token =
            "launcher-T0ken-" + Long.toHexString(ThreadLocalRandom.current().nextLong());

    /** A copy of the repository's launcher with the jar, and sources older than the jar, so it does not build. */
    @BeforeEach
    void layOut() throws IOException {
        assertThat(JAR).as("the jar `mvn package` makes").isRegularFile();
        Path launcher = root.resolve("bitbucket-resources");
        Files.copy(SCRIPT, launcher, StandardCopyOption.COPY_ATTRIBUTES);
        jar = Files.createDirectories(root.resolve("cli/target")).resolve("bitbucket-resources.jar");
        Files.copy(JAR, jar);
        FileTime past = FileTime.from(Instant.now().minusSeconds(3600));
        for (String directory : List.of("core/src/main", "cli/src/main")) {
            Files.setLastModifiedTime(Files.createDirectories(root.resolve(directory)), past);
        }
        for (String pom : List.of("pom.xml", "core/pom.xml", "cli/pom.xml")) {
            Files.setLastModifiedTime(Files.writeString(root.resolve(pom), "<project/>"), past);
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        archive = root.resolve("cli/target/bitbucket-resources.jar.jsa");
        stamp = root.resolve("cli/target/bitbucket-resources.jar.jsa.java");
        config = Path.of("..", "examples", "bitbucket-resources.yml")
                .toAbsolutePath()
                .normalize();
    }

    /** Runs the launcher; {@code classLog} gets the JVM's class-loading log of the command's own run. */
    private ChildProcess launch(Path classLog) throws IOException {
        RequiredPrograms.require("bash");
        return ChildProcess.start(
                List.of(
                        RequiredPrograms.require("bash").toString(),
                        root.resolve("bitbucket-resources").toString(),
                        "run",
                        "--config",
                        config.toString(),
                        "app-repo",
                        "--",
                        "sh",
                        "-c",
                        "echo \"$APPREPO_SOURCENAME\""),
                Map.of("BITBUCKET_TOKEN", token, "JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classLog));
    }

    private void runsCleanly(Path classLog, boolean fromTheArchive) throws Exception {
        try (ChildProcess launcher = launch(classLog)) {
            assertThat(launcher.awaitExit()).as(launcher.err()).isZero();
            assertThat(launcher.out()).isEqualTo("acme/app\n");
            assertThat(launcher.err().lines().filter(line -> !line.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS")))
                    .as("stderr")
                    .isEmpty();
        }
        assertThat(Files.readString(classLog).contains(SHARED))
                .as("classes mapped from the archive")
                .isEqualTo(fromTheArchive);
    }

    @Test
    void theFirstRunMakesTheArchiveAndLaterRunsMapIt() throws Exception {
        runsCleanly(root.resolve("first.log"), true);
        assertThat(archive).isRegularFile();
        assertThat(Files.readString(stamp)).endsWith("/java");
        FileTime made = Files.getLastModifiedTime(archive);

        runsCleanly(root.resolve("second.log"), true);
        assertThat(Files.getLastModifiedTime(archive)).as("not made again").isEqualTo(made);
    }

    @Test
    void aNewJarGetsANewArchive() throws Exception {
        runsCleanly(root.resolve("first.log"), true);
        Object before = Files.readAttributes(archive, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        // As after a build: the jar is newer than the archive made for the one before.
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(30)));
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().minusSeconds(30)));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(10)));

        runsCleanly(root.resolve("second.log"), true);
        assertThat(Files.readAttributes(archive, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey())
                .isNotEqualTo(before);
        assertThat(archive).isRegularFile();
    }

    @Test
    void anArchiveMadeForAnotherJavaIsMadeAgain() throws Exception {
        runsCleanly(root.resolve("first.log"), true);
        Files.writeString(stamp, "/opt/another-jdk/bin/java");

        runsCleanly(root.resolve("second.log"), true);
        assertThat(Files.readString(stamp)).isNotEqualTo("/opt/another-jdk/bin/java");
    }

    @Test
    void anArchiveTheJvmCannotUseIsIgnoredWithoutAWord() throws Exception {
        runsCleanly(root.resolve("first.log"), true);
        byte[] damaged = Files.readAllBytes(archive);
        for (int i = 0; i < damaged.length; i += 97) {
            damaged[i] ^= 0x5a;
        }
        archive.toFile().setWritable(true);
        Files.write(archive, damaged);
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plusSeconds(5)));
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(5)));

        runsCleanly(root.resolve("second.log"), false);
    }

    @Test
    void theArchiveNeverHoldsTheToken() throws Exception {
        runsCleanly(root.resolve("first.log"), true);
        String bytes = new String(Files.readAllBytes(archive), StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain(token).doesNotContain("training-only-not-a-token");
    }
}
