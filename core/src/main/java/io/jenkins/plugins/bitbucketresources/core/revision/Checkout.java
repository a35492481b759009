package io.jenkins.plugins.bitbucketresources.core.revision;

import java.util.Objects;
import java.util.Set;

/**
 * One checkout a build made: the remote URLs it fetched from, as the SCM recorded them, and the commit it checked out.
 */
public record Checkout(Set<String> remoteUrls, String commit) {

    public Checkout {
        remoteUrls = Set.copyOf(remoteUrls);
        Objects.requireNonNull(commit, "commit");
    }
}
