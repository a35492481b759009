package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A health check's question, whether the token can read a repository, costs one request and is never retried. */
class CheckAccessTest {

    @RegisterExtension
    static WireMockExtension bitbucket = TestSupport.wireMock();

    private static final SourceName CLOUD_APP = SourceName.parse("acme/app");
    private static final SourceName DC_APP = SourceName.parse("PROJ/app");
    private static final String DC_REPO = "/rest/api/1.0/projects/PROJ/repos/app";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private BitbucketClient client;

    @BeforeEach
    void setUp() {
        client = TestSupport.client(
                ClientSettings.checks().withClock(new TestClock()).withSleeper(sleeper));
    }

    @Test
    void cloudAccessTokenIsCheckedOnTheRepositoryWithoutAskingForItsProfile() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app").willReturn(okJson(Bodies.cloudRepository())));

        Outcome<Identity> outcome = client.checkAccess(TestSupport.cloudAccessToken(bitbucket.getPort()), CLOUD_APP);

        assertThat(outcome.ok())
                .hasValueSatisfying(identity -> assertThat(identity.describe()).isEqualTo("can read acme/app"));
        assertThat(bitbucket.getAllServeEvents())
                .singleElement()
                .satisfies(event -> assertThat(event.getRequest().getUrl()).isEqualTo("/2.0/repositories/acme/app"));
    }

    @Test
    void cloudApiTokenWithoutTheUserScopeIsHealthyWhenItReadsTheRepository() {
        bitbucket.stubFor(get("/2.0/user")
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudScopeError("read:user:bitbucket", "read:repository:bitbucket"))));
        bitbucket.stubFor(get("/2.0/repositories/acme/app").willReturn(okJson(Bodies.cloudRepository())));

        Outcome<Identity> outcome = client.checkAccess(TestSupport.cloudApiToken(bitbucket.getPort()), CLOUD_APP);

        assertThat(outcome.isOk()).isTrue();
        assertThat(bitbucket.getAllServeEvents()).hasSize(1);
    }

    @Test
    void dataCenterReadsTheRepositoryOnceAndNamesTheUser() {
        bitbucket.stubFor(
                get(DC_REPO).willReturn(okJson(Bodies.dataCenterRepository()).withHeader("X-AUSERNAME", "jdoe")));

        Outcome<Identity> outcome = client.checkAccess(TestSupport.dataCenterPersonal(bitbucket.getPort()), DC_APP);

        assertThat(outcome.ok()).hasValueSatisfying(identity -> {
            assertThat(identity.username()).contains("jdoe");
            assertThat(identity.repository()).contains(DC_APP);
        });
        assertThat(bitbucket.getAllServeEvents()).hasSize(1);
    }

    @Test
    void refusedTokenIsAnInvalidTokenAfterOneRequest() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudError("Access token expired."))));

        Outcome<Identity> outcome = client.checkAccess(TestSupport.cloudAccessToken(bitbucket.getPort()), CLOUD_APP);

        assertThat(outcome).isInstanceOf(Outcome.InvalidToken.class);
        assertThat(outcome.message())
                .contains("Access token expired.")
                .contains("integration `bb-cloud-repo`")
                .doesNotContain(TestSupport.CLOUD_ACCESS_TOKEN);
        assertThat(bitbucket.getAllServeEvents()).hasSize(1);
    }

    @Test
    void rateLimitIsNeitherRetriedNorWaitedFor() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "30")
                        .withHeader("Content-Type", "text/plain")
                        .withBody("Rate limit for this resource has been exceeded")));

        Outcome<Identity> outcome = client.checkAccess(TestSupport.cloudAccessToken(bitbucket.getPort()), CLOUD_APP);

        assertThat(outcome).isInstanceOf(Outcome.RateLimited.class);
        assertThat(((Outcome.RateLimited<Identity>) outcome).retryAt()).isPresent();
        assertThat(bitbucket.getAllServeEvents()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void serverErrorIsNotRetried() {
        bitbucket.stubFor(get(DC_REPO).willReturn(aResponse().withStatus(503)));

        Outcome<Identity> outcome = client.checkAccess(TestSupport.dataCenterPersonal(bitbucket.getPort()), DC_APP);

        assertThat(outcome.isOk()).isFalse();
        assertThat(bitbucket.getAllServeEvents()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void repositoryOfTheOtherPlatformIsRefusedWithoutARequest() {
        Outcome<Identity> outcome =
                client.checkAccess(TestSupport.cloudAccessToken(bitbucket.getPort()), SourceName.parse("~jdoe/tools"));

        assertThat(outcome.isOk()).isFalse();
        assertThat(bitbucket.getAllServeEvents()).isEmpty();
    }
}
