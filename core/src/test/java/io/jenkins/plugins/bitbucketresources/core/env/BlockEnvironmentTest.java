package io.jenkins.plugins.bitbucketresources.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockEnvironmentTest {

    private static final Integration CLOUD = Integration.builder()
            .id("bitbucket-cloud")
            .url("https://api.bitbucket.org/2.0")
            .username("ci-bot@example.com")
            .token("ATATT-cloud-secret")
            .build()
            .orElseThrow();
    private static final Integration DATA_CENTER = Integration.builder()
            .id("bitbucket-dc")
            .url("https://git.example.com")
            .token("BBDC-dc-secret")
            .build()
            .orElseThrow();
    private static final Scope TEAM_A = new Scope.Folder("team-a");

    private static ResourceVariables variables(Resource.Builder resource, Scope scope, Integration integration) {
        ResolvedResource resolved = new ResolvedResource(
                resource.integration(integration.id()).build().orElseThrow(), scope, List.of());
        return EnvironmentContract.variables(resolved, integration, Optional.empty());
    }

    private static Resource.Builder resource(String name, String sourceName) {
        return Resource.builder().name(name).type("gitRepo").sourceName(sourceName);
    }

    private static BlockEnvironment block() {
        return BlockEnvironment.assemble(List.of(
                        variables(resource("app-repo", "acme/app").branch("main"), TEAM_A, CLOUD),
                        variables(resource("lib", "PROJ/lib"), Scope.GLOBAL, DATA_CENTER)))
                .orElseThrow();
    }

    @Test
    void variablesComeResourceByResourceInContractOrder() {
        assertThat(block().variables())
                .extracting(Variable::name)
                .startsWith("APPREPO_INTEGRATION_URL")
                .contains("LIB_INTEGRATION_URL")
                .hasSize(14 + 11);
        assertThat(block().asMap().keySet())
                .containsExactlyElementsOf(
                        block().variables().stream().map(Variable::name).toList());
    }

    @Test
    void secretNamesAreTheTokensOnly() {
        assertThat(block().secretNames()).containsExactly("APPREPO_INTEGRATION_TOKEN", "LIB_INTEGRATION_TOKEN");
    }

    @Test
    void integrationsAreListedOnce() {
        BlockEnvironment block = BlockEnvironment.assemble(List.of(
                        variables(resource("app-repo", "acme/app"), TEAM_A, CLOUD),
                        variables(resource("lib", "acme/lib"), Scope.GLOBAL, CLOUD)))
                .orElseThrow();

        assertThat(block.integrations()).containsExactly(CLOUD);
    }

    @Test
    void describeNamesResourcesScopesAndVariablesButNoValue() {
        BlockEnvironment block = block();
        String description = block.describe();

        assertThat(description)
                .isEqualTo("app-repo (folder team-a) via bitbucket-cloud: APPREPO_INTEGRATION_URL, "
                        + "APPREPO_INTEGRATION_TOKEN, APPREPO_INTEGRATION_USERNAME, APPREPO_NAME, APPREPO_TYPE, APPREPO_SOURCENAME, "
                        + "APPREPO_HTTPS_URL, APPREPO_SSH_URL, APPREPO_BRANCH, APPREPO_POINTER_BRANCH, APPREPO_POINTER_BUILDONCOMMIT, "
                        + "APPREPO_POINTER_BUILDONPULLREQUEST, APPREPO_POINTER_BUILDONTAGPUSH, APPREPO_POINTER_BUILDONRELEASE; "
                        + "lib (global) via bitbucket-dc: LIB_INTEGRATION_URL, LIB_INTEGRATION_TOKEN, LIB_NAME, LIB_TYPE, LIB_SOURCENAME, "
                        + "LIB_HTTPS_URL, LIB_SSH_URL, LIB_POINTER_BUILDONCOMMIT, LIB_POINTER_BUILDONPULLREQUEST, LIB_POINTER_BUILDONTAGPUSH, "
                        + "LIB_POINTER_BUILDONRELEASE");
        // The resource name is how a reader tells the resources apart; every other value stays out.
        block.variables().stream()
                .filter(v -> !v.name().endsWith("_NAME"))
                .forEach(v -> assertThat(description).doesNotContain(v.value()));
    }

    @Test
    void collidingPrefixesAreRefusedNamingBothSidesAndTheirScopes() {
        Validated<BlockEnvironment> result = BlockEnvironment.assemble(List.of(
                variables(resource("app-repo", "acme/app"), TEAM_A, CLOUD),
                variables(resource("apprepo", "PROJ/app"), Scope.GLOBAL, DATA_CENTER)));

        assertThat(result.problems())
                .containsExactly(Problem.error(
                        "names",
                        "resources `app-repo` (folder team-a) and `apprepo` (global) "
                                + "both give the variable prefix `APPREPO`, so their variables would overwrite each other: use them in separate "
                                + "blocks, or rename one of them"));
    }

    @Test
    void prefixCollisionIsFoundWhateverTheCase() {
        Validated<BlockEnvironment> result = BlockEnvironment.assemble(List.of(
                variables(resource("App", "acme/app"), TEAM_A, CLOUD),
                variables(resource("app", "acme/app2"), TEAM_A, CLOUD)));

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems())
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .startsWith(
                        "resources `App` (folder team-a) and `app` (folder team-a) both give the variable prefix `APP`");
    }

    @Test
    void variableCollisionAcrossDifferentPrefixesIsRefused() {
        Validated<BlockEnvironment> result = BlockEnvironment.assemble(List.of(
                variables(resource("app", "acme/app").branch("x"), TEAM_A, CLOUD),
                variables(resource("app_pointer", "acme/pointer").branch("main"), Scope.GLOBAL, CLOUD)));

        assertThat(result.problems())
                .containsExactly(
                        Problem.error(
                                "names",
                                "resources `app` (folder team-a) and `app_pointer` (global) "
                                        + "would both set `APP_POINTER_BRANCH`: use them in separate blocks, or rename one of them"));
    }

    @Test
    void prefixesThatNestWithoutSharingAVariableAreFine() {
        Validated<BlockEnvironment> result = BlockEnvironment.assemble(List.of(
                variables(resource("app", "acme/app").branch("x"), TEAM_A, CLOUD),
                variables(resource("app_pointer", "acme/pointer"), Scope.GLOBAL, CLOUD)));

        assertThat(result.isValid()).isTrue();
    }

    @Test
    void everyCollisionIsReported() {
        Validated<BlockEnvironment> result = BlockEnvironment.assemble(List.of(
                variables(resource("app-repo", "acme/app"), TEAM_A, CLOUD),
                variables(resource("apprepo", "acme/app"), Scope.GLOBAL, CLOUD),
                variables(resource("app", "acme/app").branch("x"), TEAM_A, CLOUD),
                variables(resource("app_pointer", "acme/pointer").branch("main"), Scope.GLOBAL, CLOUD)));

        assertThat(result.problems()).hasSize(2).allMatch(Problem::isError);
    }

    @Test
    void problemsNeverContainAToken() {
        Validated<BlockEnvironment> result = BlockEnvironment.assemble(List.of(
                variables(resource("app-repo", "acme/app"), TEAM_A, CLOUD),
                variables(resource("apprepo", "PROJ/app"), Scope.GLOBAL, DATA_CENTER)));

        assertThat(result.problems())
                .extracting(Problem::toString)
                .noneMatch(text -> text.contains("ATATT-cloud-secret") || text.contains("BBDC-dc-secret"));
    }

    @Test
    void emptyBlockHasNoVariables() {
        BlockEnvironment block = BlockEnvironment.assemble(List.of()).orElseThrow();

        assertThat(block.variables()).isEmpty();
        assertThat(block.describe()).isEmpty();
    }
}
