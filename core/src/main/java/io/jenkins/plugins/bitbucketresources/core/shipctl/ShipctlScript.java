package io.jenkins.plugins.bitbucketresources.core.shipctl;

import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code shipctl}: a POSIX {@code sh} script that answers the resource readers of Shippable's utility of that name
 * ({@code get_resource_env}, {@code get_integration_resource_field}, …) from the variables a block sets, so scripts
 * written for Shippable run unchanged. It reads only the environment, needs no Java on the agent, and prints the token
 * only when asked for it by name.
 *
 * <p>A host puts the script on the front of the {@code PATH} of a block when {@link #requested} says so: it
 * {@linkplain #install installs} it into a new directory only the build's user can reach, and {@linkplain #remove
 * removes} that directory when the block ends.
 */
public final class ShipctlScript {

    /** The name scripts call it by. */
    public static final String FILE_NAME = "shipctl";

    /**
     * {@code rwxr-xr-x}: the script holds no secret (it reads values from the environment it runs in), so anyone may
     * run it; the directory it is written to is what is private.
     */
    public static final int MODE = 0755;

    private static final Set<PosixFilePermission> PERMISSIONS = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
    private static final String DIRECTORY_PREFIX = "bitbucket-resources-shipctl-";

    private ShipctlScript() {}

    /** The script, as the bytes to write. */
    public static byte[] content() {
        try (InputStream in = ShipctlScript.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException("the shipctl script is missing from the engine's jar: rebuild it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the shipctl script could not be read from the engine's jar", e);
        }
    }

    /**
     * Writes the script into {@code directory}, executable, and returns its path. The file must not exist yet: a
     * script already there (or a link planted in its place) is never overwritten.
     *
     * @throws IOException when the directory cannot be written to, or already holds a {@code shipctl}
     */
    public static Path writeInto(Path directory) throws IOException {
        Path script = directory.resolve(FILE_NAME);
        Files.write(script, content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(script, PERMISSIONS);
        } catch (UnsupportedOperationException notPosix) {
            if (!script.toFile().setExecutable(true, false)) {
                throw new IOException("could not make " + script + " executable");
            }
        }
        return script;
    }

    /**
     * Writes the script into a new directory under {@code parent} that only this user can reach, and returns that
     * directory: the one to put first on a block's {@code PATH}. The directory is private so that no one else can plant a
     * script there; the script itself holds no secret. Nothing is left behind when this fails.
     *
     * @throws IOException when {@code parent} does not exist or cannot be written to
     */
    public static Path install(Path parent) throws IOException {
        Path directory;
        try {
            directory =
                    Files.createTempDirectory(parent, DIRECTORY_PREFIX, PosixFilePermissions.asFileAttribute(PRIVATE));
        } catch (UnsupportedOperationException notPosix) {
            directory = Files.createTempDirectory(parent, DIRECTORY_PREFIX);
        }
        try {
            writeInto(directory);
        } catch (IOException | RuntimeException e) {
            remove(directory);
            throw e;
        }
        return directory;
    }

    /**
     * Removes a directory made by {@link #install}, and the script in it; {@code false} when something is left. What is
     * left holds no secret: it is untidy, not a leak.
     */
    public static boolean remove(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve(FILE_NAME));
            Files.deleteIfExists(directory);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether a block gets {@code shipctl} on its {@code PATH}: when the block asks for it ({@code shipctl: true} on the
     * step, {@code --shipctl} on the command line), or when any of its resources does.
     */
    public static boolean requested(boolean byBlock, BlockEnvironment environment) {
        return byBlock
                || environment.resources().stream()
                        .anyMatch(r -> r.resolved().resource().shipctl());
    }
}
