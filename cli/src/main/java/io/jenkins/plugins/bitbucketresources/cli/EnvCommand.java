package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.cli.config.ConfigFile;
import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.Variable;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResource;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResources;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints the variables resources yield, the token masked; or lists the resources a job sees. */
@Command(
        name = "env",
        mixinStandardHelpOptions = true,
        description = {
            "Print the variables the named resources yield, one KEY=value per line in contract order; the token is shown as ****.",
            "With --list, print the resources the job sees instead: each name once, with where its nearest definition is."
        })
final class EnvCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    CommonOptions options;

    @Mixin
    CommitOption commits;

    @Mixin
    CheckoutOption checkouts;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Wanted wanted;

    /** Either names, or the list of what the job sees. */
    static final class Wanted {

        @Option(
                names = "--list",
                required = true,
                description =
                        "List the resources the job sees: file:line:column of the nearest definition of each name, the name, "
                                + "its scope and the scopes it hides; a broken definition is marked.")
        boolean list;

        @Parameters(arity = "1..*", paramLabel = "NAME", description = "Resource names.")
        List<String> names;
    }

    EnvCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (wanted.list) {
            return list();
        }
        BlockEnvironment environment = Selection.select(
                terminal, options.config, options.job(), wanted.names, commits.resolveCommit, checkouts.checkouts());
        for (Variable variable : environment.variables()) {
            terminal.out().println(variable.display());
        }
        terminal.out().flush();
        return ExitCodes.OK;
    }

    private int list() {
        Optional<JobPath> job = Selection.job(options.job());
        ConfigFile file = Selection.usableFile(terminal, options.config, job);
        VisibleResources view = file.visibleTo(job);
        for (VisibleResource visible : view.all()) {
            String where = file.entry(visible.definition())
                    .map(e -> file.path() + ":" + e.line() + ":" + e.column())
                    .orElse(file.path().toString());
            terminal.out().println(where + ": " + visible.describe());
        }
        terminal.out().flush();
        if (view.isEmpty()) {
            terminal.err()
                    .println("bitbucket-resources: no resource is visible to " + JobPath.describe(job)
                            + (job.isEmpty() ? " (give --job FOLDER/.../JOB to see a folder's resources)" : ""));
        }
        return ExitCodes.OK;
    }
}
