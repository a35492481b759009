package io.jenkins.plugins.bitbucketresources.cli;

/** A failure to report to the user as a message and an exit code, without a stack trace. */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
