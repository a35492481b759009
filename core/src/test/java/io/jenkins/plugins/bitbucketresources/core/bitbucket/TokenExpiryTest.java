package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.bitbucketresources.core.bitbucket.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Expiry dates from Data Center's token details, answered in the shapes Data Center sends: epoch milliseconds for
 * {@code createdDate}, {@code lastAuthenticated} and {@code expiryDate}, the token's 12-digit ID as text, its user.
 */
class TokenExpiryTest {

    @RegisterExtension
    static WireMockExtension bitbucket = TestSupport.wireMock();

    /** The ID {@link TestSupport#DC_TOKEN} carries. */
    private static final String TOKEN_ID = "714239641586";

    private static final String PERSONAL = "/rest/access-tokens/latest/users/jdoe/" + TOKEN_ID;
    private static final SourceName APP = SourceName.parse("PROJ/app");

    private BitbucketClient client;

    @BeforeEach
    void setUp() {
        client = TestSupport.client(TestSupport.settings(new TestClock(), new RecordingSleeper()));
    }

    private static String details(String expiry) {
        return "{\"id\":\"" + TOKEN_ID
                + "\",\"createdDate\":1767261600000,\"lastAuthenticated\":1777885200000,\"name\":\"jenkins\","
                + "\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]," + expiry
                + "\"user\":{\"name\":\"jdoe\",\"emailAddress\":\"jdoe@example.com\","
                + "\"id\":52,\"displayName\":\"Jane Doe\",\"active\":true,\"slug\":\"jdoe\",\"type\":\"NORMAL\","
                + "\"links\":{\"self\":[{\"href\":\"http://localhost:7990/users/jdoe\"}]}}}";
    }

    @Test
    void personalTokenExpiryIsReadFromItsDetails() {
        bitbucket.stubFor(
                get(PERSONAL).willReturn(json(200, details("\"expiryDays\":90,\"expiryDate\":1775037600000,"))));

        Outcome<TokenExpiry> expiry =
                client.tokenExpiry(TestSupport.dataCenterPersonal(bitbucket.getPort()), Optional.empty());

        assertThat(expiry.ok()).contains(new TokenExpiry.Expires(Instant.ofEpochMilli(1775037600000L)));
        bitbucket.verify(getRequestedFor(urlPathEqualTo(PERSONAL))
                .withHeader("Authorization", equalTo("Bearer " + TestSupport.DC_TOKEN)));
    }

    @Test
    void expiryFollowsFromCreationAndDaysWhenNoDateIsGiven() {
        bitbucket.stubFor(get(PERSONAL).willReturn(json(200, details("\"expiryDays\":30,"))));

        Outcome<TokenExpiry> expiry =
                client.tokenExpiry(TestSupport.dataCenterPersonal(bitbucket.getPort()), Optional.empty());

        assertThat(expiry.ok())
                .contains(new TokenExpiry.Expires(
                        Instant.ofEpochMilli(1767261600000L).plus(Duration.ofDays(30))));
    }

    @Test
    void tokenWithoutExpiryNeverExpires() {
        bitbucket.stubFor(get(PERSONAL).willReturn(json(200, details(""))));

        assertThat(client.tokenExpiry(TestSupport.dataCenterPersonal(bitbucket.getPort()), Optional.empty())
                        .ok())
                .contains(new TokenExpiry.Never());
    }

    @Test
    void dateWrittenAsTextIsReadToo() {
        bitbucket.stubFor(get(PERSONAL)
                .willReturn(json(
                        200,
                        "{\"id\":\"" + TOKEN_ID + "\",\"createdDate\":\"2026-01-01T10:00:00Z\","
                                + "\"expiryDate\":\"2026-04-01T10:00:00+02:00\",\"name\":\"jenkins\"}")));

        assertThat(client.tokenExpiry(TestSupport.dataCenterPersonal(bitbucket.getPort()), Optional.empty())
                        .ok())
                .contains(new TokenExpiry.Expires(Instant.parse("2026-04-01T08:00:00Z")));
    }

