package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.mask.MaskedSecret;
import io.jenkins.plugins.bitbucketresources.core.mask.Masker;
import io.jenkins.plugins.bitbucketresources.core.shipctl.ShipctlScript;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The step, outside Jenkins: a command with the resources' variables, its output masked. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run COMMAND with the named resources' variables added to its environment.",
            "Its stdout and stderr pass through the masker, so the token never shows in any form; stdin is passed through.",
            "git over HTTPS to a resource's repository authenticates with its token (resource setting gitAuth, on by default).",
            "Exits with the command's exit code (128+n when it is killed by signal n)."
        })
final class RunCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options;

    @Mixin
    CommitOption commits;

    @Mixin
    CheckoutOption checkouts;

    @Option(
            names = "--shipctl",
            description = "Put `shipctl` (Shippable's resource readers) first on the command's PATH, from a private "
                    + "temporary directory removed afterwards. A resource with shipctl: true asks for it too.")
    boolean shipctl;

    @Parameters(
            paramLabel = "NAME... -- COMMAND [ARGS...]",
            description = "Resource names, then `--`, then the command and its arguments.")
    List<String> arguments = List.of();

    RunCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int delimiter = original.indexOf("--");
        if (delimiter < 0) {
            throw new ParameterException(
                    spec.commandLine(),
                    "the command to run is missing: put it after `--`, e.g. run --config FILE app-repo -- ./build.sh");
        }
        int commandLength = original.size() - delimiter - 1;
        if (commandLength == 0) {
            throw new ParameterException(spec.commandLine(), "the command to run is missing after `--`");
        }
        List<String> names = arguments.subList(0, arguments.size() - commandLength);
        List<String> command = arguments.subList(arguments.size() - commandLength, arguments.size());
        if (names.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no resource named: give at least one NAME before `--`");
        }
        BlockEnvironment environment = Selection.select(
                terminal, options.config, options.job(), names, commits.resolveCommit, checkouts.checkouts());
        Masker masker = Masker.forSecrets(
                environment.integrations().stream().map(MaskedSecret::of).toList());
        ProcessRunner runner = ShipctlOnPath.install(
                ShipctlScript.requested(shipctl, environment), terminal.environment(), new ProcessRunner(terminal));
        return runner.run(command, GitAuthSetup.variables(terminal, environment), masker);
    }
}
