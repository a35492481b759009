package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.Variable;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Prints the variables resources yield, the token masked. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Print the variables the named resources yield, one KEY=value per line in contract order; the token is shown as ****.")
final class EnvCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    CommonOptions options;

    @Mixin
    CommitOption commits;

    @Mixin
    CheckoutOption checkouts;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Resource names.")
    List<String> names;

    EnvCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        BlockEnvironment environment = Selection.select(terminal, options.config, options.job(), names, new ApiCommits(terminal, commits.resolveCommit),
                checkouts.checkouts());
        for (Variable variable : environment.variables()) {
            terminal.out().println(variable.display());
        }
        terminal.out().flush();
        return ExitCodes.OK;
    }
}
