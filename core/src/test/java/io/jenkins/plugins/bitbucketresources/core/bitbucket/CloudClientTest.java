package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudClientTest {

    @RegisterExtension
    static WireMockExtension bitbucket = TestSupport.wireMock();

    private static final SourceName APP = SourceName.parse("acme/app");

    private final TestClock clock = new TestClock();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private BitbucketClient client;
    private Integration integration;

    @BeforeEach
    void setUp() {
        client = TestSupport.client(TestSupport.settings(clock, sleeper));
        integration = TestSupport.cloudApiToken(bitbucket.getPort());
    }

    @Test
    void apiTokenAuthenticatesWithBasicEmailAndToken() {
        bitbucket.stubFor(get("/2.0/user").willReturn(okJson(Bodies.cloudUser())));

        client.checkIntegration(integration, Optional.empty());

        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString((TestSupport.EMAIL + ":" + TestSupport.CLOUD_API_TOKEN)
                                .getBytes(StandardCharsets.UTF_8));
        bitbucket.verify(getRequestedFor(urlPathEqualTo("/2.0/user")).withHeader("Authorization", equalTo(expected)));
    }

    @Test
    void accessTokenAuthenticatesWithBearer() {
        bitbucket.stubFor(get("/2.0/user").willReturn(okJson(Bodies.cloudUser())));

        client.checkIntegration(TestSupport.cloudAccessToken(bitbucket.getPort()), Optional.empty());

        bitbucket.verify(getRequestedFor(urlPathEqualTo("/2.0/user"))
                .withHeader("Authorization", equalTo("Bearer " + TestSupport.CLOUD_ACCESS_TOKEN)));
    }

    @Test
    void identityNamesTheUser() {
        bitbucket.stubFor(get("/2.0/user").willReturn(okJson(Bodies.cloudUser())));

        Outcome<Identity> outcome = client.checkIntegration(integration, Optional.empty());

        Identity identity = outcome.ok().orElseThrow();
        assertThat(identity.displayName()).contains("Jane Doe");
        assertThat(identity.username()).contains("jdoe");
        assertThat(identity.describe()).isEqualTo("acts as Jane Doe (jdoe)");
        assertThat(identity.warnings()).isEmpty();
    }

    @Test
    void identityFallsBackToTheRepositoryWhenTheUserScopeIsMissing() {
        bitbucket.stubFor(get("/2.0/user")
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudScopeError("read:user:bitbucket", "read:repository:bitbucket"))));
        bitbucket.stubFor(get("/2.0/repositories/acme/app").willReturn(okJson(Bodies.cloudRepository())));

        Outcome<Identity> outcome = client.checkIntegration(integration, Optional.of(APP));

        Identity identity = outcome.ok().orElseThrow();
        assertThat(identity.repository()).contains(APP);
        assertThat(identity.username()).isEmpty();
        assertThat(identity.describe()).isEqualTo("can read acme/app");
        assertThat(identity.warnings()).singleElement().asString().contains("read:user:bitbucket");
    }

    @Test
    void missingUserScopeWithoutFallbackNamesTheScope() {
        bitbucket.stubFor(get("/2.0/user")
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudScopeError(
                                "read:user:bitbucket", "read:repository:bitbucket", "read:pullrequest:bitbucket"))));

        Outcome<Identity> outcome = client.checkIntegration(integration, Optional.empty());

        assertThat(outcome).isInstanceOf(Outcome.MissingScope.class);
        Outcome.MissingScope<Identity> missing = (Outcome.MissingScope<Identity>) outcome;
        assertThat(missing.requiredScopes()).containsExactly("read:user:bitbucket");
        assertThat(missing.grantedScopes()).containsExactly("read:repository:bitbucket", "read:pullrequest:bitbucket");
        assertThat(outcome.message()).contains("lacks the scope read:user:bitbucket", "bb-cloud", "sourceName");
    }

    @Test
    void fallbackRepositoryThatIsMissingReportsNotFound() {
        bitbucket.stubFor(get("/2.0/user")
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudScopeError("read:user:bitbucket", "read:repository:bitbucket"))));
        bitbucket.stubFor(get("/2.0/repositories/acme/app")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudError("No repository acme/app here."))));

        Outcome<Identity> outcome = client.checkIntegration(integration, Optional.of(APP));

        assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
        assertThat(outcome.message()).contains("repository `acme/app` was not found or is not visible to this token");
    }

    @Test
    void accessTokenRefusedAtTheUserEndpointIsCheckedOnItsRepository() {
        bitbucket.stubFor(get("/2.0/user")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudError("Token not supported for this endpoint."))));
        bitbucket.stubFor(get("/2.0/repositories/acme/app").willReturn(okJson(Bodies.cloudRepository())));

        Outcome<Identity> outcome =
                client.checkIntegration(TestSupport.cloudAccessToken(bitbucket.getPort()), Optional.of(APP));

        assertThat(outcome.ok())
                .hasValueSatisfying(
                        identity -> assertThat(identity.repository()).contains(APP));
    }

    @Test
    void jsonUnauthorizedIsAnInvalidTokenQuotingBitbucket() {
        bitbucket.stubFor(get("/2.0/user")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudError("Token is expired or was revoked."))));

        Outcome<Identity> outcome = client.checkIntegration(integration, Optional.empty());

        assertThat(outcome).isInstanceOf(Outcome.InvalidToken.class);
        assertThat(outcome.message())
                .contains(
                        "refused the token of integration `bb-cloud`",
                        "\"Token is expired or was revoked.\"",
                        TestSupport.EMAIL,
                        "API token");
    }

    @Test
    void plainTextUnauthorizedIsAnInvalidToken() {
        bitbucket.stubFor(
                get("/2.0/user")
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "text/plain")
                                        .withHeader("WWW-Authenticate", "Basic realm=\"Bitbucket.org HTTP\"")
                                        .withBody(
                                                "Authentication failed: wrong credentials or method.\nSee the documentation:\n    https://example.com/auth\n")));

        Outcome<Identity> outcome = client.checkIntegration(integration, Optional.empty());

        assertThat(outcome).isInstanceOf(Outcome.InvalidToken.class);
        assertThat(outcome.message())
                .contains(
                        "\"Authentication failed: wrong credentials or method. See the documentation: https://example.com/auth\"");
    }

    @Test
    void emptyUnauthorizedIsAnInvalidToken() {
        bitbucket.stubFor(get("/2.0/user")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("WWW-Authenticate", "Basic realm=\"Bitbucket.org HTTP\"")));

        Outcome<Identity> outcome = client.checkIntegration(integration, Optional.empty());

        assertThat(outcome).isInstanceOf(Outcome.InvalidToken.class);
        assertThat(outcome.message()).contains("HTTP 401").doesNotContain("Bitbucket said");
    }

    @Test
    void bareForbiddenIsAMissingScopeWithoutNames() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app")
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudError("Forbidden"))));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.MissingScope.class);
        assertThat(((Outcome.MissingScope<RepositoryInfo>) outcome).requiredScopes())
                .isEmpty();
        assertThat(outcome.message()).contains("\"Forbidden\"", "read:repository:bitbucket");
    }

    @Test
    void forbiddenThatSaysRateLimitIsRateLimited() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app")
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "text/plain")
                        .withBody("Rate limit for this resource has been exceeded")));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.RateLimited.class);
    }

    @Test
    void repositoryGivesMainBranchAndCloneUrlsWithoutUserInfo() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app").willReturn(okJson(Bodies.cloudRepository())));

        RepositoryInfo info = client.repository(integration, APP).ok().orElseThrow();

        assertThat(info.source()).isEqualTo(APP);
        assertThat(info.mainBranch()).contains("main");
        assertThat(info.httpsUrl()).contains("https://bitbucket.org/acme/app.git");
        assertThat(info.sshUrl()).contains("git@bitbucket.org:acme/app.git");
    }

    @Test
    void missingRepositoryIsNotFoundOrNotVisible() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudError("The repository does not exist or you have no access."))));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
        assertThat(outcome.message())
                .contains("repository `acme/app` was not found or is not visible to this token", "workspace/repo_slug");
    }

    @Test
    void branchHeadEncodesTheSlashInTheBranchName() {
        bitbucket.stubFor(get(urlPathEqualTo("/2.0/repositories/acme/app/refs/branches/feature%2Flogin"))
                .willReturn(okJson(Bodies.cloudBranch("feature/login", Bodies.FEATURE_HEAD))));

        Outcome<String> outcome = client.branchHead(integration, APP, "feature/login");

        assertThat(outcome.ok()).contains(Bodies.FEATURE_HEAD);
    }

    @Test
    void missingBranchIsNotFound() {
        bitbucket.stubFor(get(urlPathEqualTo("/2.0/repositories/acme/app/refs/branches/nope"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudError("Branch \\\"nope\\\" does not exist."))));

        Outcome<String> outcome = client.branchHead(integration, APP, "nope");

        assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
        assertThat(outcome.message()).contains("branch `nope` of `acme/app`", "Branch \"nope\" does not exist.");
    }

    @Test
    void invalidBranchNameIsRefusedWithoutARequest() {
        Outcome<String> outcome = client.branchHead(integration, APP, "bad..name");

        assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
        assertThat(outcome.message()).contains("nothing was sent");
        assertThat(bitbucket.getAllServeEvents()).isEmpty();
    }

    @Test
    void sourceNameOfTheOtherPlatformIsRefusedWithoutARequest() {
        Outcome<RepositoryInfo> outcome = client.repository(integration, SourceName.parse("~jdoe/app"));

        assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
        assertThat(outcome.message()).contains("not a Bitbucket Cloud workspace");
        assertThat(bitbucket.getAllServeEvents()).isEmpty();
    }

    @Test
    void branchWithoutTargetHashIsAnUnexpectedAnswer() {
        bitbucket.stubFor(get(urlPathEqualTo("/2.0/repositories/acme/app/refs/branches/main"))
                .willReturn(okJson("{\"name\": \"main\", \"type\": \"branch\"}")));

        Outcome<String> outcome = client.branchHead(integration, APP, "main");

        assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
        assertThat(outcome.message()).contains("has no `target` commit");
    }

    @Test
    void malformedJsonIsAnUnexpectedAnswer() {
        bitbucket.stubFor(
                get("/2.0/repositories/acme/app").willReturn(okJson("{\"type\": \"repository\", \"links\": ")));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
        assertThat(outcome.message()).contains("not valid JSON", "integration URL");
    }

    @Test
    void htmlPageInsteadOfJsonIsAnUnexpectedAnswer() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<!DOCTYPE html><html><body>Please log in to the proxy</body></html>")));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
        assertThat(outcome.message()).contains("text/html", "proxy's login page");
    }

    @Test
    void serverErrorAfterRetriesIsAServerError() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app")
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudError("Something went wrong."))));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.ServerError.class);
        assertThat(((Outcome.ServerError<RepositoryInfo>) outcome).status()).isEqualTo(500);
        assertThat(outcome.message()).contains("HTTP 500", "after 3 attempts", "Something went wrong.");
    }

    @Test
    void unexpectedStatusIsAnUnexpectedAnswer() {
        bitbucket.stubFor(
                get("/2.0/repositories/acme/app").willReturn(aResponse().withStatus(400)));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
        assertThat(outcome.message()).contains("HTTP 400");
    }

    @Test
    void resourceCheckReadsRepositoryAndItsBranch() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app").willReturn(okJson(Bodies.cloudRepository())));
        bitbucket.stubFor(get(urlPathEqualTo("/2.0/repositories/acme/app/refs/branches/release%2F1.x"))
                .willReturn(okJson(Bodies.cloudBranch("release/1.x", Bodies.MAIN_HEAD))));
        Resource resource = Resource.builder()
                .name("app")
                .type("gitRepo")
                .integration("bb-cloud")
                .sourceName("acme/app")
                .branch("release/1.x")
                .build()
                .orElseThrow();

        RepositoryCheck check = client.checkResource(integration, resource).ok().orElseThrow();

        assertThat(check.repository().mainBranch()).contains("main");
        assertThat(check.branch()).contains(new Branch("release/1.x", Bodies.MAIN_HEAD));
        assertThat(check.describe()).isEqualTo("acme/app, branch release/1.x at " + Bodies.MAIN_HEAD);
    }

    @Test
    void resourceCheckWithAMissingBranchIsNotFound() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app").willReturn(okJson(Bodies.cloudRepository())));
        bitbucket.stubFor(get(urlPathEqualTo("/2.0/repositories/acme/app/refs/branches/develop"))
                .willReturn(aResponse().withStatus(404)));
        Resource resource = Resource.builder()
                .name("app")
                .type("gitRepo")
                .integration("bb-cloud")
                .sourceName("acme/app")
                .branch("develop")
                .build()
                .orElseThrow();

        Outcome<RepositoryCheck> outcome = client.checkResource(integration, resource);

        assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
        assertThat(outcome.message()).contains("branch `develop` of `acme/app`");
    }

    @Test
    void resourceWithoutSingleBranchChecksTheRepositoryOnly() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app").willReturn(okJson(Bodies.cloudRepository())));
        Resource resource = Resource.builder()
                .name("app")
                .type("gitRepo")
                .integration("bb-cloud")
                .sourceName("acme/app")
                .branches(List.of("release/*"), List.of())
                .build()
                .orElseThrow();

        RepositoryCheck check = client.checkResource(integration, resource).ok().orElseThrow();

        assertThat(check.branch()).isEmpty();
        assertThat(bitbucket.getAllServeEvents()).hasSize(1);
    }
}
