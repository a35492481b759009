package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;

/**
 * Reads the head commit of a branch, as of now: {@code BitbucketClient::branchHead}. Called from the preparation's
 * executor, several at once; it must be thread-safe, and it may block.
 */
@FunctionalInterface
public interface CommitLookup {

    Outcome<String> branchHead(Integration integration, SourceName source, String branch);
}
