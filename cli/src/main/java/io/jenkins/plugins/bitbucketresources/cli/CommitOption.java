package io.jenkins.plugins.bitbucketresources.cli;

import picocli.CommandLine.Option;

/** {@code --resolve-commit}, for the commands that set variables. */
final class CommitOption {

    @Option(
            names = "--resolve-commit",
            description = "Fill <P>_COMMIT of every resource with the head of its branch, from the Bitbucket API "
                    + "(a resource with resolveCommit: true gets it without this option).")
    boolean resolveCommit;
}
