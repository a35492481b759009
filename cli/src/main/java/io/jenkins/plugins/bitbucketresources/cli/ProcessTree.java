package io.jenkins.plugins.bitbucketresources.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The processes one {@code run} started: the command, its descendants, and, where {@code /proc} tells, every process
 * whose environment still carries the run's marker. The marker finds what the tree alone cannot: a process whose
 * parent has exited ({@code sh -c 'sleep 300 &'}) is re-parented away from us, but keeps the environment, and with it
 * the token. This is how Jenkins finds what a build left running, too.
 */
final class ProcessTree {

    /** How often the tree is looked at again while waiting: a process can start another one at any time. */
    private static final Duration POLL = Duration.ofMillis(50);
    /** Rounds of SIGKILL before giving up on a process that will not go (one stuck in the kernel, say). */
    private static final int KILL_ROUNDS = 100;

    private static final Path PROC = Path.of("/proc");

    private final ProcessHandle command;
    private final byte[] marker;

    /**
     * @param marker the {@code NAME=value} entry only this run's processes have in their environment
     */
    ProcessTree(ProcessHandle command, String marker) {
        this.command = command;
        this.marker = ("\0" + marker + "\0").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Stops every process of the run: SIGTERM first, then up to {@code grace} for them to exit (what they print
     * meanwhile is still copied), then SIGKILL for what is left. Processes started during the grace period are found
     * and stopped too.
     */
    void stop(Duration grace) {
        Set<ProcessHandle> terminated = new HashSet<>();
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            Set<ProcessHandle> running = running();
            if (running.isEmpty()) {
                return;
            }
            for (ProcessHandle process : running) {
                if (terminated.add(process)) {
                    process.destroy();
                }
            }
            if (System.nanoTime() - deadline >= 0 || !pause()) {
                break;
            }
        }
        for (int round = 0; round < KILL_ROUNDS; round++) {
            Set<ProcessHandle> running = running();
            if (running.isEmpty()) {
                return;
            }
            running.forEach(ProcessHandle::destroyForcibly);
            if (!pause()) {
                return;
            }
        }
    }

    /** The run's processes that are still running (a zombie is done: it only waits for its parent to note its end). */
    Set<ProcessHandle> running() {
        Set<ProcessHandle> found = new LinkedHashSet<>();
        found.add(command);
        command.descendants().forEach(found::add);
        found.addAll(carryingMarker());
        long self = ProcessHandle.current().pid();
        found.removeIf(process -> process.pid() == self || !process.isAlive() || zombie(process.pid()));
        return found;
    }

    private Set<ProcessHandle> carryingMarker() {
        Set<ProcessHandle> found = new LinkedHashSet<>();
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                // The handle first: it pins the process by its start time, so a pid used again later is not mistaken
                // for it.
                Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(name));
                if (process.isPresent() && carries(entry)) {
                    found.add(process.get());
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc changes while it is read; what was missed is found in the next round.
        }
        return found;
    }

    private boolean carries(Path processDirectory) {
        byte[] environment;
        try {
            // Only our own user's processes can be read; the others cannot carry the marker anyway.
            environment = Files.readAllBytes(processDirectory.resolve("environ"));
        } catch (IOException | SecurityException e) {
            return false;
        }
        // The entries are NUL-terminated: the first one has no NUL before it.
        return contains(environment, marker) || startsWith(environment, marker);
    }

    private static boolean startsWith(byte[] environment, byte[] marker) {
        if (environment.length < marker.length - 1) {
            return false;
        }
        for (int i = 1; i < marker.length; i++) {
            if (environment[i - 1] != marker[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Linux: the state in {@code /proc/<pid>/stat}, after the command name in parentheses. */
    private static boolean zombie(long pid) {
        try {
            String stat =
                    Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.ISO_8859_1);
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && (stat.charAt(end + 2) == 'Z' || stat.charAt(end + 2) == 'X');
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** False when the waiting thread is interrupted: then there is no more time to give. */
    private static boolean pause() {
        try {
            Thread.sleep(POLL.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
