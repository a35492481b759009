package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The loopback server that stands in for Bitbucket, integrations pointed at it, and clients with test time, sleeping and
 * randomness.
 */
final class TestSupport {

    static final String CLOUD_API_TOKEN = "ATATT3xFfGF0-test-api-token-4711";
    static final String CLOUD_ACCESS_TOKEN = "ATCTT3xFfGF0-test-access-token-0815";
    static final String DC_TOKEN = "BBDC-NzE0MjM5NjQxNTg2OkTestTokenValue";
    static final String EMAIL = "jane.doe@example.com";

    private TestSupport() {}

    /** A WireMock server on a free port for a test class ({@code @RegisterExtension static}), started once for all its tests. */
    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort())
                .build();
    }

    /** An answer with a JSON body, as Bitbucket sends one. */
    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body);
    }

    /** No jitter: every backoff is exactly half its base, so waits can be asserted. */
    static ClientSettings settings(TestClock clock, RecordingSleeper sleeper) {
        return ClientSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetries(3, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(60))
                .withClock(clock)
                .withSleeper(sleeper)
                .withRandom(() -> 0L);
    }

    static HttpClient http(ClientSettings settings) {
        return settings.configure(HttpClient.newBuilder()).build();
    }

    static BitbucketClient client(ClientSettings settings) {
        return new BitbucketClient(http(settings), settings);
    }

    static Integration cloudApiToken(int port) {
        return cloudApiToken(port, CLOUD_API_TOKEN);
    }

    static Integration cloudApiToken(int port, String token) {
        return Integration.builder()
                .id("bb-cloud")
                .url("http://localhost:" + port + "/2.0")
                .platform("cloud")
                .kind("apiToken")
                .username(EMAIL)
                .token(token)
                .build()
                .orElseThrow();
    }

    static Integration cloudAccessToken(int port) {
        return Integration.builder()
                .id("bb-cloud-repo")
                .url("http://localhost:" + port + "/2.0")
                .platform("cloud")
                .kind("accessToken")
                .token(CLOUD_ACCESS_TOKEN)
                .build()
                .orElseThrow();
    }

    static Integration dataCenterPersonal(int port) {
        return dataCenterPersonal(port, DC_TOKEN);
    }

    static Integration dataCenterPersonal(int port, String token) {
        return Integration.builder()
                .id("bb-dc")
                .url("http://localhost:" + port)
                .platform("datacenter")
                .kind("personalHttpToken")
                .username("jdoe")
                .token(token)
                .build()
                .orElseThrow();
    }

    static Integration dataCenterProject(int port) {
        return Integration.builder()
                .id("bb-dc-project")
                .url("http://localhost:" + port)
                .platform("datacenter")
                .kind("projectHttpToken")
                .token(DC_TOKEN)
                .build()
                .orElseThrow();
    }
}
