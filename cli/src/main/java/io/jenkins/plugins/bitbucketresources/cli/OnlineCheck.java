package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.cli.config.ConfigFile;
import io.jenkins.plugins.bitbucketresources.cli.config.IntegrationEntry;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.BitbucketClient;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Identity;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.resolve.ScopedResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Checks every integration and every resource of a valid file against Bitbucket, concurrently: one line per item
 * (ok, or what is wrong and how to fix it), then a summary.
 */
final class OnlineCheck {

    private static final int THREADS = 8;

    /** One thing to check and, once checked, how it went. */
    private record Item(String label, Supplier<Report> check) {
    }

    private record Report(boolean ok, String text, List<String> warnings) {
    }

    private final Terminal terminal;

    OnlineCheck(Terminal terminal) {
        this.terminal = terminal;
    }

    int run(ConfigFile file) {
        BitbucketClient client = new BitbucketClient(HttpClients.create(terminal.environment(), terminal.clientSettings()), terminal.clientSettings());
        List<Item> items = items(file, client);
        List<Report> reports = runAll(items);
        int failed = 0;
        for (int i = 0; i < items.size(); i++) {
            Report report = reports.get(i);
            terminal.out().println((report.ok() ? "ok      " : "FAILED  ") + items.get(i).label() + ": " + report.text());
            report.warnings().forEach(w -> terminal.out().println("        warning: " + w));
            failed += report.ok() ? 0 : 1;
        }
        terminal.out().println(items.size() + CheckCommand.plural(items.size(), " check") + ": " + (items.size() - failed) + " ok, "
                + failed + " failed");
        return failed == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private List<Item> items(ConfigFile file, BitbucketClient client) {
        List<ScopedResources> scopes = new ArrayList<>();
        scopes.add(new ScopedResources(Scope.GLOBAL, file.globalResources()));
        file.folders().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(folder -> scopes.add(new ScopedResources(new Scope.Folder(folder.getKey()), folder.getValue())));

        List<Item> items = new ArrayList<>();
        file.integrations().values().stream()
                .sorted((a, b) -> Integer.compare(a.line(), b.line()))
                .forEach(entry -> entry.integration().ifPresent(integration -> {
                    Optional<SourceName> fallback = scopes.stream().flatMap(s -> s.resources().stream())
                            .filter(r -> r.integration().equals(integration.id()))
                            .map(Resource::sourceName)
                            .findFirst();
                    items.add(new Item("integration " + integration.id(), () -> identity(client.checkIntegration(integration, fallback), integration)));
                }));
        for (ScopedResources scope : scopes) {
            for (Resource resource : scope.resources()) {
                Optional<Integration> integration = Optional.ofNullable(file.integrations().get(resource.integration()))
                        .flatMap(IntegrationEntry::integration);
                integration.ifPresent(i -> items.add(new Item("resource " + resource.name() + " (" + scope.scope().describe() + ")",
                        () -> report(client.checkResource(i, resource).map(check -> check.describe())))));
            }
        }
        return items;
    }

    private static Report identity(Outcome<Identity> outcome, Integration integration) {
        if (outcome instanceof Outcome.Ok<Identity> ok) {
            return new Report(true, integration.kind().displayName() + " " + ok.value().describe(), ok.value().warnings());
        }
        return new Report(false, outcome.message(), List.of());
    }

    private static Report report(Outcome<String> outcome) {
        return outcome instanceof Outcome.Ok<String> ok ? new Report(true, ok.value(), List.of()) : new Report(false, outcome.message(), List.of());
    }

    private List<Report> runAll(List<Item> items) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(THREADS, items.size())), runnable -> {
            Thread thread = new Thread(runnable, "bitbucket-resources-check");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Report>> futures = new ArrayList<>();
            for (Item item : items) {
                futures.add(pool.submit(() -> {
                    Report report = item.check().get();
                    progress(done.incrementAndGet(), items.size());
                    return report;
                }));
            }
            List<Report> reports = new ArrayList<>();
            for (Future<Report> future : futures) {
                reports.add(future.get());
            }
            if (terminal.interactive()) {
                terminal.err().print("\r\033[K");
                terminal.err().flush();
            }
            return reports;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(130, "interrupted while checking");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a check failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
