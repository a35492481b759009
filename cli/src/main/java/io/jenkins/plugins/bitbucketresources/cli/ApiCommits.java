package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.BitbucketClient;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.revision.CommitPlan;
import io.jenkins.plugins.bitbucketresources.core.revision.CommitSource;
import java.util.List;
import java.util.Optional;

/**
 * {@code <P>_COMMIT} from the Bitbucket API for the resources that ask for it ({@code resolveCommit}), or for all of
 * them with {@code --resolve-commit}. The command line checks nothing out, so a {@code ciRepo} is asked for too.
 */
final class ApiCommits implements Selection.Commits {

    private final Terminal terminal;
    private final boolean forAll;
    private BitbucketClient client;

    ApiCommits(Terminal terminal, boolean forAll) {
        this.terminal = terminal;
        this.forAll = forAll;
    }

    @Override
    public Optional<String> of(ResolvedResource resolved, Integration integration) {
        Resource resource = forAll ? resolved.resource().withResolveCommit(true) : resolved.resource();
        CommitPlan plan = CommitSource.plan(resource, integration, List.of());
        if (plan instanceof CommitPlan.Known known) {
            return Optional.of(known.commit());
        }
        if (plan instanceof CommitPlan.Refused refused) {
            throw new CliFailure(ExitCodes.RESOLUTION, refused.message());
        }
        if (plan instanceof CommitPlan.FromApi fromApi) {
            Outcome<String> head = client().branchHead(integration, resource.sourceName(), fromApi.branch());
            if (head instanceof Outcome.Ok<String> ok) {
                return Optional.of(ok.value());
            }
            throw new CliFailure(ExitCodes.CHECK_FAILED, "the commit of resource `" + resource.name() + "` could not be read: " + head.message());
        }
        return Optional.empty();
    }

    private BitbucketClient client() {
        if (client == null) {
            client = new BitbucketClient(HttpClients.create(terminal.environment(), terminal.clientSettings()), terminal.clientSettings());
        }
        return client;
    }
}
