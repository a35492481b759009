package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.cli.config.ConfigFile;
import io.jenkins.plugins.bitbucketresources.cli.config.Finding;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Validates a resources file and, unless offline, its integrations and resources against Bitbucket. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Validate the whole resources file and print every problem found; then, unless --offline, check every integration",
            "(who its token acts as) and every resource (its repository is visible, its branch exists) against Bitbucket."
        })
final class CheckCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    CommonOptions options;

    @Option(names = "--offline", description = "Only validate the file; do not contact Bitbucket.")
    boolean offline;

    CheckCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Selection.job(options.job());
        ConfigFile file = Selection.load(terminal, options.config);
        List<Finding> findings = file.allFindings();
        findings.forEach(f -> terminal.out().println(f.format()));
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        int resources = file.globalResources().size() + file.folders().values().stream().mapToInt(List::size).sum();
        terminal.out().println(file.path() + ": " + file.integrations().size() + plural(file.integrations().size(), " integration")
                + ", " + resources + plural(resources, " resource") + " in " + (file.folders().size() + 1) + plural(file.folders().size() + 1, " scope")
                + "; " + errors + plural(errors, " error") + ", " + warnings + plural(warnings, " warning"));
        if (errors > 0) {
            return ExitCodes.USAGE;
        }
        if (offline) {
            return ExitCodes.OK;
        }
        return new OnlineCheck(terminal).run(file);
    }

    static String plural(long count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}
