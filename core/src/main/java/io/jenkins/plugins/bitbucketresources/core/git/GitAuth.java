package io.jenkins.plugins.bitbucketresources.core.git;

import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.ResourceVariables;
import io.jenkins.plugins.bitbucketresources.core.model.CloneUrls;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;

/**
 * Decides how git over HTTPS authenticates inside a block, so that {@code git clone "$<P>_HTTPS_URL"}, {@code fetch},
 * {@code ls-remote} and {@code push} work unchanged with the resource's token, which never goes into a URL, an
 * argument, a file or {@code .git/config}.
 *
 * <p>Token kinds git can send as a password get a credential helper that answers with the kind's git user name
 * ({@code x-token-auth} for Cloud access tokens, {@code x-bitbucket-api-token-auth} for Cloud API tokens, the user for
 * Data Center personal tokens) and the token read from the environment. Data Center project and repository tokens
 * accept only {@code Authorization: Bearer}, which git can send only as an extra header. Everything is scoped to the
 * resource's repository URL and given through {@code GIT_CONFIG_COUNT}; no file is needed on any machine.
 */
public final class GitAuth {

    private GitAuth() {}

    /** The routes of the block's resources that have git authentication on, in the block's order. */
    public static GitAuthPlan plan(BlockEnvironment environment) {
        return new GitAuthPlan(environment.resources().stream()
                .filter(r -> r.resolved().resource().gitAuth())
                .map(GitAuth::route)
                .toList());
    }

    private static GitRoute route(ResourceVariables variables) {
        Resource resource = variables.resolved().resource();
        Integration integration = variables.integration();
        CloneUrls urls = CloneUrls.of(integration.url(), integration.platform(), resource.sourceName());
        GitCredential credential = integration
                .kind()
                .gitUsername(integration.username())
                .<GitCredential>map(GitCredential.Basic::new)
                .orElseGet(GitCredential.Bearer::new);
        return new GitRoute(resource.name().value(), resource.name().prefix(), urls.https(), credential);
    }
}
