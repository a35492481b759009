package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.bitbucketresources.core.bitbucket.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DataCenterClientTest {

    @RegisterExtension
    static WireMockExtension bitbucket = TestSupport.wireMock();

    private static final SourceName APP = SourceName.parse("PROJ/app");
    private static final String REPO = "/rest/api/1.0/projects/PROJ/repos/app";

    private final TestClock clock = new TestClock();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private BitbucketClient client;
    private Integration personal;

    @BeforeEach
    void setUp() {
        client = TestSupport.client(TestSupport.settings(clock, sleeper));
        personal = TestSupport.dataCenterPersonal(bitbucket.getPort());
    }

    @Test
    void tokensAuthenticateWithBearer() {
        bitbucket.stubFor(
                get(REPO).willReturn(json(200, Bodies.dataCenterRepository()).withHeader("X-AUSERNAME", "jdoe")));

        client.checkIntegration(personal, Optional.of(APP));

        bitbucket.verify(getRequestedFor(urlPathEqualTo(REPO))
                .withHeader("Authorization", equalTo("Bearer " + TestSupport.DC_TOKEN)));
    }

    @Test
    void identityWithRepositoryReadsTheUserHeader() {
        bitbucket.stubFor(
                get(REPO).willReturn(json(200, Bodies.dataCenterRepository()).withHeader("X-AUSERNAME", "jdoe")));

        Identity identity =
                client.checkIntegration(personal, Optional.of(APP)).ok().orElseThrow();

        assertThat(identity.username()).contains("jdoe");
        assertThat(identity.repository()).contains(APP);
        assertThat(identity.describe()).isEqualTo("acts as jdoe and can read PROJ/app");
        assertThat(identity.warnings()).isEmpty();
    }

    @Test
    void identityWithoutUserHeaderSaysSo() {
        bitbucket.stubFor(get(REPO).willReturn(json(200, Bodies.dataCenterRepository())));

        Identity identity = client.checkIntegration(
                        TestSupport.dataCenterProject(bitbucket.getPort()), Optional.of(APP))
                .ok()
                .orElseThrow();

        assertThat(identity.username()).isEmpty();
        assertThat(identity.warnings()).singleElement().asString().contains("X-AUSERNAME");
    }

    @Test
    void personalTokenWithoutRepositoryIsCheckedByListingUsers() {
        bitbucket.stubFor(get(urlPathEqualTo("/rest/api/1.0/users"))
                .withQueryParam("filter", equalTo("jdoe"))
                .withQueryParam("limit", equalTo("1"))
                .willReturn(json(
                                200,
                                Bodies.dataCenterPage(
                                        0,
                                        null,
                                        true,
                                        "{\"name\": \"jdoe\", \"slug\": \"jdoe\", \"displayName\": \"Jane Doe\"}"))
                        .withHeader("X-AUSERNAME", "jdoe")));

        Identity identity =
                client.checkIntegration(personal, Optional.empty()).ok().orElseThrow();

        assertThat(identity.username()).contains("jdoe");
        assertThat(identity.repository()).isEmpty();
        assertThat(identity.warnings()).isEmpty();
    }

    @Test
    void personalTokenOfAnotherUserIsWarnedAbout() {
        bitbucket.stubFor(get(urlPathEqualTo("/rest/api/1.0/users"))
                .willReturn(json(200, Bodies.dataCenterPage(0, null, true)).withHeader("X-AUSERNAME", "someone.else")));

        Identity identity =
                client.checkIntegration(personal, Optional.empty()).ok().orElseThrow();

        assertThat(identity.username()).contains("someone.else");
        assertThat(identity.warnings())
                .singleElement()
                .asString()
                .contains("belongs to `someone.else`", "username is `jdoe`");
    }

    @Test
    void projectTokenWithoutRepositoryIsCheckedOnProjectsAndWarned() {
        bitbucket.stubFor(get(urlPathEqualTo("/rest/api/1.0/projects"))
                .withQueryParam("limit", equalTo("1"))
                .willReturn(json(
                                200,
                                Bodies.dataCenterPage(
                                        0, 1, false, "{\"key\": \"PROJ\", \"id\": 3, \"name\": \"Project\"}"))
                        .withHeader("X-AUSERNAME", "project-3-bot")));

        Identity identity = client.checkIntegration(
                        TestSupport.dataCenterProject(bitbucket.getPort()), Optional.empty())
                .ok()
                .orElseThrow();

        assertThat(identity.username()).contains("project-3-bot");
        assertThat(identity.warnings()).singleElement().asString().contains("without a repository");
    }

    @Test
    void unauthorizedIsAnInvalidToken() {
        bitbucket.stubFor(get(REPO)
                .willReturn(json(
                        401,
                        Bodies.dataCenterError(
                                "Authentication failed. Please check your credentials.",
                                "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException"))));

        Outcome<Identity> outcome = client.checkIntegration(personal, Optional.of(APP));

        assertThat(outcome).isInstanceOf(Outcome.InvalidToken.class);
        assertThat(outcome.message())
                .contains(
                        "Bitbucket Data Center refused the token of integration `bb-dc`",
                        "\"Authentication failed. Please check your credentials.\"",
                        "HTTP access tokens");
    }

    @Test
    void forbiddenIsAMissingPermission() {
        bitbucket.stubFor(get(REPO)
                .willReturn(json(
                        403,
                        Bodies.dataCenterError(
                                "You are not permitted to access this resource",
                                "com.atlassian.bitbucket.AuthorisationException"))));

        Outcome<RepositoryInfo> outcome = client.repository(personal, APP);

        assertThat(outcome).isInstanceOf(Outcome.MissingScope.class);
        assertThat(outcome.message()).contains("Repository read", "You are not permitted");
    }

    @Test
    void missingRepositoryIsNotFoundOrNotVisible() {
        bitbucket.stubFor(get(REPO)
                .willReturn(json(
                        404,
                        Bodies.dataCenterError(
                                "Repository PROJ/app does not exist.",
                                "com.atlassian.bitbucket.repository.NoSuchRepositoryException"))));

        Outcome<RepositoryInfo> outcome = client.repository(personal, APP);

        assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
        assertThat(outcome.message())
                .contains(
                        "repository `PROJ/app` was not found or is not visible to this token",
                        "Repository PROJ/app does not exist.",
                        "PROJECT/repo");
    }

    @Test
    void repositoryGivesDefaultBranchAndCloneUrlsWithoutUserInfo() {
        bitbucket.stubFor(get(REPO).willReturn(json(200, Bodies.dataCenterRepository())));
        bitbucket.stubFor(get(REPO + "/branches/default")
                .willReturn(json(200, Bodies.dataCenterBranch("develop", Bodies.MAIN_HEAD, true))));

        RepositoryInfo info = client.repository(personal, APP).ok().orElseThrow();

        assertThat(info.mainBranch()).contains("develop");
        assertThat(info.httpsUrl()).contains("https://bitbucket.example.com/scm/proj/app.git");
        assertThat(info.sshUrl()).contains("ssh://git@bitbucket.example.com:7999/proj/app.git");
    }

    @Test
    void emptyRepositoryHasNoMainBranch() {
        bitbucket.stubFor(get(REPO).willReturn(json(200, Bodies.dataCenterRepository())));
        bitbucket.stubFor(get(REPO + "/branches/default").willReturn(aResponse().withStatus(204)));

        RepositoryInfo info = client.repository(personal, APP).ok().orElseThrow();

        assertThat(info.mainBranch()).isEmpty();
        assertThat(info.httpsUrl()).isPresent();
    }

    @Test
    void defaultBranchNotFoundMeansNoMainBranch() {
        bitbucket.stubFor(get(REPO).willReturn(json(200, Bodies.dataCenterRepository())));
        bitbucket.stubFor(get(REPO + "/branches/default")
                .willReturn(json(
                        404,
                        Bodies.dataCenterError(
                                "The repository has no default branch.",
                                "com.atlassian.bitbucket.repository.NoDefaultBranchException"))));

        assertThat(client.repository(personal, APP).ok())
                .hasValueSatisfying(info -> assertThat(info.mainBranch()).isEmpty());
        assertThat(bitbucket.findAll(getRequestedFor(urlPathEqualTo(REPO + "/default-branch"))))
                .isEmpty();
    }

    @Test
    void serverWithoutTheOlderEndpointIsAskedTheNewerOne() {
        bitbucket.stubFor(get(REPO).willReturn(json(200, Bodies.dataCenterRepository())));
        bitbucket.stubFor(get(REPO + "/branches/default").willReturn(aResponse().withStatus(404)));
        bitbucket.stubFor(get(REPO + "/default-branch")
                .willReturn(
                        json(200, "{\"id\": \"refs/heads/trunk\", \"displayId\": \"trunk\", \"type\": \"BRANCH\"}")));

        assertThat(client.repository(personal, APP).ok())
                .hasValueSatisfying(info -> assertThat(info.mainBranch()).contains("trunk"));
    }

    @Test
    void failureReadingTheDefaultBranchIsReported() {
        bitbucket.stubFor(get(REPO).willReturn(json(200, Bodies.dataCenterRepository())));
        bitbucket.stubFor(get(REPO + "/branches/default")
                .willReturn(json(
                        401,
                        Bodies.dataCenterError(
                                "Authentication failed.",
                                "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException"))));

        Outcome<RepositoryInfo> outcome = client.repository(personal, APP);

        assertThat(outcome).isInstanceOf(Outcome.InvalidToken.class);
        assertThat(outcome.message()).contains("/branches/default");
    }

    @Test
    void personalProjectRepositoryPathKeepsTheTilde() {
        bitbucket.stubFor(
                get("/rest/api/1.0/projects/~jdoe/repos/tools").willReturn(json(200, Bodies.dataCenterRepository())));
        bitbucket.stubFor(get("/rest/api/1.0/projects/~jdoe/repos/tools/branches/default")
                .willReturn(aResponse().withStatus(204)));

        assertThat(client.repository(personal, SourceName.parse("~jdoe/tools")).isOk())
                .isTrue();
    }

    @Test
    void branchHeadFindsTheExactNameAmongFilteredBranches() {
        bitbucket.stubFor(get(urlPathEqualTo(REPO + "/branches"))
                .withQueryParam("filterText", equalTo("feature/login"))
                .willReturn(json(
                        200,
                        Bodies.dataCenterPage(
                                0,
                                null,
                                true,
                                Bodies.dataCenterBranch("feature/login-v2", Bodies.OTHER_HEAD, false),
                                Bodies.dataCenterBranch("feature/login", Bodies.FEATURE_HEAD, false)))));

        assertThat(client.branchHead(personal, APP, "feature/login").ok()).contains(Bodies.FEATURE_HEAD);
    }

    @Test
    void branchMissingFromEveryPageIsNotFound() {
        bitbucket.stubFor(get(urlPathEqualTo(REPO + "/branches"))
                .willReturn(json(
                        200,
                        Bodies.dataCenterPage(
                                0, null, true, Bodies.dataCenterBranch("mainline", Bodies.OTHER_HEAD, false)))));

        Outcome<String> outcome = client.branchHead(personal, APP, "main");

        assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
        assertThat(outcome.message()).contains("branch `main` of `PROJ/app`", "among the 1 whose names contain it");
    }

    @Test
    void branchOfAMissingRepositoryIsNotFound() {
        bitbucket.stubFor(get(urlPathEqualTo(REPO + "/branches"))
                .willReturn(json(
                        404,
                        Bodies.dataCenterError(
                                "Repository PROJ/app does not exist.",
                                "com.atlassian.bitbucket.repository.NoSuchRepositoryException"))));

        Outcome<String> outcome = client.branchHead(personal, APP, "main");

        assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
        assertThat(outcome.message()).contains("Repository PROJ/app does not exist.");
    }

    @Test
    void branchWithoutLatestCommitIsAnUnexpectedAnswer() {
        bitbucket.stubFor(get(urlPathEqualTo(REPO + "/branches"))
                .willReturn(json(
                        200,
                        Bodies.dataCenterPage(
                                0,
                                null,
                                true,
                                "{\"id\": \"refs/heads/main\", \"displayId\": \"main\", \"type\": \"BRANCH\"}"))));

        Outcome<String> outcome = client.branchHead(personal, APP, "main");

        assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
        assertThat(outcome.message()).contains("has no `latestCommit`");
    }

    @Test
    void pageWithoutIsLastPageIsAnUnexpectedAnswer() {
        bitbucket.stubFor(get(urlPathEqualTo(REPO + "/branches")).willReturn(json(200, "{\"values\": []}")));

        Outcome<String> outcome = client.branchHead(personal, APP, "main");

        assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
        assertThat(outcome.message()).contains("isLastPage");
    }

    @Test
    void serverErrorIsAServerError() {
        bitbucket.stubFor(get(REPO)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Maintenance</body></html>")));

        Outcome<RepositoryInfo> outcome = client.repository(personal, APP);

        assertThat(outcome).isInstanceOf(Outcome.ServerError.class);
        assertThat(outcome.message()).contains("HTTP 503", "HTML page").doesNotContain("Maintenance");
    }

    @Test
    void resourceCheckReadsRepositoryAndBranch() {
        bitbucket.stubFor(get(REPO).willReturn(json(200, Bodies.dataCenterRepository())));
        bitbucket.stubFor(get(REPO + "/branches/default")
                .willReturn(json(200, Bodies.dataCenterBranch("main", Bodies.MAIN_HEAD, true))));
        bitbucket.stubFor(get(urlPathEqualTo(REPO + "/branches"))
                .withQueryParam("filterText", equalTo("main"))
                .willReturn(json(
                        200,
                        Bodies.dataCenterPage(
                                0, null, true, Bodies.dataCenterBranch("main", Bodies.MAIN_HEAD, true)))));
        Resource resource = Resource.builder()
                .name("app")
                .type("ciRepo")
                .integration("bb-dc")
                .sourceName("PROJ/app")
                .branch("main")
                .build()
                .orElseThrow();

        RepositoryCheck check = client.checkResource(personal, resource).ok().orElseThrow();

        assertThat(check.branch()).contains(new Branch("main", Bodies.MAIN_HEAD));
        assertThat(check.repository().mainBranch()).contains("main");
    }
}
