package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.net.http.HttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedirectTest {

    @RegisterExtension
    static WireMockExtension bitbucket = TestSupport.wireMock();

    @RegisterExtension
    static WireMockExtension elsewhere = TestSupport.wireMock();

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

    @Test
    void sameOriginRedirectIsFollowedWithTheToken() {
        bitbucket.stubFor(get(REPO)
                .willReturn(aResponse().withStatus(301).withHeader("Location", "/2.0/repositories/acme/app-renamed")));
        bitbucket.stubFor(get("/2.0/repositories/acme/app-renamed").willReturn(okJson(Bodies.cloudRepository())));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome.ok())
                .hasValueSatisfying(info -> assertThat(info.mainBranch()).contains("main"));
        bitbucket.verify(getRequestedFor(urlPathEqualTo("/2.0/repositories/acme/app-renamed"))
                .withHeader("Authorization", equalTo(Exchanges.authorization(integration))));
    }

    @Test
    void crossHostRedirectIsNotFollowedAndTheOtherHostGetsNothing() {
        bitbucket.stubFor(get(REPO)
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.1:" + elsewhere.getPort() + REPO)));
        elsewhere.stubFor(get(REPO).willReturn(okJson(Bodies.cloudRepository())));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
        assertThat(outcome.message()).contains("http://127.0.0.1:" + elsewhere.getPort(), "never sent to another host");
        assertThat(elsewhere.getAllServeEvents()).isEmpty();
    }

    @Test
    void redirectFromHttpToHttpsIsAnotherOriginAndNotFollowed() {
        bitbucket.stubFor(get(REPO)
                .willReturn(aResponse()
                        .withStatus(308)
                        .withHeader("Location", "https://localhost:" + bitbucket.getPort() + REPO)));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
        assertThat(bitbucket.findAll(getRequestedFor(urlPathEqualTo(REPO)))).hasSize(1);
    }

    @Test
    void redirectLoopIsCut() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(307).withHeader("Location", REPO)));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
        assertThat(outcome.message()).contains("more than " + Transport.MAX_REDIRECTS);
        assertThat(bitbucket.findAll(getRequestedFor(urlPathEqualTo(REPO)))).hasSize(Transport.MAX_REDIRECTS + 1);
    }

    @Test
    void redirectWithoutLocationIsAnUnexpectedAnswer() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(302)));

        Outcome<RepositoryInfo> outcome = client.repository(integration, APP);

        assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
        assertThat(outcome.message()).contains("says nowhere to go");
    }

    @Test
    void httpClientThatFollowsRedirectsItselfIsRefused() {
        HttpClient following = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        assertThatThrownBy(() -> new BitbucketClient(following, settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
    }

    @Test
    void defaultHttpClientIsAccepted() {
        bitbucket.stubFor(get(REPO).willReturn(okJson(Bodies.cloudRepository())));

        BitbucketClient plain = new BitbucketClient(HttpClient.newHttpClient(), settings);

        assertThat(plain.repository(integration, APP).isOk()).isTrue();
    }
}
