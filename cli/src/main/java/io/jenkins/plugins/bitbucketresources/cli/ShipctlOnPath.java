package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.shipctl.ShipctlScript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code run --shipctl}: the {@code shipctl} reader in a new temporary directory only this user can reach (under
 * {@code TMPDIR}, else {@code java.io.tmpdir}), first on the command's {@code PATH}, and removed by the runner once the
 * command and every process it started are gone, however the run ends.
 */
final class ShipctlOnPath {

    private ShipctlOnPath() {}

    /**
     * Puts the reader on the runner's path when {@code wanted}.
     *
     * @param environment the environment the command line was started with, for {@code TMPDIR}
     */
    static ProcessRunner install(boolean wanted, Map<String, String> environment, ProcessRunner runner) {
        if (!wanted) {
            return runner;
        }
        Optional<String> tmpdir = Optional.ofNullable(environment.get("TMPDIR")).filter(t -> !t.isEmpty());
        Path parent = Path.of(tmpdir.orElseGet(() -> System.getProperty("java.io.tmpdir")));
        Path directory;
        try {
            directory = ShipctlScript.install(parent);
        } catch (IOException e) {
            throw new CliFailure(
                    ExitCodes.COMMAND_NOT_EXECUTABLE,
                    "shipctl could not be written into a new directory in " + parent + " ("
                            + e.getClass().getSimpleName() + "): point "
                            + (tmpdir.isPresent() ? "TMPDIR" : "java.io.tmpdir")
                            + " at a writable directory");
        }
        return runner.addToPath(directory).atExit(() -> ShipctlScript.remove(directory));
    }
}
