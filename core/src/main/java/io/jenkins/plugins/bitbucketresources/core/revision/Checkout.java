package io.jenkins.plugins.bitbucketresources.core.revision;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One checkout a build made: the remote URLs it fetched from, as the SCM recorded them, and the commit it checked out.
 *
 * @param commit the commit checked out; empty when the host knows that the repository was checked out but not at
 *     which commit (the command line's {@code --checkout}): such a checkout counts as the job's own checkout, and the
 *     resource's commit is found as if it had not been made
 */
public record Checkout(Set<String> remoteUrls, String commit) {

    public Checkout {
        remoteUrls = Set.copyOf(remoteUrls);
        Objects.requireNonNull(commit, "commit");
    }

    /** A checkout of one remote whose commit is not known. */
    public static Checkout withoutCommit(String remoteUrl) {
        return new Checkout(Set.of(remoteUrl), "");
    }

    /** The commit checked out, when the host knows it. */
    public Optional<String> knownCommit() {
        return commit.isEmpty() ? Optional.empty() : Optional.of(commit);
    }
}
