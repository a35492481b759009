package io.jenkins.plugins.bitbucketresources.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.BuildTriggers;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole variable set, every name and value in order, for each resource type on each platform. */
class EnvironmentContractGoldenTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private static final Integration CLOUD_API_TOKEN = Integration.builder()
            .id("bitbucket-cloud")
            .url("https://api.bitbucket.org/2.0")
            .username("ci-bot@example.com")
            .token("ATATT-cloud-secret")
            .build()
            .orElseThrow();
    private static final Integration CLOUD_ACCESS_TOKEN = Integration.builder()
            .id("bitbucket-cloud")
            .url("https://bitbucket.org")
            .token("ATCTT-cloud-secret")
            .build()
            .orElseThrow();
    private static final Integration DC_PERSONAL = Integration.builder()
            .id("bitbucket-dc")
            .url("https://git.example.com:8443/bitbucket/")
            .username("ci-bot")
            .token("BBDC-dc-secret")
            .build()
            .orElseThrow();
    private static final Integration DC_PROJECT = Integration.builder()
            .id("bitbucket-dc")
            .url("https://git.example.com")
            .token("BBDC-dc-secret")
            .build()
            .orElseThrow();

    private static Resource.Builder resource(String name, String type, String integration, String sourceName) {
        return Resource.builder().name(name).type(type).integration(integration).sourceName(sourceName);
    }

    private static List<String> render(Resource.Builder resource, Integration integration, Optional<String> commit) {
        ResolvedResource resolved = new ResolvedResource(resource.build().orElseThrow(), Scope.GLOBAL, List.of());
        ResourceVariables variables = EnvironmentContract.variables(resolved, integration, commit);
        assertThat(variables.variables())
                .filteredOn(Variable::secret)
                .extracting(Variable::name)
                .singleElement()
                .asString()
                .endsWith("_INTEGRATION_TOKEN");
        return variables.variables().stream()
                .map(v -> v.name() + "=" + v.value())
                .toList();
    }

    @Test
    void gitRepoOnCloudWithApiTokenAndBranch() {
        assertThat(render(
                        resource("app-repo", "gitRepo", "bitbucket-cloud", "acme/app")
                                .branch("main"),
                        CLOUD_API_TOKEN,
                        Optional.empty()))
                .containsExactly(
                        "APPREPO_INTEGRATION_URL=https://api.bitbucket.org/2.0",
                        "APPREPO_INTEGRATION_TOKEN=ATATT-cloud-secret",
                        "APPREPO_INTEGRATION_USERNAME=ci-bot@example.com",
                        "APPREPO_NAME=app-repo",
                        "APPREPO_TYPE=gitRepo",
                        "APPREPO_SOURCENAME=acme/app",
                        "APPREPO_HTTPS_URL=https://bitbucket.org/acme/app.git",
                        "APPREPO_SSH_URL=git@bitbucket.org:acme/app.git",
                        "APPREPO_BRANCH=main",
                        "APPREPO_POINTER_BRANCH=main",
                        "APPREPO_POINTER_BUILDONCOMMIT=TRUE",
                        "APPREPO_POINTER_BUILDONPULLREQUEST=FALSE",
                        "APPREPO_POINTER_BUILDONTAGPUSH=FALSE",
                        "APPREPO_POINTER_BUILDONRELEASE=FALSE");
    }

    @Test
    void gitRepoOnCloudWithAccessTokenFiltersFlagsAndCommit() {
        Resource.Builder resource = resource("app_repo", "gitRepo", "bitbucket-cloud", "acme/app")
                .branches(List.of("main", "release/*"), List.of("release/old", "release/legacy-*"))
                .tags(List.of("v*"), List.of("v0.*"))
                .buildOn(new BuildTriggers(false, true, true, true));

        assertThat(render(resource, CLOUD_ACCESS_TOKEN, Optional.of(COMMIT)))
                .containsExactly(
                        "APP_REPO_INTEGRATION_URL=https://bitbucket.org",
                        "APP_REPO_INTEGRATION_TOKEN=ATCTT-cloud-secret",
                        "APP_REPO_NAME=app_repo",
                        "APP_REPO_TYPE=gitRepo",
                        "APP_REPO_SOURCENAME=acme/app",
                        "APP_REPO_HTTPS_URL=https://bitbucket.org/acme/app.git",
                        "APP_REPO_SSH_URL=git@bitbucket.org:acme/app.git",
                        "APP_REPO_POINTER_BRANCHES_ONLY_0=main",
                        "APP_REPO_POINTER_BRANCHES_ONLY_1=release/*",
                        "APP_REPO_POINTER_BRANCHES_EXCEPT_0=release/old",
                        "APP_REPO_POINTER_BRANCHES_EXCEPT_1=release/legacy-*",
                        "APP_REPO_POINTER_TAGS_ONLY_0=v*",
                        "APP_REPO_POINTER_TAGS_EXCEPT_0=v0.*",
                        "APP_REPO_POINTER_BUILDONCOMMIT=FALSE",
                        "APP_REPO_POINTER_BUILDONPULLREQUEST=TRUE",
                        "APP_REPO_POINTER_BUILDONTAGPUSH=TRUE",
                        "APP_REPO_POINTER_BUILDONRELEASE=TRUE",
                        "APP_REPO_COMMIT=" + COMMIT);
    }

    @Test
    void ciRepoOnCloudWithCheckedOutCommit() {
        Resource.Builder resource = resource("2fast", "ciRepo", "bitbucket-cloud", "acme-corp/fast-service")
                .branches(List.of("main"), List.of());

        assertThat(render(resource, CLOUD_API_TOKEN, Optional.of("abc1234")))
                .containsExactly(
                        "FAST_INTEGRATION_URL=https://api.bitbucket.org/2.0",
                        "FAST_INTEGRATION_TOKEN=ATATT-cloud-secret",
                        "FAST_INTEGRATION_USERNAME=ci-bot@example.com",
                        "FAST_NAME=2fast",
                        "FAST_TYPE=ciRepo",
                        "FAST_SOURCENAME=acme-corp/fast-service",
                        "FAST_HTTPS_URL=https://bitbucket.org/acme-corp/fast-service.git",
                        "FAST_SSH_URL=git@bitbucket.org:acme-corp/fast-service.git",
                        "FAST_BRANCH=main",
                        "FAST_POINTER_BRANCHES_ONLY_0=main",
                        "FAST_POINTER_BUILDONCOMMIT=TRUE",
                        "FAST_POINTER_BUILDONPULLREQUEST=FALSE",
                        "FAST_POINTER_BUILDONTAGPUSH=FALSE",
                        "FAST_POINTER_BUILDONRELEASE=FALSE",
                        "FAST_COMMIT=abc1234");
    }

    @Test
    void syncRepoOnCloudWithoutBranch() {
        assertThat(render(
                        resource("pipelines", "syncRepo", "bitbucket-cloud", "acme/jenkins-pipelines"),
                        CLOUD_ACCESS_TOKEN,
                        Optional.empty()))
                .containsExactly(
                        "PIPELINES_INTEGRATION_URL=https://bitbucket.org",
                        "PIPELINES_INTEGRATION_TOKEN=ATCTT-cloud-secret",
                        "PIPELINES_NAME=pipelines",
                        "PIPELINES_TYPE=syncRepo",
                        "PIPELINES_SOURCENAME=acme/jenkins-pipelines",
                        "PIPELINES_HTTPS_URL=https://bitbucket.org/acme/jenkins-pipelines.git",
                        "PIPELINES_SSH_URL=git@bitbucket.org:acme/jenkins-pipelines.git",
                        "PIPELINES_POINTER_BUILDONCOMMIT=TRUE",
                        "PIPELINES_POINTER_BUILDONPULLREQUEST=FALSE",
                        "PIPELINES_POINTER_BUILDONTAGPUSH=FALSE",
                        "PIPELINES_POINTER_BUILDONRELEASE=FALSE");
    }

    @Test
    void cloudTestServerClonesFromItsOwnHost() {
        Integration loopback = Integration.builder()
                .id("bitbucket-cloud")
                .url("http://127.0.0.1:8089/2.0")
                .platform("cloud")
                .token("ATCTT-loopback")
                .build()
                .orElseThrow();

        assertThat(render(resource("app", "gitRepo", "bitbucket-cloud", "acme/app"), loopback, Optional.empty()))
                .containsExactly(
                        "APP_INTEGRATION_URL=http://127.0.0.1:8089/2.0",
                        "APP_INTEGRATION_TOKEN=ATCTT-loopback",
                        "APP_NAME=app",
                        "APP_TYPE=gitRepo",
                        "APP_SOURCENAME=acme/app",
                        "APP_HTTPS_URL=http://127.0.0.1:8089/acme/app.git",
                        "APP_SSH_URL=git@127.0.0.1:acme/app.git",
                        "APP_POINTER_BUILDONCOMMIT=TRUE",
                        "APP_POINTER_BUILDONPULLREQUEST=FALSE",
                        "APP_POINTER_BUILDONTAGPUSH=FALSE",
                        "APP_POINTER_BUILDONRELEASE=FALSE");
    }

    @Test
    void gitRepoOnDataCenterWithUsernameContextPathAndBranch() {
        assertThat(render(
                        resource("app-repo", "gitRepo", "bitbucket-dc", "PROJ/app")
                                .branch("develop"),
                        DC_PERSONAL,
                        Optional.empty()))
                .containsExactly(
                        "APPREPO_INTEGRATION_URL=https://git.example.com:8443/bitbucket/",
                        "APPREPO_INTEGRATION_TOKEN=BBDC-dc-secret",
                        "APPREPO_INTEGRATION_USERNAME=ci-bot",
                        "APPREPO_NAME=app-repo",
                        "APPREPO_TYPE=gitRepo",
                        "APPREPO_SOURCENAME=PROJ/app",
                        "APPREPO_HTTPS_URL=https://git.example.com:8443/bitbucket/scm/proj/app.git",
                        "APPREPO_SSH_URL=ssh://git@git.example.com:7999/proj/app.git",
                        "APPREPO_BRANCH=develop",
                        "APPREPO_POINTER_BRANCH=develop",
                        "APPREPO_POINTER_BUILDONCOMMIT=TRUE",
                        "APPREPO_POINTER_BUILDONPULLREQUEST=FALSE",
                        "APPREPO_POINTER_BUILDONTAGPUSH=FALSE",
                        "APPREPO_POINTER_BUILDONRELEASE=FALSE");
    }

    @Test
    void ciRepoOnDataCenterWithoutUsernameWithBranchAndTagFiltersAndCommit() {
        Resource.Builder resource = resource("service", "ciRepo", "bitbucket-dc", "PLAT/service")
                .branches(List.of("master", "hotfix/*"), List.of("hotfix/old"))
                .tags(List.of("release-*"), List.of("release-0*"))
                .buildOn(new BuildTriggers(true, true, false, false));

        assertThat(render(resource, DC_PROJECT, Optional.of(COMMIT)))
                .containsExactly(
                        "SERVICE_INTEGRATION_URL=https://git.example.com",
                        "SERVICE_INTEGRATION_TOKEN=BBDC-dc-secret",
                        "SERVICE_NAME=service",
                        "SERVICE_TYPE=ciRepo",
                        "SERVICE_SOURCENAME=PLAT/service",
                        "SERVICE_HTTPS_URL=https://git.example.com/scm/plat/service.git",
                        "SERVICE_SSH_URL=ssh://git@git.example.com:7999/plat/service.git",
                        "SERVICE_POINTER_BRANCHES_ONLY_0=master",
                        "SERVICE_POINTER_BRANCHES_ONLY_1=hotfix/*",
                        "SERVICE_POINTER_BRANCHES_EXCEPT_0=hotfix/old",
                        "SERVICE_POINTER_TAGS_ONLY_0=release-*",
                        "SERVICE_POINTER_TAGS_EXCEPT_0=release-0*",
                        "SERVICE_POINTER_BUILDONCOMMIT=TRUE",
                        "SERVICE_POINTER_BUILDONPULLREQUEST=TRUE",
                        "SERVICE_POINTER_BUILDONTAGPUSH=FALSE",
                        "SERVICE_POINTER_BUILDONRELEASE=FALSE",
                        "SERVICE_COMMIT=" + COMMIT);
    }

    @Test
    void syncRepoOnDataCenterInAPersonalProject() {
        assertThat(render(
                        resource("jobs-dsl", "syncRepo", "bitbucket-dc", "~Jane.Doe/dsl"),
                        DC_PERSONAL,
                        Optional.empty()))
                .containsExactly(
                        "JOBSDSL_INTEGRATION_URL=https://git.example.com:8443/bitbucket/",
                        "JOBSDSL_INTEGRATION_TOKEN=BBDC-dc-secret",
                        "JOBSDSL_INTEGRATION_USERNAME=ci-bot",
                        "JOBSDSL_NAME=jobs-dsl",
                        "JOBSDSL_TYPE=syncRepo",
                        "JOBSDSL_SOURCENAME=~Jane.Doe/dsl",
                        "JOBSDSL_HTTPS_URL=https://git.example.com:8443/bitbucket/scm/~jane.doe/dsl.git",
                        "JOBSDSL_SSH_URL=ssh://git@git.example.com:7999/~jane.doe/dsl.git",
                        "JOBSDSL_POINTER_BUILDONCOMMIT=TRUE",
                        "JOBSDSL_POINTER_BUILDONPULLREQUEST=FALSE",
                        "JOBSDSL_POINTER_BUILDONTAGPUSH=FALSE",
                        "JOBSDSL_POINTER_BUILDONRELEASE=FALSE");
    }

    @Test
    void dataCenterRestUrlGivesCloneUrlsOnTheServerBase() {
        Integration restUrl = Integration.builder()
                .id("bitbucket-dc")
                .url("https://git.example.com/rest/api/1.0")
                .token("BBDC-x-token")
                .build()
                .orElseThrow();

        assertThat(render(resource("app", "gitRepo", "bitbucket-dc", "PROJ/app"), restUrl, Optional.empty()))
                .contains(
                        "APP_INTEGRATION_URL=https://git.example.com/rest/api/1.0",
                        "APP_HTTPS_URL=https://git.example.com/scm/proj/app.git",
                        "APP_SSH_URL=ssh://git@git.example.com:7999/proj/app.git");
    }
}