    @Test
    void refusalToShowTheDetailsLeavesTheExpiryUnknown() {
        bitbucket.stubFor(
                get(PERSONAL)
                        .willReturn(
                                json(
                                        401,
                                        "{\"errors\":[{\"context\":null,\"message\":\"You are not permitted to access "
                                                + "this resource\",\"exceptionName\":\"com.atlassian.bitbucket.AuthorisationException\"}]}")));

        Outcome<TokenExpiry> expiry =
                client.tokenExpiry(TestSupport.dataCenterPersonal(bitbucket.getPort()), Optional.empty());

        assertThat(expiry.ok())
                .hasValueSatisfying(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                TokenExpiry.Unknown.class,
                                u -> assertThat(u.reason())
                                        .contains("did not show the token's details")
                                        .contains("HTTP 401")));
    }

    @Test
    void projectTokenIsLookedUpUnderTheRepositoryThenItsProject() {
        String repository = "/rest/access-tokens/latest/projects/PROJ/repos/app/" + TOKEN_ID;
        String project = "/rest/access-tokens/latest/projects/PROJ/" + TOKEN_ID;
        bitbucket.stubFor(
                get(repository)
                        .willReturn(
                                json(
                                        404,
                                        "{\"errors\":[{\"context\":null,\"message\":\"No token with ID " + TOKEN_ID
                                                + " exists.\",\"exceptionName\":\"com.atlassian.bitbucket.NoSuchEntityException\"}]}")));
        bitbucket.stubFor(
                get(project).willReturn(json(200, details("\"expiryDays\":90,\"expiryDate\":1775037600000,"))));

        Outcome<TokenExpiry> expiry =
                client.tokenExpiry(TestSupport.dataCenterProject(bitbucket.getPort()), Optional.of(APP));

        assertThat(expiry.ok()).contains(new TokenExpiry.Expires(Instant.ofEpochMilli(1775037600000L)));
        bitbucket.verify(getRequestedFor(urlPathEqualTo(repository)));
        bitbucket.verify(getRequestedFor(urlPathEqualTo(project)));
    }

    @Test
    void projectTokenWithoutARepositoryIsNotLookedUp() {
        Outcome<TokenExpiry> expiry =
                client.tokenExpiry(TestSupport.dataCenterProject(bitbucket.getPort()), Optional.empty());

        assertThat(expiry.ok()).hasValueSatisfying(e -> assertThat(e).isInstanceOf(TokenExpiry.Unknown.class));
        bitbucket.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void cloudDoesNotTellAndIsNotAsked() {
        Outcome<TokenExpiry> expiry = client.tokenExpiry(
                TestSupport.cloudApiToken(bitbucket.getPort()), Optional.of(SourceName.parse("acme/app")));

        assertThat(expiry.ok())
                .hasValueSatisfying(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                TokenExpiry.Unknown.class,
                                u -> assertThat(u.reason()).contains("Bitbucket Cloud does not tell")));
        bitbucket.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tokenNotInDataCentersFormIsNotLookedUp() {
        Outcome<TokenExpiry> expiry = client.tokenExpiry(
                TestSupport.dataCenterPersonal(bitbucket.getPort(), "not-base64-at-all!"), Optional.empty());

        assertThat(expiry.ok()).hasValueSatisfying(e -> assertThat(e).isInstanceOf(TokenExpiry.Unknown.class));
        bitbucket.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tokenIdIsReadFromTheTokenWithOrWithoutPrefix() {
        assertThat(TokenDetails.tokenId("MjUyOTczNTE1MDY5On2rDbID2EgYpH8AVOECHv0saruQ"))
                .contains("252973515069");
        assertThat(TokenDetails.tokenId(TestSupport.DC_TOKEN)).contains(TOKEN_ID);
        assertThat(TokenDetails.tokenId("BBDC-" + "bm90LWFuLWlkOnNlY3JldA")).isEmpty();
        assertThat(TokenDetails.tokenId("ATATT3xFfGF0")).isEmpty();
    }

    @Test
    void answerThatIsNoTokenIsUnexpected() {
        bitbucket.stubFor(get(PERSONAL).willReturn(json(200, "[1, 2, 3]")));

        assertThat(client.tokenExpiry(TestSupport.dataCenterPersonal(bitbucket.getPort()), Optional.empty()))
                .isInstanceOf(Outcome.UnexpectedAnswer.class);
    }
}
