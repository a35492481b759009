package io.jenkins.plugins.bitbucketresources.cli;

/** What {@code bitbucket-resources} exits with. {@code run} exits with its command's code instead, when it gets that far. */
public final class ExitCodes {

    public static final int OK = 0;
    /** A usage error, or a resources file with errors. */
    public static final int USAGE = 2;
    /** A name that is not visible, resources that collide, an integration that does not fit its resource. */
    public static final int RESOLUTION = 3;
    /** A check or a request against Bitbucket failed (an integration, a resource, a commit lookup). */
    public static final int CHECK_FAILED = 4;
    /** {@code run}: the command could not be started because it was not found. */
    public static final int COMMAND_NOT_FOUND = 127;
    /** {@code run}: the command was found but could not be started. */
    public static final int COMMAND_NOT_EXECUTABLE = 126;

    private ExitCodes() {
    }
}
