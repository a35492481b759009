package io.jenkins.plugins.bitbucketresources.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code bitbucket-resources}: the engine on the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Terminal.system(), args));
    }

    static int run(Terminal terminal, String... args) {
        List<String> ours = Arrays.asList(args);
        int delimiter = ours.indexOf("--");
        boolean debug = (delimiter < 0 ? ours : ours.subList(0, delimiter)).contains("--debug");
        CommandLine cli = commandLine(terminal);
        cli.setParameterExceptionHandler((ParameterException e, String[] ignored) -> {
            CommandLine failed = e.getCommandLine();
            PrintWriter err = failed.getErr();
            err.println("bitbucket-resources: " + e.getMessage().lines().findFirst().orElse("usage error"));
            if (!UnmatchedArgumentException.printSuggestions(e, err)) {
                failed.usage(err);
            }
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((Exception e, CommandLine failed, CommandLine.ParseResult parsed) -> {
            PrintWriter err = failed.getErr();
            if (e instanceof CliFailure failure) {
                err.println("bitbucket-resources: " + failure.getMessage());
                return failure.exitCode();
            }
            err.println("bitbucket-resources: internal error: " + e.getClass().getSimpleName()
                    + (debug ? "" : " (run again with --debug for details)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitCodes.INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    static CommandLine commandLine(Terminal terminal) {
        CommandLine cli = new CommandLine(new BitbucketResourcesCommand());
        cli.addSubcommand("env", new EnvCommand(terminal));
        cli.addSubcommand("check", new CheckCommand(terminal));
        cli.addSubcommand("run", new RunCommand(terminal));
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        Map<String, String> exitCodes = new LinkedHashMap<>();
        ExitCodes.DOCUMENTED.forEach(code -> exitCodes.put(code.code(), code.meaning()));
        for (CommandLine command : List.of(cli, cli.getSubcommands().get("env"), cli.getSubcommands().get("check"), cli.getSubcommands().get("run"))) {
            command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        }
        cli.setOut(new PrintWriter(terminal.out(), true));
        cli.setErr(new PrintWriter(terminal.err(), true));
        return cli;
    }
}
