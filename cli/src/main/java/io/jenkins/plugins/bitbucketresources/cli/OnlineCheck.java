package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.cli.config.ConfigFile;
import io.jenkins.plugins.bitbucketresources.cli.config.IntegrationEntry;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.BitbucketClient;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Identity;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Checks integrations and resources of a valid file against Bitbucket, concurrently and within one deadline: one line
 * per item (ok, what is wrong and how to fix it, or that it did not finish in time), then a summary. One item that
 * fails in a way nobody foresaw is reported as such; it never keeps the others from being reported.
 */
final class OnlineCheck {

    private static final int THREADS = 8;

    /** One thing to check. */
    record Item(String label, Supplier<Report> check) {}

    enum State {
        OK,
        FAILED,
        UNFINISHED
    }

    record Report(State state, String text, List<String> warnings) {}

    private final Terminal terminal;
    private final Duration deadline;
    private final boolean debug;

    OnlineCheck(Terminal terminal, Duration deadline, boolean debug) {
        this.terminal = terminal;
        this.deadline = deadline;
        this.debug = debug;
    }

    /** @param visible what one job sees, to check only that; empty to check the whole file */
    int run(ConfigFile file, Optional<List<ResolvedResource>> visible) {
        return report(items(file, visible, HttpClients.bitbucketClient(terminal)));
    }

