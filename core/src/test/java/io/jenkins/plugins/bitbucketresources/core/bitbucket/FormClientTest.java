package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client a form uses: one attempt, no sleeping, no cache, and messages about "this token". */
class FormClientTest {

    @RegisterExtension
    static WireMockExtension bitbucket = TestSupport.wireMock();

    private static final SourceName APP = SourceName.parse("acme/app");
    private static final String REPO = "/2.0/repositories/acme/app";

    private final TestClock clock = new TestClock();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private ClientSettings settings;
    private BitbucketClient client;
    private Integration integration;

    @BeforeEach
    void setUp() {
        settings = ClientSettings.forms().withClock(clock).withSleeper(sleeper);
        client = TestSupport.client(settings);
        integration = TestSupport.cloudApiToken(bitbucket.getPort());
    }

    private static int requests(String path) {
        return bitbucket.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void theFormSettingsTryOnceWithinTenSecondsWithoutCache() {
        ClientSettings forms = ClientSettings.forms();

        assertThat(forms.interactive()).isTrue();
        assertThat(forms.maxAttempts()).isEqualTo(1);
        assertThat(forms.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(forms.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(forms.cacheTtl()).isZero();
        assertThat(ClientSettings.defaults().interactive()).isFalse();
    }

    @Test
    void theFormSettingsSurviveTheOtherAdjustments() {
        assertThat(ClientSettings.forms()
                        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
                        .withCacheTtl(Duration.ofSeconds(1))
                        .withRandom(() -> 0L)
                        .interactive())
                .isTrue();
    }

    @Test
    void aServerErrorIsNotRetried() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(503)));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.ServerError.class);
        assertThat(outcome.message()).contains("try again later").doesNotContain("attempts");
        assertThat(requests(REPO)).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aDroppedConnectionIsNotRetried() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.Unreachable.class);
        assertThat(requests(REPO)).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aShortRetryAfterIsNotWaitedForButReportedAsWhenToTryAgain() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.RateLimited.class);
        assertThat(outcome.message())
                .contains("2026-03-02T10:00:05Z", "try again after that")
                .doesNotContain("this client waits");
        assertThat(requests(REPO)).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aLongRetryAfterSaysWhenToTryAgainWithoutSpeakingOfWaiting() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.RateLimited.class);
        assertThat(outcome.message())
                .contains("2026-03-02T11:00:00Z", "try again after that")
                .doesNotContain("this client waits");
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aRateLimitWithoutRetryAfterSaysToTryAgainLater() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(429)));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome.message()).contains("try again later");
        assertThat(requests(REPO)).isEqualTo(1);
    }

    @Test
    void successesAreNotReusedSoEveryClickAsksBitbucket() {
        bitbucket.stubFor(get(REPO).willReturn(okJson(Bodies.cloudRepository())));

        client.repository(integration, APP);
        client.repository(integration, APP);

        assertThat(requests(REPO)).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsThisTokenNotTheIntegrationId() {
        bitbucket.stubFor(get("/2.0/user")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudError("Token is expired or was revoked."))));

        Outcome<Identity> outcome = client.checkIntegration(integration, Optional.empty());

        assertThat(outcome).isInstanceOf(Outcome.InvalidToken.class);
        assertThat(outcome.message())
                .contains("Bitbucket Cloud refused this token (HTTP 401", "enter it here")
                .doesNotContain(integration.id())
                .doesNotContain("store it in the integration");
    }

    @Test
    void aMissingScopeIsRefusedToThisToken() {
        bitbucket.stubFor(get(REPO)
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudScopeError("read:repository:bitbucket", "read:user:bitbucket"))));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.MissingScope.class);
        assertThat(outcome.message())
                .contains("to this token: the token lacks the scope read:repository:bitbucket", "enter it here")
                .doesNotContain(integration.id());
    }

    @Test
    void aForbiddenRepositoryIsRefusedToThisToken() {
        bitbucket.stubFor(get(REPO)
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudError("Forbidden"))));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome.message()).contains("to this token (HTTP 403").doesNotContain(integration.id());
    }

    @Test
    void aBuildClientStillNamesTheIntegration() {
        bitbucket.stubFor(get("/2.0/user").willReturn(aResponse().withStatus(401)));
        BitbucketClient builds = TestSupport.client(TestSupport.settings(clock, sleeper));

        Outcome<Identity> outcome = builds.checkIntegration(integration, Optional.empty());

        assertThat(outcome.message())
                .contains("refused the token of integration `bb-cloud`", "store it in the integration")
                .doesNotContain("this token");
    }
}
