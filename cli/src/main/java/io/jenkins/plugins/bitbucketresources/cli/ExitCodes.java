package io.jenkins.plugins.bitbucketresources.cli;

import java.util.List;

/**
 * What {@code bitbucket-resources} exits with. {@code run} exits with its command's code instead, when it gets that far.
 * {@link #DOCUMENTED} is the one list of them: {@code --help} prints it and a test holds the README's table to it.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** A bug: an error nobody foresaw. The message says to run again with {@code --debug}. */
    public static final int INTERNAL_ERROR = 1;
    /** A usage error, or a resources file with errors. */
    public static final int USAGE = 2;
    /** A name that is not visible, resources that collide, an integration that does not fit its resource. */
    public static final int RESOLUTION = 3;
    /** A check or a request against Bitbucket failed or did not finish in time (an integration, a resource, a commit lookup). */
    public static final int CHECK_FAILED = 4;
    /** {@code run}: the command was found but could not be started. */
    public static final int COMMAND_NOT_EXECUTABLE = 126;
    /** {@code run}: the command, or the interpreter its first line names, was not found. */
    public static final int COMMAND_NOT_FOUND = 127;
    /** Stopped by SIGINT (Ctrl-C), or interrupted; 128 + 2. */
    public static final int INTERRUPTED = 130;
    /** {@code run}: our output was closed (its reader, such as {@code head}, went away); 128 + 13, as for SIGPIPE. */
    public static final int OUTPUT_CLOSED = 141;

    /** One line of the list: the code (or a range such as {@code 128+n}) and what it means. */
    public record Documented(String code, String meaning) {}

    public static final List<Documented> DOCUMENTED = List.of(
            new Documented("0", "ok"),
            new Documented("1", "internal error (a bug: run again with --debug and report the stack trace)"),
            new Documented(
                    "2",
                    "usage error, or the resources file has errors (also a broken entry or integration the command uses)"),
            new Documented(
                    "3",
                    "a name that is not visible, resources that collide, an integration that does not fit its resource, "
                            + "a commit asked for without one branch, a resource the job may not use"),
            new Documented(
                    "4",
                    "a check or request against Bitbucket failed (a commit that could not be read) or did not finish in time"),
            new Documented("126", "run: the command cannot be started (not executable, a directory)"),
            new Documented("127", "run: the command, or the interpreter on its first line, was not found"),
            new Documented(
                    "128+n",
                    "run: stopped by signal n (129 SIGHUP, 130 SIGINT, 143 SIGTERM), or the command was killed by it"),
            new Documented("141", "run: the output was closed (its reader went away, as with `| head`)"),
            new Documented("other", "run: the command's own exit code"));

    private ExitCodes() {}
}
