package io.jenkins.plugins.bitbucketresources.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The command lines of the machine's processes as the kernel shows them in {@code /proc/<pid>/cmdline}, collected
 * while a test runs: on demand ({@link #snapshot()}, e.g. while a server holds a request, when the client's processes
 * are certainly alive) and by a sampler in the background, which also catches some short-lived ones. Linux only.
 */
public final class ProcessArguments implements AutoCloseable {

    private static final Path PROC = Path.of("/proc");

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Thread sampler;
    private volatile boolean stopped;

    private ProcessArguments() {
        sampler = new Thread(
                () -> {
                    while (!stopped) {
                        snapshot();
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    }
                },
                "process-arguments-sampler");
        sampler.setDaemon(true);
    }

    public static boolean available() {
        return Files.isReadable(PROC.resolve("self").resolve("cmdline"));
    }

    public static ProcessArguments watch() {
        ProcessArguments watch = new ProcessArguments();
        watch.sampler.start();
        return watch;
    }

    /** Every process's arguments now, each command line with its arguments separated by spaces. */
    public void snapshot() {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                try {
                    byte[] raw = Files.readAllBytes(process.resolve("cmdline"));
                    if (raw.length > 0) {
                        seen.add(new String(raw, StandardCharsets.UTF_8)
                                .replace('\0', ' ')
                                .strip());
                    }
                } catch (IOException e) {
                    // The process ended between listing and reading: it is gone.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    /** The distinct command lines seen so far. */
    public Set<String> seen() {
        return Set.copyOf(seen);
    }

    @Override
    public void close() {
        stopped = true;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        snapshot();
    }
}
