package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.cli.config.ConfigFile;
import io.jenkins.plugins.bitbucketresources.cli.config.ConfigLoader;
import io.jenkins.plugins.bitbucketresources.cli.config.DefinitionEntry;
import io.jenkins.plugins.bitbucketresources.cli.config.Finding;
import io.jenkins.plugins.bitbucketresources.cli.config.IntegrationEntry;
import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.policy.UseDecision;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockProblem;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockRequest;
import io.jenkins.plugins.bitbucketresources.core.prepare.IntegrationLookup;
import io.jenkins.plugins.bitbucketresources.core.prepare.Prepared;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResource;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResources;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * What {@code env} and {@code run} share: the resources file in, the engine's preparation of the block, and its
 * verdict out as the command line shows it: what is wrong inside the file at its {@code file:line:column}, the
 * command line's own hints, and an exit code for each kind of problem.
 */
final class Selection {

    /** Enough lookups side by side for the resources of any block, few enough not to flood a server. */
    private static final int LOOKUP_THREADS = 8;

    private Selection() {}

    static ConfigFile load(Terminal terminal, Path config) {
        return new ConfigLoader(terminal.environment())
                .load(terminal.workingDirectory().resolve(config));
    }

    static Optional<JobPath> job(Optional<String> raw) {
        try {
            return raw.map(JobPath::parse);
        } catch (InvalidValueException e) {
            throw new CliFailure(ExitCodes.USAGE, "--job " + e.getMessage());
        }
    }

