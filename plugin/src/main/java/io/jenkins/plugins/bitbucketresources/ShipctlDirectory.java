package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.bitbucketresources.core.shipctl.ShipctlScript;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/**
 * The {@code shipctl} reader of a block or a freestyle build, on the machine of its workspace: in a new directory of
 * the workspace's temporary space that only the build's user can reach, installed by the engine, and removed when the
 * block ends.
 */
final class ShipctlDirectory {

    /** The environment entry that puts the directory first on the {@code PATH}, as Jenkins takes a {@code PATH+} entry. */
    static final String PATH_ENTRY = "PATH+SHIPCTL";

    private ShipctlDirectory() {}

    /**
     * Installs {@code shipctl} beside the workspace and returns its directory, to put first on the {@code PATH}; the log
     * says where it is.
     *
     * @throws AbortException when the workspace has no temporary space beside it, or it cannot be written to
     */
    @NonNull
    static FilePath create(@NonNull FilePath workspace, @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        FilePath temporary = WorkspaceList.tempDir(workspace);
        if (temporary == null) {
            throw new AbortException(Messages.ShipctlDirectory_NoTemporarySpace(workspace.getRemote()));
        }
        FilePath directory;
        try {
            directory = temporary.child(temporary.act(new Install()));
        } catch (IOException e) {
            throw new AbortException(Messages.ShipctlDirectory_NotInstalled(
                    temporary.getRemote(), e.getClass().getSimpleName()));
        }
        listener.getLogger().println(Messages.RunResources_Shipctl(directory.getRemote()));
        return directory;
    }

    /** Removes the directory; what cannot be removed is said in the log, and fails nothing: it holds no secret. */
    static void remove(@NonNull FilePath directory, @NonNull TaskListener listener) throws InterruptedException {
        try {
            directory.deleteRecursive();
        } catch (IOException e) {
            listener.getLogger()
                    .println(Messages.ShipctlDirectory_NotRemoved(
                            directory.getRemote(), e.getClass().getSimpleName()));
        }
    }

    /** Runs where the workspace is: the temporary space is made if need be, then the engine installs the script. */
    private static final class Install extends MasterToSlaveFileCallable<String> {

        private static final long serialVersionUID = 1L;

        @Override
        public String invoke(File temporary, VirtualChannel channel) throws IOException {
            Path parent = Files.createDirectories(temporary.toPath());
            return ShipctlScript.install(parent).toFile().getName();
        }
    }
}
