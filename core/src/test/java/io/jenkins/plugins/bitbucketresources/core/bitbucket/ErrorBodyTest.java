package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    private final Json json = new Json();

    private ErrorBody read(String contentType, String body) {
        return ErrorBody.read(
                json, UnaryOperator.identity(), Optional.of(contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyBodySaysNothing() {
        assertThat(read("text/plain", "  \n")).isEqualTo(ErrorBody.NOTHING);
    }

    @Test
    void cloudEnvelopeGivesMessageAndScopes() {
        ErrorBody body =
                read("application/json", Bodies.cloudScopeError("read:user:bitbucket", "read:repository:bitbucket"));

        assertThat(body.message()).contains("Your credentials lack a required privilege scope.");
        assertThat(body.requiredScopes()).containsExactly("read:user:bitbucket");
        assertThat(body.grantedScopes()).containsExactly("read:repository:bitbucket");
    }

    @Test
    void cloudTextDetailIsAppended() {
        ErrorBody body = read(
                "application/json",
                "{\"type\": \"error\", \"error\": {\"message\": \"Bad request.\", \"detail\": \"Field x is wrong.\"}}");

        assertThat(body.message()).contains("Bad request. Field x is wrong.");
    }

    @Test
    void dataCenterErrorsAreJoined() {
        ErrorBody body = read(
                "application/json",
                "{\"errors\": [{\"message\": \"First.\", \"exceptionName\": \"com.atlassian.A\"},"
                        + " {\"message\": \"Second.\", \"exceptionName\": \"com.atlassian.B\"}]}");

        assertThat(body.message()).contains("First. Second.");
        assertThat(body.exceptionName()).contains("com.atlassian.A");
        assertThat(body.exceptionIs("A")).isTrue();
    }

    @Test
    void plainTextIsQuotedOnOneLine() {
        assertThat(read("text/plain", "Line one.\n  Line two.\n").message()).contains("Line one. Line two.");
    }

    @Test
    void brokenJsonIsQuotedAsText() {
        assertThat(read("application/json", "{\"errors\": [").message()).contains("{\"errors\": [");
    }

    @Test
    void htmlIsNeverQuoted() {
        ErrorBody body = read("text/html; charset=utf-8", "<html><body><h1>502 Bad Gateway</h1></body></html>");

        assertThat(body.html()).isTrue();
        assertThat(body.message()).isEmpty();
    }

    @Test
    void longTextIsShortened() {
        assertThat(read("text/plain", "x".repeat(5000)).message())
                .hasValueSatisfying(
                        m -> assertThat(m).hasSize(ErrorBody.MAX_MESSAGE).endsWith("…"));
    }

    @Test
    void rateLimitTextIsRecognised() {
        assertThat(read("text/plain", "Rate limit for this resource has been exceeded")
                        .mentionsRateLimit())
                .isTrue();
        assertThat(read("text/plain", "Forbidden").mentionsRateLimit()).isFalse();
    }
}
