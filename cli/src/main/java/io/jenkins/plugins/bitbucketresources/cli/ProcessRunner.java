package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.mask.Masker;
import java.io.File;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a child process with extra variables, its stdout and stderr each through a masking stream, stdin passed on.
 * The secrets travel only in the child's environment, never in its arguments.
 *
 * <p>However {@code run} ends (the command exits, our output is closed, or we get SIGTERM, SIGINT or SIGHUP), every
 * process the command started is stopped before we exit ({@link ProcessTree}): none is left running with the token in
 * its environment. On a signal the processes get {@link #GRACE} to clean up, their output still masked and copied, and
 * the JVM then exits with 128+n, as shells report a command killed by signal n.
 *
 * <p>Signals are caught with a shutdown hook: the JVM's own handlers for SIGTERM, SIGINT and SIGHUP run the hooks and
 * then exit with 128+n, and a shutdown hook is supported API. {@code sun.misc.Signal} would say which signal came, but
 * it is unsupported, and javac's warning about it cannot be suppressed.
 */
final class ProcessRunner {

    /** In the child's environment: the marker by which the processes of this run are found. */
    static final String RUN_VARIABLE = "BITBUCKET_RESOURCES_RUN";
    /** How long the processes get between SIGTERM and SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private static final int BUFFER = 64 * 1024;

    /** Something to undo once the command and every process it started are gone: on every way out, signals included. */
    @FunctionalInterface
    interface Cleanup {
        void run() throws IOException;
    }

    private final Terminal terminal;
    private final List<Path> pathDirectories = new ArrayList<>();
    private final List<Cleanup> cleanups = new ArrayList<>();

    ProcessRunner(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Puts {@code directory} at the front of the child's PATH; the command itself is looked up there too. */
    ProcessRunner addToPath(Path directory) {
        pathDirectories.add(directory.toAbsolutePath());
        return this;
    }

    /**
     * Runs {@code cleanup} after the command and its processes are gone, however the run ends (also when the command
     * cannot be started, and on SIGTERM, SIGINT or SIGHUP). Cleanups run in the order added; one that fails is
     * reported on stderr and the others still run.
     */
    ProcessRunner atExit(Cleanup cleanup) {
        cleanups.add(cleanup);
        return this;
    }

    int run(List<String> command, Map<String, String> variables, Masker masker) {
        Map<String, String> environment = new HashMap<>(terminal.environment());
        environment.putAll(variables);
        if (!pathDirectories.isEmpty()) {
            List<String> path =
                    new ArrayList<>(pathDirectories.stream().map(Path::toString).toList());
            Optional.ofNullable(environment.get("PATH"))
                    .filter(p -> !p.isEmpty())
                    .ifPresent(path::add);
            environment.put("PATH", String.join(File.pathSeparator, path));
        }
        String marker = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        environment.put(RUN_VARIABLE, marker);

        Run run = new Run(masker);
        Thread hook = new Thread(run::finish, "bitbucket-resources-stop");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            run.cleanUp();
            throw new CliFailure(ExitCodes.INTERRUPTED, "stopping: the command was not started");
        }
        try {
            List<String> resolved = new ArrayList<>(command);
            resolved.set(0, Launch.program(command.get(0), environment.get("PATH"), terminal.workingDirectory()));
            ProcessBuilder builder = new ProcessBuilder(resolved)
                    .directory(terminal.workingDirectory().toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            boolean inheritInput = terminal.in() == System.in;
            builder.redirectInput(inheritInput ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
            run.start(builder, RUN_VARIABLE + "=" + marker, inheritInput, command.get(0));
            return run.await();
        } catch (CliFailure failure) {
            run.finish();
            throw failure;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook runs anyway and finds the work done.
            }
        }
    }

    /** One run: the child, the threads copying its output, and the one way it ends. */
    private final class Run {
        private final Masker masker;
        private final CountDownLatch ended = new CountDownLatch(1);
        private final AtomicBoolean outputClosed = new AtomicBoolean();
        private final AtomicBoolean cleanedUp = new AtomicBoolean();
        private final List<Thread> pumps = new ArrayList<>();
        private Process process;
        private ProcessTree tree;
        private boolean finished;

        Run(Masker masker) {
            this.masker = masker;
        }

        /** Starts the child, unless the run is already being stopped. */
        synchronized void start(ProcessBuilder builder, String marker, boolean inheritInput, String program) {
            if (finished) {
                throw new CliFailure(ExitCodes.INTERRUPTED, "stopping: the command was not started");
            }
            try {
                process = builder.start();
            } catch (IOException e) {
                throw Launch.failure(program, builder.command().get(0), terminal.workingDirectory(), e);
            }
            tree = new ProcessTree(process.toHandle(), marker);
            process.onExit().thenRun(ended::countDown);
            pumps.add(pump("stdout", process.getInputStream(), masker.wrap(new Output(terminal.out()))));
            pumps.add(pump("stderr", process.getErrorStream(), masker.wrap(new Output(terminal.err()))));
            if (!inheritInput) {
                pump("stdin", terminal.in(), process.getOutputStream());
            }
        }

        /** The command's exit code once it has exited, or {@link ExitCodes#OUTPUT_CLOSED} when our output went away first. */
        int await() {
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish();
                throw new CliFailure(ExitCodes.INTERRUPTED, "interrupted; the command was stopped");
            }
            finish();
            if (outputClosed.get()) {
                return ExitCodes.OUTPUT_CLOSED;
            }
            return process.exitValue();
        }

        /**
         * Stops what is left of the run, lets the output be copied to its end, then cleans up. Once only: the first
         * caller (the main thread, or the shutdown hook on a signal) does it and any other waits for it.
         */
        synchronized void finish() {
            if (finished) {
                return;
            }
            finished = true;
            if (tree != null) {
                tree.stop(GRACE);
                long deadline = System.nanoTime() + GRACE.toNanos();
                for (Thread pump : pumps) {
                    try {
                        // Ends at once unless a process that escaped the tree still holds the output open.
                        pump.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            terminal.out().flush();
            terminal.err().flush();
            cleanUp();
        }

        void cleanUp() {
            if (!cleanedUp.compareAndSet(false, true)) {
                return;
            }
            for (Cleanup cleanup : cleanups) {
                try {
                    cleanup.run();
                } catch (IOException | RuntimeException e) {
                    terminal.err()
                            .println("bitbucket-resources: warning: cleaning up after the command failed ("
                                    + e.getClass().getSimpleName()
                                    + (e.getMessage() == null ? "" : ": " + masker.mask(e.getMessage())) + ")");
                }
            }
            terminal.err().flush();
        }

        /** Copies in bulk, flushing after each read so interactive output shows at once; closes {@code to} at the end. */
        private Thread pump(String name, InputStream from, OutputStream to) {
            Thread thread = new Thread(
                    () -> {
                        byte[] buffer = new byte[BUFFER];
                        try (InputStream in = from;
                                OutputStream out = to) {
                            int read;
                            while ((read = in.read(buffer)) >= 0) {
                                out.write(buffer, 0, read);
                                out.flush();
                            }
                        } catch (OutputClosed e) {
                            // Whoever read our output went away (`| head -1`): like any Unix tool, stop.
                            outputClosed.set(true);
                            ended.countDown();
                        } catch (IOException e) {
                            // The child's side ended (it exited, or closed its input): nothing more to copy.
                        }
                    },
                    "bitbucket-resources-" + name);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }
    }

    /** Our stdout or stderr: stays open after the child's stream ends, and says when it can no longer be written. */
    private static final class Output extends FilterOutputStream {
        private final PrintStream print;

        Output(PrintStream out) {
            super(out);
            this.print = out;
        }

        @Override
        public void write(int b) throws IOException {
            print.write(b);
            check();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            print.write(bytes, offset, length);
            check();
        }

        @Override
        public void flush() throws IOException {
            check();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        /** A {@link PrintStream} swallows the broken pipe; {@code checkError} flushes and tells of it. */
        private void check() throws OutputClosed {
            if (print.checkError()) {
                throw new OutputClosed();
            }
        }
    }

    /** Our output cannot be written any more (a closed pipe, a terminal that went away). */
    private static final class OutputClosed extends IOException {
        private static final long serialVersionUID = 1L;

        OutputClosed() {
            super("the output cannot be written any more");
        }
    }

    /** Finding the program, and saying plainly why it could not be started. */
    static final class Launch {

        private Launch() {}

        /**
         * The program to start: a name without {@code /} is looked up in the child's PATH (which may have directories
         * added), not ours, as {@code env PATH=... name} does.
         */
        static String program(String name, String path, Path workingDirectory) {
            if (name.contains("/")) {
                return name;
            }
            Optional<Path> notExecutable = Optional.empty();
            // Without a PATH, the directories execvp(3) falls back to.
            for (String directory : (path == null ? "/usr/bin:/bin" : path).split(File.pathSeparator, -1)) {
                Path candidate = workingDirectory
                        .resolve(directory.isEmpty() ? "." : directory)
                        .resolve(name);
                if (Files.isRegularFile(candidate)) {
                    if (Files.isExecutable(candidate)) {
                        return candidate.toAbsolutePath().normalize().toString();
                    }
                    notExecutable = notExecutable.or(() -> Optional.of(candidate));
                }
            }
            if (notExecutable.isPresent()) {
                throw new CliFailure(
                        ExitCodes.COMMAND_NOT_EXECUTABLE,
                        "command `" + name + "` cannot be executed: " + notExecutable.get()
                                + " is not executable (permission denied): make it executable (chmod +x) or run it through its interpreter, "
                                + "e.g. `sh "
                                + notExecutable.get() + "`");
            }
            String hint = Files.isRegularFile(workingDirectory.resolve(name))
                    ? "; to run the one in the working directory, write `./" + name + "`"
                    : "";
            throw new CliFailure(
                    ExitCodes.COMMAND_NOT_FOUND, "command `" + name + "` not found: check its name and PATH" + hint);
        }

        static CliFailure failure(String name, String program, Path workingDirectory, IOException e) {
            Path file = workingDirectory.resolve(program);
            String reason = e.getMessage() == null ? "" : e.getMessage();
            if (Files.isDirectory(file)) {
                return new CliFailure(
                        ExitCodes.COMMAND_NOT_EXECUTABLE,
                        "command `" + name
                                + "` is a directory, not a program: give the program "
                                + "to run, e.g. `" + name.replaceAll("/+$", "") + "/build.sh`");
            }
            if (reason.contains("error=2,") || reason.contains("No such file")) {
                if (!Files.exists(file)) {
                    return new CliFailure(
                            ExitCodes.COMMAND_NOT_FOUND,
                            "command `" + name
                                    + "` not found: there is no such file (relative to "
                                    + workingDirectory + ")");
                }
                Optional<String> interpreter = interpreter(file);
                if (interpreter.isPresent()) {
                    String written = interpreter.get();
                    if (written.endsWith("\r")) {
                        return new CliFailure(
                                ExitCodes.COMMAND_NOT_FOUND,
                                "command `" + name + "` cannot be started: its first line (`#!"
                                        + written.strip()
                                        + "`) ends in a carriage return, so the system looks for an interpreter whose name "
                                        + "ends in one: "
                                        + "the file has Windows line ends; convert them, e.g. `sed -i 's/\\r$//' "
                                        + name + "`");
                    }
                    return new CliFailure(
                            ExitCodes.COMMAND_NOT_FOUND,
                            "command `" + name
                                    + "` cannot be started: its first line asks for the "
                                    + "interpreter `" + written.strip()
                                    + "`, which is not installed: install it, or fix the first line (e.g. "
                                    + "`#!/usr/bin/env bash` finds bash on the PATH)");
                }
                return new CliFailure(
                        ExitCodes.COMMAND_NOT_FOUND,
                        "command `" + name
                                + "` cannot be started: the system cannot find a program "
                                + "it needs (a missing interpreter or library)");
            }
            if (reason.contains("error=13,") || reason.contains("Permission denied")) {
                return new CliFailure(
                        ExitCodes.COMMAND_NOT_EXECUTABLE,
                        "command `" + name + "` cannot be executed (permission denied): "
                                + "make it executable (chmod +x) or run it through its interpreter, e.g. `sh " + name
                                + "`");
            }
            if (reason.contains("error=8,") || reason.contains("Exec format error")) {
                return new CliFailure(
                        ExitCodes.COMMAND_NOT_EXECUTABLE,
                        "command `" + name
                                + "` cannot be executed: it is not a program for "
                                + "this system (exec format error)");
            }
            return new CliFailure(ExitCodes.COMMAND_NOT_EXECUTABLE, "command `" + name + "` could not be started");
        }

        /** The program named by a {@code #!} first line, as written (a carriage return included), if the file starts with one. */
        private static Optional<String> interpreter(Path file) {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(512);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("#!")) {
                return Optional.empty();
            }
            int end = text.indexOf('\n');
            String line = (end < 0 ? text : text.substring(0, end)).substring(2).stripLeading();
            int space = line.indexOf(' ');
            int tab = line.indexOf('\t');
            int cut = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
            return Optional.of(cut < 0 ? line : line.substring(0, cut)).filter(s -> !s.isBlank());
        }
    }
}
