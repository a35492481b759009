package io.jenkins.plugins.bitbucketresources.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.model.BuildTriggers;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentContractTest {

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

    private static ResolvedResource resolved(String integration, String sourceName) {
        Resource resource = Resource.builder()
                .name("app-repo")
                .type("gitRepo")
                .integration(integration)
                .sourceName(sourceName)
                .build()
                .orElseThrow();
        return new ResolvedResource(resource, Scope.GLOBAL, List.of());
    }

    @Test
    void onlyTheTokenIsSecret() {
        ResourceVariables variables =
                EnvironmentContract.variables(resolved("bitbucket-cloud", "acme/app"), CLOUD, Optional.of("abcdef1"));

        assertThat(variables.variables())
                .filteredOn(Variable::secret)
                .extracting(Variable::name)
                .containsExactly("APPREPO_INTEGRATION_TOKEN");
    }

    @Test
    void variablesKeepTheirResourceAndIntegration() {
        ResolvedResource resolved = resolved("bitbucket-cloud", "acme/app");
        ResourceVariables variables = EnvironmentContract.variables(resolved, CLOUD, Optional.empty());

        assertThat(variables.resolved()).isEqualTo(resolved);
        assertThat(variables.integration()).isEqualTo(CLOUD);
        assertThat(variables.names()).startsWith("APPREPO_INTEGRATION_URL", "APPREPO_INTEGRATION_TOKEN");
    }

    @Test
    void integrationOtherThanTheResourcesIsRefused() {
        assertThatThrownBy(() ->
                        EnvironmentContract.variables(resolved("bitbucket-dc", "PROJ/app"), CLOUD, Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("integration"))
                .hasMessage(
                        "resource `app-repo` uses integration `bitbucket-dc`, not `bitbucket-cloud`: look up the integration with "
                                + "the ID `bitbucket-dc`");
    }

    @Test
    void cloudWorkspaceUuidOnDataCenterIsRefused() {
        String uuid = "{0f0e0d0c-0b0a-0908-0706-050403020100}";

        assertThatThrownBy(() -> EnvironmentContract.variables(
                        resolved("bitbucket-dc", uuid + "/app"), DATA_CENTER, Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("sourceName"))
                .hasMessage("`" + uuid
                        + "` is not a Bitbucket Data Center project key (a letter, then letters, digits or `_`) nor a "
                        + "personal project (`~user`): write `PROJECT/repo`");
    }

    @Test
    void cloudWorkspaceWithHyphenOnDataCenterIsRefused() {
        assertThatThrownBy(() -> EnvironmentContract.variables(
                        resolved("bitbucket-dc", "acme-corp/app"), DATA_CENTER, Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("sourceName"))
                .hasMessage(
                        "`acme-corp` is not a Bitbucket Data Center project key (a letter, then letters, digits or `_`) nor a "
                                + "personal project (`~user`): write `PROJECT/repo`");
    }

    @Test
    void personalProjectOnCloudIsRefused() {
        assertThatThrownBy(() -> EnvironmentContract.variables(
                        resolved("bitbucket-cloud", "~jane/app"), CLOUD, Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("sourceName"))
                .hasMessage(
                        "`~jane` is not a Bitbucket Cloud workspace ID (letters, digits, `-` and `_`; `~user` is a Data Center "
                                + "personal project): write `workspace/repo_slug`");
    }

    @Test
    void badCommitIsRefused() {
        assertThatThrownBy(() -> EnvironmentContract.variables(
                        resolved("bitbucket-cloud", "acme/app"), CLOUD, Optional.of("main")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("commit"))
                .hasMessage(
                        "`main` is not a commit ID (7 to 64 hexadecimal digits): pass the revision as `git rev-parse HEAD` prints it");
    }

    @Test
    void tooShortCommitIsRefused() {
        assertThatThrownBy(() -> EnvironmentContract.variables(
                        resolved("bitbucket-cloud", "acme/app"), CLOUD, Optional.of("abc123")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(
                        "`abc123` is not a commit ID (7 to 64 hexadecimal digits): pass the revision as `git rev-parse HEAD` prints it");
    }

    @Test
    void sha256CommitIsAccepted() {
        String commit = "a".repeat(64);

        assertThat(EnvironmentContract.variables(resolved("bitbucket-cloud", "acme/app"), CLOUD, Optional.of(commit))
                        .variables())
                .last()
                .isEqualTo(new Variable("APPREPO_COMMIT", commit, false));
    }

    @Test
    void refusalsNeverRepeatTheToken() {
        for (Runnable failing : List.<Runnable>of(
                () -> EnvironmentContract.variables(resolved("bitbucket-dc", "PROJ/app"), CLOUD, Optional.empty()),
                () -> EnvironmentContract.variables(resolved("bitbucket-cloud", "~jane/app"), CLOUD, Optional.empty()),
                () -> EnvironmentContract.variables(
                        resolved("bitbucket-cloud", "acme/app"), CLOUD, Optional.of("xyz")))) {
            assertThatThrownBy(failing::run)
                    .isInstanceOf(InvalidValueException.class)
                    .message()
                    .doesNotContain("ATATT-cloud-secret");
        }
    }

    @Test
    void namesEqualTheNamesOfTheVariables() {
        GeneratedCases.check(1000, generate -> {
            Resource resource = resource(generate);
            boolean withUsername = generate.bool();
            boolean withCommit = generate.bool();
            Integration integration = withUsername
                    ? CLOUD
                    : Integration.builder()
                            .id("bitbucket-cloud")
                            .token("ATCTT-x-token")
                            .build()
                            .orElseThrow();
            ResolvedResource resolved = new ResolvedResource(resource, Scope.GLOBAL, List.of());
            Optional<String> commit = withCommit ? Optional.of("abcdef0") : Optional.empty();

            assertThat(EnvironmentContract.names(resource, withUsername, withCommit))
                    .isEqualTo(EnvironmentContract.variables(resolved, integration, commit)
                            .names());
        });
    }

    @Test
    void everyNameStartsWithThePrefixAndIsUnique() {
        GeneratedCases.check(1000, generate -> {
            Resource resource = resource(generate);
            List<String> names = EnvironmentContract.names(resource, true, true);

            assertThat(names)
                    .doesNotHaveDuplicates()
                    .allMatch(n -> n.startsWith(resource.name().prefix() + "_"))
                    .allMatch(n -> n.matches("[A-Z_][A-Z0-9_]*"));
        });
    }

    @Test
    void cloneUrlsNeverCarryUsernameOrToken() {
        GeneratedCases.check(1000, generate -> {
            String username = "u" + generate.string("abcdefghijklmnopqrstuvwxyz", 6, 20);
            String token = generate.string(Generator.VISIBLE_ASCII, 12, 40);
            boolean dataCenter = generate.bool();
            Integration integration = dataCenter
                    ? Integration.builder()
                            .id("i")
                            .url("https://git.example.com:8443/bitbucket")
                            .username(username)
                            .token("BBDC-" + token)
                            .build()
                            .orElseThrow()
                    : Integration.builder()
                            .id("i")
                            .url("https://api.bitbucket.org/2.0")
                            .username(username + "@example.com")
                            .token("ATATT" + token)
                            .build()
                            .orElseThrow();
            Resource resource = Resource.builder()
                    .name("app")
                    .type("gitRepo")
                    .integration("i")
                    .sourceName(dataCenter ? "PROJ/app" : "acme/app")
                    .build()
                    .orElseThrow();

            ResourceVariables variables = EnvironmentContract.variables(
                    new ResolvedResource(resource, Scope.GLOBAL, List.of()), integration, Optional.empty());

            assertThat(variables.variables())
                    .filteredOn(v -> v.name().endsWith("_URL") && !v.name().endsWith("_INTEGRATION_URL"))
                    .hasSize(2)
                    .allSatisfy(
                            v -> assertThat(v.value()).doesNotContain(username).doesNotContain(token));
        });
    }

    /** A valid resource: any name, type, branch settings, tags and build triggers. */
    private static Resource resource(Generator generate) {
        List<String> patterns = List.of("main", "develop", "release/*", "v*", "hotfix/x");
        List<String> only = generate.distinct(3, patterns);
        List<String> exceptNotInOnly = generate.distinct(3, patterns).stream()
                .filter(p -> !only.contains(p))
                .toList();
        Resource.Builder builder = Resource.builder()
                .name(generate.pick("app-repo", "app_repo", "2fast", "x", "service-a"))
                .type(generate.pick("gitRepo", "ciRepo", "syncRepo"))
                .integration("bitbucket-cloud")
                .sourceName("acme/app")
                .tags(generate.distinct(3, patterns), List.of())
                .buildOn(new BuildTriggers(generate.bool(), generate.bool(), generate.bool(), generate.bool()));
        if (generate.bool()) {
            builder.branch(generate.pick("main", "feature/x"));
        } else {
            builder.branches(only, exceptNotInOnly);
        }
        return builder.build().orElseThrow();
    }

    @Test
    void tokenVariableOfANameIsKnownWithoutAnIntegration() {
        assertThat(EnvironmentContract.tokenVariable("app-repo")).contains("APPREPO_INTEGRATION_TOKEN");
        assertThat(EnvironmentContract.tokenVariable("2fast")).contains("FAST_INTEGRATION_TOKEN");
    }

    @Test
    void tokenVariableOfAnInvalidNameIsEmpty() {
        assertThat(EnvironmentContract.tokenVariable("--")).isEmpty();
        assertThat(EnvironmentContract.tokenVariable("job")).isEmpty();
    }
}
