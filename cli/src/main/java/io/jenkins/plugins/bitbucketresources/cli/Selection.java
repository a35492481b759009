package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.cli.config.ConfigFile;
import io.jenkins.plugins.bitbucketresources.cli.config.ConfigLoader;
import io.jenkins.plugins.bitbucketresources.cli.config.Finding;
import io.jenkins.plugins.bitbucketresources.cli.config.IntegrationEntry;
import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.EnvironmentContract;
import io.jenkins.plugins.bitbucketresources.core.env.ResourceVariables;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.policy.UseDecision;
import io.jenkins.plugins.bitbucketresources.core.policy.UsePolicy;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.Resolution;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Resolver;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code env} and {@code run} share: load the file, resolve the names for the job, and assemble the variables,
 * failing with the right exit code and a message that says what to fix.
 */
final class Selection {

    /** Where the commit of a resource comes from, when one is wanted. */
    interface Commits {
        Optional<String> of(ResolvedResource resource, Integration integration);
    }

    private Selection() {
    }

    static ConfigFile load(Terminal terminal, Path config) {
        return new ConfigLoader(terminal.environment()).load(terminal.workingDirectory().resolve(config));
    }

    static Optional<JobPath> job(Optional<String> raw) {
        try {
            return raw.map(JobPath::parse);
        } catch (InvalidValueException e) {
            throw new CliFailure(ExitCodes.USAGE, "--job " + e.getMessage());
        }
    }

    static BlockEnvironment select(Terminal terminal, Path config, Optional<String> rawJob, List<String> names, Commits commits) {
        return select(terminal, config, rawJob, names, commits, List.of());
    }

    /**
     * @param checkouts what the job has checked out ({@code --checkout}), for a {@code ciRepo} with {@code onlyOwnCheckout}
     */
    static BlockEnvironment select(Terminal terminal, Path config, Optional<String> rawJob, List<String> names, Commits commits,
            List<Checkout> checkouts) {
        Optional<JobPath> job = job(rawJob);
        ConfigFile file = load(terminal, config);
        List<Finding> fileErrors = file.errorsFor(List.of());
        if (!fileErrors.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, findingsMessage(file, fileErrors));
        }
        file.allFindings().stream().filter(f -> !f.isError()).forEach(f -> terminal.err().println(f.format()));

        String who = job.map(j -> "job " + j.fullName()).orElse("the global scope (give --job FOLDER/.../JOB to see folder resources)");
        Resolution resolution = Resolver.resolve(file.scopesFor(job), names, who);
        if (resolution instanceof Resolution.Failed failed) {
            throw new CliFailure(ExitCodes.RESOLUTION, failed.message());
        }
        List<ResolvedResource> resolved = ((Resolution.Resolved) resolution).resources();

        List<String> used = resolved.stream().map(r -> r.resource().integration()).distinct().toList();
        List<Finding> tokenErrors = file.errorsFor(used);
        if (!tokenErrors.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, findingsMessage(file, tokenErrors));
        }

        UsePolicy policy = new UsePolicy(file.globalPolicy());
        List<String> refusals = new ArrayList<>();
        List<Integration> integrations = new ArrayList<>();
        for (ResolvedResource resource : resolved) {
            IntegrationEntry entry = file.integrations().get(resource.resource().integration());
            Integration integration = Optional.ofNullable(entry).flatMap(IntegrationEntry::integration).orElseThrow(() ->
                    new CliFailure(ExitCodes.RESOLUTION, "resource `" + resource.resource().name() + "` uses integration `"
                            + resource.resource().integration() + "`, which is not usable: run `bitbucket-resources check --offline --config "
                            + config + "`"));
            integrations.add(integration);
            if (policy.forBuild(resource, job, integration, checkouts) instanceof UseDecision.Refused refused) {
                refusals.add(refused.message() + hint(refused, job));
            }
        }
        if (!refusals.isEmpty()) {
            throw new CliFailure(ExitCodes.RESOLUTION, String.join("\n", refusals));
        }

        List<ResourceVariables> variables = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            ResolvedResource resource = resolved.get(i);
            Integration integration = integrations.get(i);
            try {
                variables.add(EnvironmentContract.variables(resource, integration, commits.of(resource, integration)));
            } catch (InvalidValueException e) {
                throw new CliFailure(ExitCodes.RESOLUTION, "resource `" + resource.resource().name() + "`: " + e.field() + ": " + e.getMessage());
            }
        }
        Validated<BlockEnvironment> environment = BlockEnvironment.assemble(variables);
        if (environment instanceof Validated.Valid<BlockEnvironment> valid) {
            return valid.value();
        }
        throw new CliFailure(ExitCodes.RESOLUTION, environment.problems().stream().filter(Problem::isError)
                .map(Problem::message).collect(Collectors.joining("\n")));
    }

    /** What the command line adds to the engine's refusal: how to say which job, or what it checked out. */
    private static String hint(UseDecision.Refused refused, Optional<JobPath> job) {
        if (job.isEmpty() && refused.rule() != UseDecision.Rule.ONLY_OWN_CHECKOUT) {
            return " (give the job's full name with --job FOLDER/.../JOB)";
        }
        return refused.rule() == UseDecision.Rule.ONLY_OWN_CHECKOUT ? " (say what the job checked out with --checkout REMOTE_URL)" : "";
    }

    static String findingsMessage(ConfigFile file, List<Finding> errors) {
        return file.path() + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ":\n"
                + errors.stream().map(Finding::format).collect(Collectors.joining("\n"));
    }
}