    /** Runs the checks, prints a line for each and the summary, and gives the exit code. */
    int report(List<Item> items) {
        List<Report> reports = runAll(items);
        int failed = 0;
        int unfinished = 0;
        for (int i = 0; i < items.size(); i++) {
            Report report = reports.get(i);
            String status =
                    switch (report.state()) {
                        case OK -> "ok      ";
                        case FAILED -> "FAILED  ";
                        case UNFINISHED -> "TIMEOUT ";
                    };
            terminal.out().println(status + items.get(i).label() + ": " + report.text());
            report.warnings().forEach(w -> terminal.out().println("        warning: " + w));
            failed += report.state() == State.FAILED ? 1 : 0;
            unfinished += report.state() == State.UNFINISHED ? 1 : 0;
        }
        terminal.out()
                .println(items.size() + CheckCommand.plural(items.size(), " check") + ": "
                        + (items.size() - failed - unfinished)
                        + " ok, "
                        + failed + " failed"
                        + (unfinished == 0 ? "" : ", " + unfinished + " did not finish within " + describe(deadline)));
        return failed + unfinished == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private List<Item> items(ConfigFile file, Optional<List<ResolvedResource>> visible, BitbucketClient client) {
        List<ResolvedResource> resources = visible.orElseGet(() -> everyResource(file));
        Set<String> used = new LinkedHashSet<>();
        resources.forEach(r -> used.add(r.resource().integration()));

        List<Item> items = new ArrayList<>();
        file.integrations().values().stream()
                .filter(entry -> visible.isEmpty() || used.contains(entry.id()))
                .sorted(Comparator.comparingInt(IntegrationEntry::line))
                .forEach(entry -> entry.integration().ifPresent(integration -> {
                    Optional<SourceName> fallback = resources.stream()
                            .map(ResolvedResource::resource)
                            .filter(r -> r.integration().equals(integration.id()))
                            .map(Resource::sourceName)
                            .findFirst();
                    items.add(new Item(
                            "integration " + integration.id(),
                            () -> identity(client.checkIntegration(integration, fallback), integration)));
                }));
        for (ResolvedResource resolved : resources) {
            Resource resource = resolved.resource();
            Optional<Integration> integration = Optional.ofNullable(
                            file.integrations().get(resource.integration()))
                    .flatMap(IntegrationEntry::integration);
            integration.ifPresent(i -> items.add(new Item(
                    "resource " + resource.name() + " (" + resolved.scope().describe() + ")",
                    () -> report(client.checkResource(i, resource).map(check -> check.describe())))));
        }
        return items;
    }

    /** Every resource of the file, global first, then the folders by name. */
    private static List<ResolvedResource> everyResource(ConfigFile file) {
        List<ResolvedResource> resources = new ArrayList<>();
        file.globalResources().forEach(r -> resources.add(new ResolvedResource(r, Scope.GLOBAL, List.of())));
        new TreeMap<>(file.folders())
                .forEach((folder, list) ->
                        list.forEach(r -> resources.add(new ResolvedResource(r, new Scope.Folder(folder), List.of()))));
        return resources;
    }

    private static Report identity(Outcome<Identity> outcome, Integration integration) {
        if (outcome instanceof Outcome.Ok<Identity> ok) {
            return new Report(
                    State.OK,
                    integration.kind().displayName() + " " + ok.value().describe(),
                    ok.value().warnings());
        }
        return new Report(State.FAILED, outcome.message(), List.of());
    }

    private static Report report(Outcome<String> outcome) {
        return outcome instanceof Outcome.Ok<String> ok
                ? new Report(State.OK, ok.value(), List.of())
                : new Report(State.FAILED, outcome.message(), List.of());
    }

    private List<Report> runAll(List<Item> items) {
        long end = System.nanoTime() + deadline.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(THREADS, items.size())), runnable -> {
            Thread thread = new Thread(runnable, "bitbucket-resources-check");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Report>> futures = new ArrayList<>();
            List<AtomicBoolean> started = new ArrayList<>();
            for (Item item : items) {
                AtomicBoolean began = new AtomicBoolean();
                started.add(began);
                futures.add(pool.submit(() -> {
                    began.set(true);
                    Report report = checkSafely(item);
                    progress(done.incrementAndGet(), items.size());
                    return report;
                }));
            }
            List<Report> reports = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                reports.add(await(futures.get(i), started.get(i), end));
            }
            if (terminal.interactive()) {
                terminal.err().print("\r\033[K");
                terminal.err().flush();
            }
            return reports;
        } finally {
            // Stops what is still waiting for Bitbucket: an interrupted request ends at once.
            pool.shutdownNow();
        }
    }

    private Report await(Future<Report> future, AtomicBoolean started, long end) {
        try {
            return future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            String limit = describe(deadline);
            return new Report(
                    State.UNFINISHED,
                    started.get()
                            ? "no answer within " + limit
                                    + " (--timeout): Bitbucket or the network path to it is slow or does not answer; try again, "
                                    + "or allow more time, e.g. --timeout " + longer(deadline)
                            : "not started within " + limit
                                    + " (--timeout), the checks before it took the time; try again, or allow more time, e.g. "
                                    + "--timeout " + longer(deadline),
                    List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.INTERRUPTED, "interrupted while checking");
        } catch (ExecutionException e) {
            return unforeseen(e.getCause());
        }
    }

    /** Any error nobody foresaw becomes this item's report, never the end of the whole check. */
    private Report checkSafely(Item item) {
        try {
            return item.check().get();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return unforeseen(e);
        }
    }

    private Report unforeseen(Throwable e) {
        if (debug) {
            synchronized (terminal.err()) {
                e.printStackTrace(terminal.err());
            }
        }
        return new Report(
                State.FAILED,
                "could not be checked: an internal error (" + e.getClass().getSimpleName() + ")"
                        + (debug ? ", its stack trace is above" : "; run again with --debug for details and report it"),
                List.of());
    }

    /** {@code 45 s}, {@code 2 min}, {@code 1 h 30 min}, {@code 500 ms}: as the engine's messages say it. */
    private static String describe(Duration time) {
        long seconds = time.getSeconds();
        if (seconds == 0) {
            return time.toMillis() + " ms";
        }
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 120) {
            return minutes + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    private static String longer(Duration deadline) {
        Duration doubled = deadline.multipliedBy(2);
        return doubled.toSeconds() >= 120 && doubled.toSeconds() % 60 == 0
                ? doubled.toMinutes() + "m"
                : Math.max(1, doubled.toSeconds()) + "s";
    }

    private void progress(int done, int total) {
        if (terminal.interactive()) {
            synchronized (terminal.err()) {
                terminal.err().print("\rchecking against Bitbucket: " + done + "/" + total);
                terminal.err().flush();
            }
        }
    }
}
