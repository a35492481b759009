package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token never reaches a message, even from a server that echoes it back in every form. */
class TokenSecrecyTest {

    @RegisterExtension
    static WireMockExtension bitbucket = TestSupport.wireMock();

    private final BitbucketClient client =
            TestSupport.client(TestSupport.settings(new TestClock(), new RecordingSleeper()));

    static List<String> secretForms(Integration integration) {
        String token = integration.token().reveal();
        List<String> forms =
                new ArrayList<>(List.of(token, token.substring(0, 16), token.substring(token.length() - 16)));
        integration.username().map(user -> Exchanges.basic(user, token)).ifPresent(basic -> {
            forms.add(basic);
            forms.add(basic.substring(0, 16));
        });
        return forms;
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 401, 403, 404, 407, 429, 500})
    void echoedAuthorizationNeverReachesTheMessage(int status) {
        Integration integration = TestSupport.cloudApiToken(bitbucket.getPort());
        // The header sits at the edge of the 300 characters quoted, where a careless cut would keep part of it.
        String padding = "x".repeat(260);
        bitbucket.stubFor(get(urlPathMatching("/2.0/.*"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "text/plain")
                        .withHeader("Retry-After", "3600")
                        .withBody(padding + " {{request.headers.Authorization}} token "
                                + integration.token().reveal() + " end")
                        .withTransformers("response-template")));

        List<Outcome<?>> outcomes = List.of(
                client.checkIntegration(integration, Optional.of(SourceName.parse("acme/app"))),
                client.repository(integration, SourceName.parse("acme/app")),
                client.branches(integration, SourceName.parse("acme/app")));

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.isOk()).isFalse();
            for (String form : secretForms(integration)) {
                assertThat(outcome.message()).doesNotContain(form);
                assertThat(outcome.toString()).doesNotContain(form);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 500})
    void echoedBearerTokenInDataCenterErrorsNeverReachesTheMessage(int status) {
        Integration integration = TestSupport.dataCenterProject(bitbucket.getPort());
        bitbucket.stubFor(get(urlPathMatching("/rest/api/1.0/.*"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.dataCenterError(
                                "Header was {{request.headers.Authorization}}",
                                "com.atlassian.bitbucket.AuthorisationException"))
                        .withTransformers("response-template")));

        Outcome<RepositoryInfo> outcome = client.repository(integration, SourceName.parse("PROJ/app"));

        assertThat(outcome.message()).contains("Header was Bearer ****");
        for (String form : secretForms(integration)) {
            assertThat(outcome.message()).doesNotContain(form);
        }
    }
}
