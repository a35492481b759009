package io.jenkins.plugins.bitbucketresources.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jenkins.plugins.bitbucketresources.core.testing.Command;
import io.jenkins.plugins.bitbucketresources.core.testing.RequiredPrograms;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not what they seem, or too big: refused at once, never read as if they were a resources or token file. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class FileBoundsTest {

    private static final String TOKEN = "bounds-T0ken-4e5f";
    /** Generous: these answers come at once; the bound only keeps a regression from hanging the build. */
    private static final Duration SAFETY = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("BITBUCKET_TOKEN", TOKEN));

    private String onlyMessage(Path config) {
        ConfigFile file = assertTimeoutPreemptively(SAFETY, () -> loader.load(config));
        List<Finding> findings = file.allFindings();
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).isError()).isTrue();
        return findings.get(0).format();
    }

    @Test
    void aDirectoryIsNotAResourcesFile() {
        assertThat(onlyMessage(dir))
                .isEqualTo(dir
                        + ": error: is a directory: give the path of the resources file (YAML) in it, e.g. `--config "
                        + dir.resolve("bitbucket-resources.yml") + "`");
    }

    @Test
    void aCharacterDeviceIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        assertThat(onlyMessage(zero))
                .isEqualTo("/dev/zero: error: is a character device, not a regular file: write the resources to "
                        + "a file "
                        + "and give its path");
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("resources.yml");
        makeFifo(fifo);
        assertThat(onlyMessage(fifo))
                .endsWith(
                        "error: is a FIFO (named pipe), not a regular file: write the resources to a file and give its path");
    }

    @Test
    void aSymbolicLinkLoopIsNamedAsSuch() throws IOException {
        Path a = dir.resolve("a.yml");
        Path b = dir.resolve("b.yml");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThat(onlyMessage(a))
                .isEqualTo(a + ": error: is a symbolic link that leads back to itself (a loop): point the link at the "
                        + "resources file");
    }

    @Test
    void aFileOverTheSizeBoundIsRefusedAtOnce() throws IOException {
        Path big = dir.resolve("big.yml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(ConfigLoader.MAX_FILE_BYTES + 512L * 1024);
        }
        assertThat(onlyMessage(big))
                .isEqualTo(big + ": error: is too large (8.5 MiB): a resources file may have at most 8 MiB (some "
                        + "40,000 resources); check that this is the resources file");
    }

    @Test
    void aTokenFileThatIsADeviceIsRefused() throws IOException {
        assertThat(tokenFileMessage("/dev/zero"))
                .isEqualTo("`/dev/zero` is a character device, not a regular file: write the token to a "
                        + "file (`chmod 600` it) and point tokenFile at it, or use `token: ${VARIABLE}`");
    }

    @Test
    void aTokenFileOverTheSizeBoundIsRefused() throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN + "\n" + "x".repeat(ConfigLoader.MAX_TOKEN_FILE_BYTES));
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        assertThat(tokenFileMessage("token"))
                .isEqualTo("`token` is too large (4114 bytes): a token file may have at most 4 KiB; it should "
                        + "hold only the token");
    }

    @Test
    void aTokenFileThatIsAFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("token");
        makeFifo(fifo);
        assertThat(tokenFileMessage("token")).startsWith("`token` is a FIFO (named pipe), not a regular file");
    }

    @Test
    void aTokenFileThatIsADirectoryIsRefused() throws IOException {
        Files.createDirectory(dir.resolve("secrets"));
        assertThat(tokenFileMessage("secrets"))
                .isEqualTo("`secrets` is a directory: point it at the file holding the token");
    }

    private String tokenFileMessage(String tokenFile) throws IOException {
        Path config = dir.resolve("resources.yml");
        Files.writeString(config, """
                integrations:
                  - id: dc
                    url: https://bitbucket.example.com
                    tokenFile: %s
                resources: []
                """.formatted(tokenFile));
        ConfigFile file = assertTimeoutPreemptively(SAFETY, () -> loader.load(config));
        assertThat(file.allFindings()).hasSize(1);
        Finding finding = file.allFindings().get(0);
        assertThat(finding.field()).isEqualTo("integrations[0].tokenFile");
        assertThat(finding.line()).isEqualTo(4);
        return finding.message();
    }

    private void makeFifo(Path fifo) {
        List<String> command = List.of(RequiredPrograms.require("mkfifo").toString(), fifo.toString());
        Command.Result mkfifo = Command.run(dir, Command.withPath(Map.of()), command);
        assertThat(mkfifo.exitCode()).as(mkfifo.err()).isZero();
    }
}
