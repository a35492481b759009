package io.jenkins.plugins.bitbucketresources.core.shipctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.EnvironmentContract;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ShipctlScriptTest {

    private static final Integration CLOUD = Integration.builder()
            .id("bitbucket-cloud")
            .token("ATCTT3xFfGN0-token")
            .build()
            .orElseThrow();

    @TempDir
    Path directory;

    @Test
    void contentIsAPosixShellScript() {
        String text = new String(ShipctlScript.content(), StandardCharsets.UTF_8);

        assertThat(text).startsWith("#!/bin/sh\n").endsWith("_sc_main \"$@\"\n");
    }

    @Test
    void contentIsAFreshCopyEachTime() {
        byte[] first = ShipctlScript.content();
        first[0] = 'X';

        assertThat(ShipctlScript.content()[0]).isEqualTo((byte) '#');
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void writeIntoWritesAnExecutableScriptNamedShipctl() throws IOException {
        Path script = ShipctlScript.writeInto(directory);

        assertThat(script).isEqualTo(directory.resolve("shipctl")).hasBinaryContent(ShipctlScript.content());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)))
                .isEqualTo("rwxr-xr-x");
        assertThat(ShipctlScript.MODE).isEqualTo(0755);
    }

    @Test
    void writeIntoNeverOverwritesWhatIsThere() throws IOException {
        Path planted = Files.writeString(directory.resolve("shipctl"), "#!/bin/sh\necho planted\n");

        assertThatThrownBy(() -> ShipctlScript.writeInto(directory)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(planted)).isEqualTo("#!/bin/sh\necho planted\n");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void installWritesTheScriptIntoANewDirectoryOnlyThisUserCanReach() throws IOException {
        Path first = ShipctlScript.install(directory);
        Path second = ShipctlScript.install(directory);

        assertThat(first).isNotEqualTo(second).hasParent(directory);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first)))
                .isEqualTo("rwx------");
        assertThat(first.resolve("shipctl")).hasBinaryContent(ShipctlScript.content());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.resolve("shipctl"))))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void removeTakesTheDirectoryAndItsScript() throws IOException {
        Path installed = ShipctlScript.install(directory);

        assertThat(ShipctlScript.remove(installed)).isTrue();

        assertThat(installed).doesNotExist();
        assertThat(ShipctlScript.remove(installed)).isTrue();
    }

    @Test
    void installIntoAMissingDirectoryFailsAndLeavesNothing() {
        Path missing = directory.resolve("missing");

        assertThatThrownBy(() -> ShipctlScript.install(missing)).isInstanceOf(IOException.class);
        assertThat(missing).doesNotExist();
    }

    @Test
    void resourcesDoNotAskForShipctlUnlessTold() {
        assertThat(resource("app-repo").build().orElseThrow().shipctl()).isFalse();
        assertThat(resource("app-repo").shipctl(true).build().orElseThrow().shipctl())
                .isTrue();
    }

    @Test
    void blockThatAsksGetsShipctl() {
        assertThat(ShipctlScript.requested(
                        true, block(resource("app-repo").build().orElseThrow())))
                .isTrue();
    }

    @Test
    void resourceThatAsksGetsShipctlForTheWholeBlock() {
        BlockEnvironment block = block(
                resource("app-repo").build().orElseThrow(),
                resource("tools").shipctl(true).build().orElseThrow());

        assertThat(ShipctlScript.requested(false, block)).isTrue();
    }

    @Test
    void nobodyAskingMeansNoShipctl() {
        BlockEnvironment block = block(
                resource("app-repo").build().orElseThrow(),
                resource("tools").build().orElseThrow());

        assertThat(ShipctlScript.requested(false, block)).isFalse();
    }

    private static Resource.Builder resource(String name) {
        return Resource.builder()
                .name(name)
                .type("gitRepo")
                .integration("bitbucket-cloud")
                .sourceName("acme/" + name);
    }

    private static BlockEnvironment block(Resource... resources) {
        return BlockEnvironment.assemble(List.of(resources).stream()
                        .map(r -> EnvironmentContract.variables(
                                new ResolvedResource(r, Scope.GLOBAL, List.of()), CLOUD, Optional.empty()))
                        .toList())
                .orElseThrow();
    }
}
