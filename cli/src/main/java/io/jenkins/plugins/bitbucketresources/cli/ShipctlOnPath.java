package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.shipctl.ShipctlScript;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code run --shipctl}: the {@code shipctl} reader in a new temporary directory only this user can reach (under
 * {@code TMPDIR}, else {@code java.io.tmpdir}), first on the command's {@code PATH}; removed when the command is done,
 * or when this process is stopped while it runs.
 */
final class ShipctlOnPath implements AutoCloseable {

    private final Optional<Path> directory;
    private final Optional<Thread> removeOnExit;

    private ShipctlOnPath(Optional<Path> directory) {
        this.directory = directory;
        this.removeOnExit = directory.map(d -> new Thread(() -> ShipctlScript.remove(d), "bitbucket-resources-shipctl-remover"));
        removeOnExit.ifPresent(Runtime.getRuntime()::addShutdownHook);
    }

    /**
     * The reader on the path when {@code wanted}; nothing otherwise.
     *
     * @param environment the environment the command line was started with, for {@code TMPDIR}
     */
    static ShipctlOnPath install(boolean wanted, Map<String, String> environment) {
        if (!wanted) {
            return new ShipctlOnPath(Optional.empty());
        }
        Optional<String> tmpdir = Optional.ofNullable(environment.get("TMPDIR")).filter(t -> !t.isEmpty());
        Path parent = Path.of(tmpdir.orElseGet(() -> System.getProperty("java.io.tmpdir")));
        try {
            return new ShipctlOnPath(Optional.of(ShipctlScript.install(parent)));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.COMMAND_NOT_EXECUTABLE, "shipctl could not be written into a new directory in " + parent + " ("
                    + e.getClass().getSimpleName() + "): point " + (tmpdir.isPresent() ? "TMPDIR" : "java.io.tmpdir")
                    + " at a writable directory");
        }
    }

    /**
     * The command, with a bare {@code shipctl} replaced by the reader's path: a child's {@code PATH} is not where Java
     * looks for the program it starts.
     */
    List<String> command(List<String> command) {
        if (directory.isEmpty() || !command.get(0).equals(ShipctlScript.FILE_NAME)) {
            return command;
        }
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, directory.get().resolve(ShipctlScript.FILE_NAME).toString());
        return resolved;
    }

    /** {@code variables} with {@code PATH} starting at the reader's directory, when there is one. */
    Map<String, String> addTo(Map<String, String> variables, Map<String, String> environment) {
        if (directory.isEmpty()) {
            return variables;
        }
        Map<String, String> withPath = new LinkedHashMap<>(variables);
        String path = Optional.ofNullable(environment.get("PATH")).filter(p -> !p.isEmpty())
                .map(p -> directory.get() + File.pathSeparator + p)
                .orElse(directory.get().toString());
        withPath.put("PATH", path);
        return withPath;
    }

    @Override
    public void close() {
        directory.ifPresent(ShipctlScript::remove);
        removeOnExit.ifPresent(hook -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook runs anyway, and finds nothing left to remove.
            }
        });
    }
}