    /**
     * What the job sees of the file (other folders unread, so their size costs nothing), unless errors leave it
     * unusable as a whole; its warnings go to stderr.
     */
    static ConfigFile usableFile(Terminal terminal, Path config, Optional<JobPath> job) {
        ConfigFile file = new ConfigLoader(terminal.environment())
                .loadFor(terminal.workingDirectory().resolve(config), job);
        if (!file.fileErrors().isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, findingsMessage(file, file.fileErrors()));
        }
        file.allFindings().stream()
                .filter(f -> !f.isError())
                .forEach(f -> terminal.err().println(f.format()));
        return file;
    }

    /**
     * The variables of the named resources, or a failure saying what to fix.
     *
     * @param checkouts what the job has checked out ({@code --checkout}), for a {@code ciRepo} with {@code onlyOwnCheckout}
     */
    static BlockEnvironment select(
            Terminal terminal,
            Path config,
            Optional<String> rawJob,
            List<String> names,
            boolean commitOfEveryResource,
            List<Checkout> checkouts) {
        Optional<JobPath> job = job(rawJob);
        ConfigFile file = usableFile(terminal, config, job);
        BlockRequest request = BlockRequest.builder()
                .job(job)
                .scopes(file.definitionsFor(job))
                .names(names)
                .integrations(id -> integration(file, id))
                .checkouts(checkouts)
                .policy(file.globalPolicy())
                .commitOfEveryResource(commitOfEveryResource)
                .build();
        ExecutorService lookups = Executors.newFixedThreadPool(LOOKUP_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "bitbucket-resources-commit");
            thread.setDaemon(true);
            return thread;
        });
        Prepared<BlockEnvironment> prepared;
        try {
            prepared = new BlockPreparation(
                            new ApiCommits(terminal),
                            lookups,
                            terminal.clientSettings().clock())
                    .prepare(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.INTERRUPTED, "interrupted while asking Bitbucket for the commits");
        } finally {
            lookups.shutdownNow();
        }
        prepared.warnings().forEach(w -> terminal.err().println("bitbucket-resources: warning: " + w.message()));
        if (prepared instanceof Prepared.Ready<BlockEnvironment> ready) {
            return ready.value();
        }
        Explainer explainer = new Explainer(file, job, config);
        List<BlockProblem> errors = prepared.errors();
        int exitCode = errors.stream().mapToInt(p -> exitCode(p.kind())).min().orElse(ExitCodes.RESOLUTION);
        throw new CliFailure(exitCode, errors.stream().map(explainer::explain).collect(Collectors.joining("\n")));
    }

    /** An integration of the file, as the engine looks it up. */
    static IntegrationLookup integration(ConfigFile file, String id) {
        IntegrationEntry entry = file.integrations().get(id);
        if (entry == null) {
            return new IntegrationLookup.Missing();
        }
        List<Finding> errors = entry.errors();
        if (errors.isEmpty() && entry.integration().isPresent()) {
            return new IntegrationLookup.Found(entry.integration().get());
        }
        return new IntegrationLookup.Invalid(
                errors.isEmpty()
                        ? List.of(Problem.error("", "is not a valid integration"))
                        : errors.stream()
                                .map(f -> Problem.error(f.field(), f.message()))
                                .toList());
    }

    /** A resources file with errors is a usage error; Bitbucket's answers are a failed check; the rest is resolution. */
    static int exitCode(BlockProblem.Kind kind) {
        return switch (kind) {
            case BROKEN_DEFINITION, INTEGRATION_MISSING, INTEGRATION_INVALID, INTEGRATION_WRONG_KIND -> ExitCodes.USAGE;
            case COMMIT_FAILED, COMMIT_TIMEOUT -> ExitCodes.CHECK_FAILED;
            default -> ExitCodes.RESOLUTION;
        };
    }

    static String findingsMessage(ConfigFile file, List<Finding> errors) {
        return file.path() + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ":\n"
                + errors.stream().map(Finding::format).collect(Collectors.joining("\n"));
    }

    /** The engine's message, with what the file says about it at its lines, and the command line's own hints. */
    private record Explainer(ConfigFile file, Optional<JobPath> job, Path config) {

        String explain(BlockProblem problem) {
            String head = problem.message().lines().findFirst().orElse("");
            return switch (problem.kind()) {
                case BROKEN_DEFINITION ->
                    problem.definition()
                            .flatMap(file::entry)
                            .map(entry -> head + "\n"
                                    + lines(entry.findings().stream()
                                            .filter(Finding::isError)
                                            .toList()))
                            .orElse(problem.message());
                case INTEGRATION_INVALID ->
                    integrationOf(problem)
                            .map(IntegrationEntry::errors)
                            .filter(e -> !e.isEmpty())
                            .map(errors -> head + "\n" + lines(errors))
                            .orElse(problem.message());
                case INTEGRATION_MISSING ->
                    problem.message()
                            + entryOf(problem).map(this::referenceFindings).orElse("");
                case UNKNOWN_NAMES -> problem.message() + unknownHints();
                case POLICY_REFUSED ->
                    problem.message() + problem.rule().map(this::policyHint).orElse("");
                default -> problem.message();
            };
        }

        private Optional<DefinitionEntry> entryOf(BlockProblem problem) {
            return problem.resources().stream()
                    .findFirst()
                    .flatMap(name -> view().find(name))
                    .map(VisibleResource::definition)
                    .flatMap(file::entry);
        }

        private Optional<IntegrationEntry> integrationOf(BlockProblem problem) {
            return problem.resources().stream()
                    .findFirst()
                    .flatMap(name -> view().find(name))
                    .filter(VisibleResource.Usable.class::isInstance)
                    .map(v -> ((VisibleResource.Usable) v).resolved().resource().integration())
                    .map(id -> file.integrations().get(id));
        }

        /** What the file says about the entry's integration reference, at its line. */
        private String referenceFindings(DefinitionEntry entry) {
            List<Finding> about = file.findings().stream()
                    .filter(f -> f.field().equals(entry.field() + ".integration"))
                    .toList();
            return about.isEmpty() ? "" : "\n" + lines(about);
        }

        /** What the command line adds to the engine's refusal: how to say which job, or what it checked out. */
        private String policyHint(UseDecision.Rule rule) {
            if (rule == UseDecision.Rule.ONLY_OWN_CHECKOUT) {
                return " (say what the job checked out with --checkout REMOTE_URL)";
            }
            return job.isEmpty() ? " (give the job's full name with --job FOLDER/.../JOB)" : "";
        }

        private String unknownHints() {
            StringBuilder hints = new StringBuilder();
            if (job.isEmpty()) {
                hints.append("\nGive --job FOLDER/.../JOB to see the resources of a job's folders too.");
            }
            VisibleResources view = view();
            if (view.size() > BlockPreparation.NAMES_SHOWN) {
                hints.append("\nList all ")
                        .append(view.size())
                        .append(": bitbucket-resources env --list --config ")
                        .append(config)
                        .append(job.map(j -> " --job " + j.fullName()).orElse(""));
            }
            return hints.toString();
        }

        private VisibleResources view() {
            return file.visibleTo(job);
        }

        private static String lines(List<Finding> findings) {
            return findings.stream().map(Finding::format).collect(Collectors.joining("\n"));
        }
    }
}
