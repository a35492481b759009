package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RobustnessTest {

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
        settings = TestSupport.settings(clock, sleeper);
        client = TestSupport.client(settings);
        integration = TestSupport.cloudApiToken(bitbucket.getPort());
    }

    /** Answers {@code first} for the first {@code times} requests, then {@code then}. */
    private static void sequence(
            String path, ResponseDefinitionBuilder first, int times, ResponseDefinitionBuilder then) {
        String state = STARTED;
        for (int i = 1; i <= times; i++) {
            String next = "after-" + i;
            bitbucket.stubFor(get(path)
                    .inScenario("sequence")
                    .whenScenarioStateIs(state)
                    .willReturn(first)
                    .willSetStateTo(next));
            state = next;
        }
        bitbucket.stubFor(
                get(path).inScenario("sequence").whenScenarioStateIs(state).willReturn(then));
    }

    private static int requests(String path) {
        return bitbucket.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoff() {
        sequence(REPO, aResponse().withStatus(503), 2, okJson(Bodies.cloudRepository()));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome.isOk()).isTrue();
        assertThat(requests(REPO)).isEqualTo(3);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void retriesAreBoundedByMaxAttempts() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(502)));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.ServerError.class);
        assertThat(requests(REPO)).isEqualTo(3);
        assertThat(sleeper.sleeps()).hasSize(2);
    }

    @Test
    void oneAttemptMeansNoRetry() {
        client = TestSupport.client(
                settings.withRetries(1, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(60)));
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(500)));

        assertThat(client.repository(integration, APP)).isInstanceOf(Outcome.ServerError.class);
        assertThat(requests(REPO)).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Transport transport = new Transport(TestSupport.http(settings), settings);

        assertThat(List.of(1, 2, 3, 4, 5, 9).stream().map(transport::backoff))
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(800),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1));
    }

    @Test
    void jitterStaysWithinTheUpperHalfOfTheBase() {
        ClientSettings jittery = settings.withRandom(() -> -1L);
        Transport transport = new Transport(TestSupport.http(jittery), jittery);

        assertThat(transport.backoff(3))
                .isGreaterThan(Duration.ofMillis(799))
                .isLessThanOrEqualTo(Duration.ofMillis(800));
    }

    @Test
    void clientErrorsAreNotRetried() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(404)));
        bitbucket.stubFor(get("/2.0/user").willReturn(aResponse().withStatus(401)));

        client.repository(integration, APP);
        client.checkIntegration(integration, java.util.Optional.empty());

        assertThat(requests(REPO)).isEqualTo(1);
        assertThat(requests("/2.0/user")).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        sequence(REPO, aResponse().withStatus(429).withHeader("Retry-After", "7"), 1, okJson(Bodies.cloudRepository()));

        assertThat(client.repository(integration, APP).isOk()).isTrue();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                TestClock.START.plusSeconds(12).atOffset(ZoneOffset.UTC));
        sequence(
                REPO, aResponse().withStatus(429).withHeader("Retry-After", date), 1, okJson(Bodies.cloudRepository()));

        assertThat(client.repository(integration, APP).isOk()).isTrue();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void retryAfterOnServiceUnavailableIsHonoured() {
        sequence(REPO, aResponse().withStatus(503).withHeader("Retry-After", "3"), 1, okJson(Bodies.cloudRepository()));

        assertThat(client.repository(integration, APP).isOk()).isTrue();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterBeyondTheCapGivesUpAtOnceSayingWhen() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.RateLimited.class);
        assertThat(((Outcome.RateLimited<RepositoryInfo>) outcome).retryAt())
                .contains(TestClock.START.plusSeconds(3600));
        assertThat(outcome.message()).contains("2026-03-02T11:00:00Z", "60 min", "longer than this client waits");
        assertThat(requests(REPO)).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void plainTextRateLimitWithoutRetryAfterEndsRateLimitedAfterTheRetries() {
        bitbucket.stubFor(get(REPO)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "text/plain")
                        .withBody("Too many requests for this resource")));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.RateLimited.class);
        assertThat(((Outcome.RateLimited<RepositoryInfo>) outcome).retryAt()).isEmpty();
        assertThat(outcome.message()).contains("\"Too many requests for this resource\"", "after 3 attempts", "1,000");
        assertThat(requests(REPO)).isEqualTo(3);
    }

    @Test
    void connectionResetIsRetried() {
        sequence(REPO, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 1, okJson(Bodies.cloudRepository()));

        assertThat(client.repository(integration, APP).isOk()).isTrue();
        assertThat(requests(REPO)).isEqualTo(2);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void connectionDroppedEveryTimeIsUnreachable() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.Unreachable.class);
        assertThat(outcome.message()).contains("closed or reset", "after 3 attempts");
        assertThat(requests(REPO)).isEqualTo(3);
    }

    @Test
    void slowServerIsATimeout() {
        client = TestSupport.client(settings.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(250)));
        bitbucket.stubFor(get(REPO).willReturn(okJson(Bodies.cloudRepository()).withFixedDelay(3000)));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.Timeout.class);
        assertThat(outcome.message()).contains("did not answer", "250 ms");
        assertThat(requests(REPO)).isEqualTo(1);
    }

    @Test
    void bodyThatTricklesInIsATimeout() {
        client = TestSupport.client(settings.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
        bitbucket.stubFor(get(REPO).willReturn(okJson(Bodies.cloudRepository()).withChunkedDribbleDelay(10, 5000)));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.Timeout.class);
        assertThat(requests(REPO)).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Outcome<RepositoryInfo> outcome = client.repository(TestSupport.cloudApiToken(closedPort), APP);

        assertThat(outcome).isInstanceOf(Outcome.Unreachable.class);
        assertThat(outcome.message()).contains("refused", "localhost:" + closedPort);
    }

    @Test
    void interruptedCallerGetsATimeoutAndKeepsItsInterrupt() {
        bitbucket.stubFor(get(REPO).willReturn(okJson(Bodies.cloudRepository())));
        Thread.currentThread().interrupt();
        try {
            Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

            assertThat(outcome).isInstanceOf(Outcome.Timeout.class);
            assertThat(outcome.message()).contains("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void interruptedBackoffEndsTheRequest() {
        client = TestSupport.client(settings.withSleeper(duration -> {
            throw new InterruptedException("stopped");
        }));
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(503)));
        try {
            Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

            assertThat(outcome).isInstanceOf(Outcome.Timeout.class);
            assertThat(requests(REPO)).isEqualTo(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void oversizedBodyIsAnUnexpectedAnswer() {
        bitbucket.stubFor(get(REPO).willReturn(okJson("[" + "0,".repeat(Transport.MAX_BODY_BYTES / 2) + "0]")));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
        assertThat(outcome.message()).contains("MiB");
    }

    @Test
    void aProxyThatAsksForCredentialsIsNamedWithoutAnyHostsSettings() {
        bitbucket.stubFor(get(REPO)
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.Unreachable.class);
        assertThat(outcome.message())
                .startsWith("A proxy between here and http://localhost:" + bitbucket.getPort() + " refused the "
                        + "request for repository `acme/app`: it asks for authentication (HTTP 407 for GET ")
                .endsWith("). Check the proxy's credentials.");
        assertThat(requests(REPO)).isEqualTo(1);
    }

    @Test
    void aProxysRefusalEndsWithTheHostsAdvice() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(407)));
        ClientSettings withAdvice = settings.withProxyAdvice("Set them where this host keeps its proxy.");

        Outcome<RepositoryInfo> outcome = TestSupport.client(withAdvice).repository(integration, APP);

        assertThat(outcome.message())
                .endsWith("Check the proxy's credentials. Set them where this host keeps its proxy.");
    }
}
