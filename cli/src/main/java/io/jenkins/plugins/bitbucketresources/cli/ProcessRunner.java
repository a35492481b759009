package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.mask.Masker;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Runs a child process with extra variables, its stdout and stderr each through a masking stream, stdin passed on.
 * The secrets travel only in the child's environment, never in its arguments.
 */
final class ProcessRunner {

    private static final int BUFFER = 64 * 1024;

    private final Terminal terminal;

    ProcessRunner(Terminal terminal) {
        this.terminal = terminal;
    }

    int run(List<String> command, Map<String, String> variables, Masker masker) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(terminal.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(terminal.environment());
        builder.environment().putAll(variables);
        boolean inheritInput = terminal.in() == System.in;
        builder.redirectInput(inheritInput ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw startFailure(command.get(0), e);
        }
        Thread killOnExit = new Thread(() -> {
            if (process.isAlive()) {
                process.destroy();
            }
        }, "bitbucket-resources-child-stopper");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try {
            Thread stdout = pump("stdout", process.getInputStream(), masker.wrap(keepOpen(terminal.out())));
            Thread stderr = pump("stderr", process.getErrorStream(), masker.wrap(keepOpen(terminal.err())));
            Thread stdin = inheritInput ? null : pump("stdin", terminal.in(), process.getOutputStream());
            int exit = process.waitFor();
            stdout.join();
            stderr.join();
            if (stdin != null) {
                stdin.interrupt();
            }
            return exit;
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new CliFailure(130, "interrupted; the command was stopped");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook runs anyway; nothing to undo.
            }
        }
    }

    private static CliFailure startFailure(String program, IOException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage();
        if (reason.contains("error=2,") || reason.contains("No such file")) {
            return new CliFailure(ExitCodes.COMMAND_NOT_FOUND, "command `" + program + "` not found: check its name and PATH");
        }
        if (reason.contains("error=13,") || reason.contains("Permission denied")) {
            return new CliFailure(ExitCodes.COMMAND_NOT_EXECUTABLE, "command `" + program + "` cannot be executed (permission denied): "
                    + "make it executable (chmod +x) or run it through its interpreter, e.g. `sh " + program + "`");
        }
        return new CliFailure(ExitCodes.COMMAND_NOT_EXECUTABLE, "command `" + program + "` could not be started");
    }

    /** Copies in bulk, flushing after each read so interactive output shows at once; closes {@code to} at the end. */
    private static Thread pump(String name, InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = from; OutputStream out = to) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // The other side went away (the child exited, or its input was closed): nothing more to copy.
            }
        }, "bitbucket-resources-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Our own stdout and stderr stay open after the child's streams end. */
    private static OutputStream keepOpen(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
