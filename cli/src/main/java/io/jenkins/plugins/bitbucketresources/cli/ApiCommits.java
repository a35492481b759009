package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.BitbucketClient;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.prepare.CommitLookup;

/**
 * The command line's way to read a branch head: the Bitbucket client with the environment's proxy, made on first use,
 * since most blocks ask Bitbucket nothing. Shared by the lookups that run side by side.
 */
final class ApiCommits implements CommitLookup {

    private final Terminal terminal;
    private BitbucketClient client;

    ApiCommits(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Outcome<String> branchHead(Integration integration, SourceName source, String branch) {
        return client().branchHead(integration, source, branch);
    }

    private synchronized BitbucketClient client() {
        if (client == null) {
            client = HttpClients.bitbucketClient(terminal);
        }
        return client;
    }
}
