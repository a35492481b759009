package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import java.util.Objects;
import java.util.Optional;

/**
 * What Bitbucket says about a repository. Clone URLs never carry credentials: a user name in an HTTP(S) link is
 * removed (Bitbucket puts the caller's in), and an SSH link keeps only its login user ({@code git}).
 *
 * @param mainBranch the default branch; empty for a repository without one (empty repository)
 * @param httpsUrl the HTTP(S) clone URL (plain {@code http} when a Data Center server is served so)
 * @param sshUrl the SSH clone URL; empty when SSH access is off
 */
public record RepositoryInfo(
        SourceName source, Optional<String> mainBranch, Optional<String> httpsUrl, Optional<String> sshUrl) {

    public RepositoryInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mainBranch, "mainBranch");
        Objects.requireNonNull(httpsUrl, "httpsUrl");
        Objects.requireNonNull(sshUrl, "sshUrl");
    }
}
