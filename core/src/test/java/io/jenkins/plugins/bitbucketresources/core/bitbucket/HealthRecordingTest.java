package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.jenkins.plugins.bitbucketresources.core.bitbucket.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bitbucketresources.core.health.Concern;
import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import io.jenkins.plugins.bitbucketresources.core.health.HealthRecord;
import io.jenkins.plugins.bitbucketresources.core.health.HealthSettings;
import io.jenkins.plugins.bitbucketresources.core.health.HealthState;
import io.jenkins.plugins.bitbucketresources.core.health.StaticFindings;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's outcomes, as a host records them, make the health an administrator sees: no request is added. */
class HealthRecordingTest {

    @RegisterExtension
    static WireMockExtension bitbucket = TestSupport.wireMock();

    private static final SourceName APP = SourceName.parse("acme/app");
    private static final CredentialKey KEY = new CredentialKey("bb-cloud", "system");

    private final TestClock clock = new TestClock();
    private BitbucketClient client;
    private HealthRecord health;
    private Integration integration;

    @BeforeEach
    void setUp() {
        client = TestSupport.client(
                TestSupport.settings(clock, new RecordingSleeper()).withCacheTtl(java.time.Duration.ZERO));
        health = new HealthRecord(clock);
        integration = TestSupport.cloudApiToken(bitbucket.getPort());
    }

    private HealthState state() {
        return health.state(KEY, StaticFindings.of(integration), HealthSettings.DEFAULTS);
    }

    @Test
    void expiredTokenThenRecovery() {
        bitbucket.stubFor(
                get("/2.0/repositories/acme/app/refs/branches/main")
                        .willReturn(
                                json(
                                        401,
                                        "{\"type\": \"error\", \"error\": {\"message\": \"Token is invalid, expired, or not supported for this endpoint.\"}}")));

        health.record(KEY, client.branchHead(integration, APP, "main"));

        HealthState refused = state();
        assertThat(refused.concerns()).extracting(Concern::kind).containsExactly(Concern.Kind.TOKEN_REFUSED);
        assertThat(refused.concerns().get(0).message())
                .contains("HTTP 401")
                .contains("store it in this credential")
                .doesNotContain(TestSupport.CLOUD_API_TOKEN);
        assertThat(bitbucket.getAllServeEvents()).hasSize(1);

        bitbucket.stubFor(get("/2.0/repositories/acme/app/refs/branches/main")
                .willReturn(json(200, Bodies.cloudBranch("main", Bodies.MAIN_HEAD))));
        health.record(KEY, client.branchHead(integration, APP, "main"));

        assertThat(state().needsAttention()).isFalse();
        assertThat(state().summary()).isEqualTo("ok");
    }

    @Test
    void missingScopeAsBitbucketCloudAnswersIt() throws IOException {
        Optional<Path> fixtures = FixtureContractTest.folder();
        assumeTrue(fixtures.isPresent(), "the Bitbucket fixtures folder is absent");
        String body = Files.readString(fixtures.get().resolve("cloud/error-403.json"));
        bitbucket.stubFor(get("/2.0/user").willReturn(json(403, body)));

        health.record(KEY, client.checkIntegration(integration, Optional.empty()));

        assertThat(state().concerns().get(0)).isInstanceOfSatisfying(Concern.MissingScope.class, c -> {
            assertThat(c.required()).containsExactly("read:user:bitbucket");
            assertThat(c.granted()).contains("read:repository:bitbucket");
        });
    }

    @Test
    void rateLimitIsNotAConcernButDelaysTheNextCheck() {
        bitbucket.stubFor(get("/2.0/repositories/acme/app")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "text/plain")
                        .withHeader("Retry-After", "600")
                        .withBody("Rate limit for this resource has been exceeded")));

        health.record(KEY, client.repository(integration, APP));

        assertThat(state().needsAttention()).isFalse();
        assertThat(health.history(KEY).rateLimitStreak()).isEqualTo(1);
        assertThat(health.history(KEY).retryAt()).isPresent();
        assertThat(List.of(health.claimChecks(
                        List.of(KEY),
                        new io.jenkins.plugins.bitbucketresources.core.health.CheckPlanner(
                                java.time.Duration.ofMinutes(5)))))
                .containsExactly(List.of());
    }
}
