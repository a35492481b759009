package io.jenkins.plugins.bitbucketresources.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code bitbucket-resources}: the engine on the command line. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(Terminal.system(), args));
    }

    static int run(Terminal terminal, String... args) {
        List<String> ours = Arrays.asList(args);
        int delimiter = ours.indexOf("--");
        boolean debug = (delimiter < 0 ? ours : ours.subList(0, delimiter)).contains("--debug");
        CommandLine cli = commandLine(terminal, args);
        cli.setParameterExceptionHandler((ParameterException e, String[] ignored) -> {
            CommandLine failed = e.getCommandLine();
            PrintWriter err = failed.getErr();
            err.println(
                    "bitbucket-resources: " + e.getMessage().lines().findFirst().orElse("usage error"));
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

    /**
     * The command line for these arguments. Picocli builds a command's model by reflection, a good part of the start-up
     * time; when the first argument names a command, only that one is built, since nothing else can be reached.
     */
    static CommandLine commandLine(Terminal terminal, String... args) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("env", () -> new EnvCommand(terminal));
        commands.put("check", () -> new CheckCommand(terminal));
        commands.put("run", () -> new RunCommand(terminal));
        commands.put("help", CommandLine.HelpCommand::new);
        String first = args.length == 0 ? "" : args[0];
        boolean one = commands.containsKey(first) && !first.equals("help");
        CommandLine cli = new CommandLine(new BitbucketResourcesCommand());
        commands.forEach((name, command) -> {
            if (!one || name.equals(first)) {
                cli.addSubcommand(name, command.get());
            }
        });
        Map<String, String> exitCodes = new LinkedHashMap<>();
        ExitCodes.DOCUMENTED.forEach(code -> exitCodes.put(code.code(), code.meaning()));
        List<CommandLine> withExitCodes = new ArrayList<>(List.of(cli));
        cli.getSubcommands().forEach((name, command) -> {
            if (!name.equals("help")) {
                withExitCodes.add(command);
            }
        });
        withExitCodes.forEach(command -> command.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes));
        cli.setOut(new PrintWriter(terminal.out(), true));
        cli.setErr(new PrintWriter(terminal.err(), true));
        return cli;
    }
}
