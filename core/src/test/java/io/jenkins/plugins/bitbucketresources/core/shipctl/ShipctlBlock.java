package io.jenkins.plugins.bitbucketresources.core.shipctl;

import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.EnvironmentContract;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of a real block with three resources, made by the engine's environment contract: {@code app-repo}
 * (gitRepo on Cloud through an API token with a username, one branch, commit known), {@code 2nd-repo} (ciRepo on
 * Data Center through a project token: leading digit, branch and tag filters with patterns, no commit) and
 * {@code tools_lib-v2} (syncRepo on Cloud through an access token, one branch through a filter, commit known).
 */
final class ShipctlBlock {

    /** Shell-special characters, so that a value is shown to be printed as it is, never expanded or split. */
    static final String CLOUD_TOKEN = "ATATT3xFfGF0$HOME*?[ab]'\"\\;|&`echo`-cloud";

    static final String DATA_CENTER_TOKEN = "BBDC-Njg4$(id)*dc";
    static final String ACCESS_TOKEN = "ATCTT3xFfGN0-access";
    static final String APP_COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final String TOOLS_COMMIT = "fedcba9876543210fedcba9876543210fedcba98";
    static final List<String> TOKENS = List.of(CLOUD_TOKEN, DATA_CENTER_TOKEN, ACCESS_TOKEN);

    private ShipctlBlock() {}

    static BlockEnvironment environment() {
        Integration cloud = Integration.builder()
                .id("bitbucket-cloud")
                .url("https://api.bitbucket.org/2.0")
                .username("ci-bot@example.com")
                .token(CLOUD_TOKEN)
                .build()
                .orElseThrow();
        Integration dataCenter = Integration.builder()
                .id("bitbucket-dc")
                .url("https://git.example.com/bitbucket")
                .token(DATA_CENTER_TOKEN)
                .build()
                .orElseThrow();
        Integration access = Integration.builder()
                .id("cloud-access")
                .url("https://api.bitbucket.org/2.0")
                .token(ACCESS_TOKEN)
                .build()
                .orElseThrow();
        Resource app = Resource.builder()
                .name("app-repo")
                .type("gitRepo")
                .integration("bitbucket-cloud")
                .sourceName("acme/app")
                .branch("main")
                .build()
                .orElseThrow();
        Resource second = Resource.builder()
                .name("2nd-repo")
                .type("ciRepo")
                .integration("bitbucket-dc")
                .sourceName("PROJ/second")
                .branches(List.of("main", "release/*"), List.of("release/old"))
                .tags(List.of("v*"), List.of())
                .build()
                .orElseThrow();
        Resource tools = Resource.builder()
                .name("tools_lib-v2")
                .type("syncRepo")
                .integration("cloud-access")
                .sourceName("acme/tools-lib")
                .branches(List.of("develop"), List.of())
                .build()
                .orElseThrow();
        return BlockEnvironment.assemble(List.of(
                        EnvironmentContract.variables(
                                new ResolvedResource(app, Scope.GLOBAL, List.of()), cloud, Optional.of(APP_COMMIT)),
                        EnvironmentContract.variables(
                                new ResolvedResource(second, new Scope.Folder("team-a"), List.of()),
                                dataCenter,
                                Optional.empty()),
                        EnvironmentContract.variables(
                                new ResolvedResource(tools, Scope.GLOBAL, List.of()),
                                access,
                                Optional.of(TOOLS_COMMIT))))
                .orElseThrow();
    }

    static Map<String, String> variables() {
        return environment().asMap();
    }
}
