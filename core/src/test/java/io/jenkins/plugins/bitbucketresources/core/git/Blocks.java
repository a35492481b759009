package io.jenkins.plugins.bitbucketresources.core.git;

import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.EnvironmentContract;
import io.jenkins.plugins.bitbucketresources.core.env.ResourceVariables;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resources and their block, built the way the hosts build them. */
final class Blocks {

    private Blocks() {
    }

    static Integration cloudAccessToken(String apiUrl, String token) {
        return Integration.builder().id("cloud-access").url(apiUrl).platform("cloud").kind("accessToken").token(token).build().orElseThrow();
    }

    static Integration cloudApiToken(String apiUrl, String email, String token) {
        return Integration.builder().id("cloud-api").url(apiUrl).platform("cloud").kind("apiToken").username(email).token(token)
                .build().orElseThrow();
    }

    static Integration dataCenterPersonal(String serverUrl, String user, String token) {
        return Integration.builder().id("dc-personal").url(serverUrl).platform("datacenter").kind("personalHttpToken").username(user)
                .token(token).build().orElseThrow();
    }

    static Integration dataCenterProject(String serverUrl, String token) {
        return Integration.builder().id("dc-project").url(serverUrl).platform("datacenter").kind("projectHttpToken").token(token)
                .build().orElseThrow();
    }

    static ResourceVariables resource(String name, String sourceName, Integration integration) {
        return resource(name, sourceName, integration, true);
    }

    static ResourceVariables resource(String name, String sourceName, Integration integration, boolean gitAuth) {
        Resource resource = Resource.builder().name(name).type("gitRepo").integration(integration.id()).sourceName(sourceName)
                .gitAuth(gitAuth).build().orElseThrow();
        return EnvironmentContract.variables(new ResolvedResource(resource, Scope.GLOBAL, List.of()), integration, Optional.empty());
    }

    static BlockEnvironment block(ResourceVariables... resources) {
        return BlockEnvironment.assemble(List.of(resources)).orElseThrow();
    }

    /**
     * What a host does at the start of a block: the resources' variables over the environment, then git
     * authentication computed from the result and laid over it.
     */
    static Map<String, String> enter(Map<String, String> outside, BlockEnvironment block) {
        Map<String, String> inside = new HashMap<>(outside);
        inside.putAll(block.asMap());
        GitEnvironment git = GitAuth.plan(block).environmentFor(inside);
        if (!(git instanceof GitEnvironment.Added added)) {
            throw new AssertionError("git authentication was not added: " + git);
        }
        inside.putAll(added.asMap());
        return inside;
    }
}
