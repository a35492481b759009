package io.jenkins.plugins.bitbucketresources.core.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real shells scripts are tested under: the system's {@code sh} (what git, a {@code #!/bin/sh} line and a build's
 * shell step run), bash, bash in POSIX mode, dash and busybox's ash. A parameterized test takes them all with
 * {@code @EnumSource(RealShell.class)}. A missing shell skips the test, or fails it where programs are required, as
 * {@link RequiredPrograms#require} decides.
 */
public enum RealShell {
    SH("sh"),
    BASH("bash"),
    BASH_POSIX("bash", "--posix"),
    DASH("dash"),
    BUSYBOX_ASH("busybox", "sh");

    private final String program;
    private final List<String> arguments;

    RealShell(String program, String... arguments) {
        this.program = program;
        this.arguments = List.of(arguments);
    }

    /** The command that starts this shell, e.g. {@code busybox sh}, as a shell script would write it. */
    public String commandLine() {
        return String.join(" ", command(program));
    }

    /** The command that starts this shell, its program found on {@code PATH}; skips or fails the test when it is missing. */
    public List<String> command() {
        return command(RequiredPrograms.require(program).toString());
    }

    /** Skips the test when this shell is missing (fails it where programs are required). */
    public void assumeInstalled() {
        RequiredPrograms.require(program);
    }

    /** Runs {@code script} with {@code arguments}, in an environment of this JVM's {@code PATH} and {@code environment}, with no input. */
    public Command.Result run(Path script, Map<String, String> environment, String... arguments) {
        List<String> shellArguments = new ArrayList<>();
        shellArguments.add(script.toString());
        shellArguments.addAll(List.of(arguments));
        return run(environment, new byte[0], shellArguments.toArray(String[]::new));
    }

    /**
     * Runs the shell with {@code arguments} (e.g. {@code -c} and a script), in an environment of this JVM's {@code PATH}
     * and {@code environment}, with {@code input} on its standard input.
     */
    public Command.Result run(Map<String, String> environment, byte[] input, String... arguments) {
        List<String> command = command();
        command.addAll(List.of(arguments));
        return Command.run(Path.of("").toAbsolutePath(), Command.withPath(environment), command, input);
    }

    private List<String> command(String start) {
        List<String> command = new ArrayList<>();
        command.add(start);
        command.addAll(arguments);
        return command;
    }

    @Override
    public String toString() {
        return commandLine();
    }
}
