package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever a server sends back, and wherever the token sits in it, no message carries the token or a piece of it. */
class RedactionPropertiesTest {

    private final Failures failures =
            new Failures(TestSupport.settings(new TestClock(), new RecordingSleeper()), new Json());

    private static String token(Generator generate) {
        return "ATATT"
                + generate.string("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-=+/.", 20, 80);
    }

    private static String body(String shape, String text) {
        String quoted = text.replace("\\", "\\\\").replace("\"", "\\\"");
        return switch (shape) {
            case "cloud" -> "{\"type\": \"error\", \"error\": {\"message\": \"" + quoted + "\"}}";
            case "cloud-detail" ->
                "{\"type\": \"error\", \"error\": {\"message\": \"Denied.\", \"detail\": \"" + quoted + "\"}}";
            case "datacenter" -> "{\"errors\": [{\"message\": \"" + quoted + "\", \"exceptionName\": \"x.Y\"}]}";
            case "message" -> "{\"message\": \"" + quoted + "\"}";
            case "html" -> "<html><body>" + text + "</body></html>";
            default -> text;
        };
    }

    private static List<String> forms(Integration integration) {
        String token = integration.token().reveal();
        return List.of(
                token,
                URLEncoder.encode(token, StandardCharsets.UTF_8),
                Url.encode(token),
                Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)),
                Exchanges.basic(integration.username().orElseThrow(), token));
    }

    private static void assertNoPieceOfTheToken(String message, Integration integration) {
        String token = integration.token().reveal();
        for (String form : forms(integration)) {
            assertThat(message).doesNotContain(form);
        }
        for (int i = 0; i + 16 <= token.length(); i++) {
            assertThat(message).doesNotContain(token.substring(i, i + 16));
        }
    }

    @Test
    void errorAnswersNeverCarryTheToken() {
        GeneratedCases.check(300, generate -> {
            String token = token(generate);
            int status = generate.pick(400, 401, 403, 404, 407, 409, 429, 500, 502, 503);
            String shape = generate.pick("text", "cloud", "cloud-detail", "datacenter", "message", "html");
            int padding = generate.between(0, 420);
            Integration integration = TestSupport.cloudApiToken(8080, token);
            String secret = forms(integration).get(generate.between(0, 4));
            String text = "~".repeat(padding) + secret + " and again " + secret;
            String contentType = shape.equals("text") ? "text/plain" : "application/json";
            Reply.Answer answer = new Reply.Answer(
                    URI.create("http://localhost:8080/2.0/user"),
                    status,
                    HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (a, b) -> true),
                    body(shape, text).getBytes(StandardCharsets.UTF_8),
                    1);

            Outcome.Failure<Object> failure = failures.from(integration, new Subject("the thing", "Check it."), answer);

            assertNoPieceOfTheToken(failure.message(), integration);
        });
    }

    @Test
    void unreadableSuccessNeverCarriesTheToken() {
        GeneratedCases.check(100, generate -> {
            String token = token(generate);
            int padding = generate.between(0, 200);
            Integration integration = TestSupport.cloudApiToken(8080, token);
            Reply.Answer answer = new Reply.Answer(
                    URI.create("http://localhost:8080/2.0/user"),
                    200,
                    HttpHeaders.of(
                            Map.of("Content-Type", List.of("text/" + "~".repeat(padding) + token)), (a, b) -> true),
                    ("{\"oops\": " + token + "}").getBytes(StandardCharsets.UTF_8),
                    1);

            String message = new Reader(null, failures, new Json())
                    .parse(
                            integration,
                            new Subject("the thing", ""),
                            answer,
                            a -> CloudAnswers.identity(new Json().parse(a.body())))
                    .message();

            assertNoPieceOfTheToken(message, integration);
        });
    }

    @Test
    void transportProblemsNeverCarryTheToken() {
        GeneratedCases.check(100, generate -> {
            String token = token(generate);
            int padding = generate.between(0, 300);
            Reply.Trouble trouble = generate.pick(Reply.Trouble.class);
            Integration integration = TestSupport.cloudApiToken(8080, token);
            Reply.Broken broken = new Reply.Broken(
                    trouble, URI.create("http://localhost:8080/2.0/user"), "~".repeat(padding) + token, 2);

            assertNoPieceOfTheToken(
                    failures.from(integration, new Subject("the thing", ""), broken)
                            .message(),
                    integration);
        });
    }
}
