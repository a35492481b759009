package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever a server sends back, and wherever the token sits in it, no message carries the token or a piece of it. */
class RedactionPropertiesTest {

    private final Failures failures = new Failures(TestSupport.settings(new TestClock(), new RecordingSleeper()), new Json());

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-=+/.").ofMinLength(20).ofMaxLength(80)
                .map(s -> "ATATT" + s);
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.of(400, 401, 403, 404, 407, 409, 429, 500, 502, 503);
    }

    @Provide
    Arbitrary<String> shapes() {
        return Arbitraries.of("text", "cloud", "cloud-detail", "datacenter", "message", "html");
    }

    private static String body(String shape, String text) {
        String quoted = text.replace("\\", "\\\\").replace("\"", "\\\"");
        return switch (shape) {
            case "cloud" -> "{\"type\": \"error\", \"error\": {\"message\": \"" + quoted + "\"}}";
            case "cloud-detail" -> "{\"type\": \"error\", \"error\": {\"message\": \"Denied.\", \"detail\": \"" + quoted + "\"}}";
            case "datacenter" -> "{\"errors\": [{\"message\": \"" + quoted + "\", \"exceptionName\": \"x.Y\"}]}";
            case "message" -> "{\"message\": \"" + quoted + "\"}";
            case "html" -> "<html><body>" + text + "</body></html>";
            default -> text;
        };
    }

    private static List<String> forms(Integration integration) {
        String token = integration.token().reveal();
        return List.of(token, URLEncoder.encode(token, StandardCharsets.UTF_8), Url.encode(token),
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

    @Property(tries = 300)
    void errorAnswersNeverCarryTheToken(@ForAll("tokens") String token, @ForAll("statuses") int status, @ForAll("shapes") String shape,
            @ForAll @IntRange(min = 0, max = 420) int padding, @ForAll @IntRange(min = 0, max = 4) int form) {
        Integration integration = TestSupport.cloudApiToken(8080, token);
        String secret = forms(integration).get(form);
        String text = "~".repeat(padding) + secret + " and again " + secret;
        Reply.Answer answer = new Reply.Answer(URI.create("http://localhost:8080/2.0/user"), status,
                HttpHeaders.of(Map.of("Content-Type", List.of(shape.equals("text") ? "text/plain" : "application/json")), (a, b) -> true),
                body(shape, text).getBytes(StandardCharsets.UTF_8), 1);

        Outcome.Failure<Object> failure = failures.from(integration, new Subject("the thing", "Check it."), answer);

        assertNoPieceOfTheToken(failure.message(), integration);
    }

    @Property(tries = 100)
    void unreadableSuccessNeverCarriesTheToken(@ForAll("tokens") String token, @ForAll @IntRange(min = 0, max = 200) int padding) {
        Integration integration = TestSupport.cloudApiToken(8080, token);
        Reply.Answer answer = new Reply.Answer(URI.create("http://localhost:8080/2.0/user"), 200,
                HttpHeaders.of(Map.of("Content-Type", List.of("text/" + "~".repeat(padding) + token)), (a, b) -> true),
                ("{\"oops\": " + token + "}").getBytes(StandardCharsets.UTF_8), 1);

        String message = new Reader(null, failures, new Json()).parse(integration, new Subject("the thing", ""), answer,
                a -> CloudAnswers.identity(new Json().parse(a.body()))).message();

        assertNoPieceOfTheToken(message, integration);
    }

    @Property(tries = 100)
    void transportProblemsNeverCarryTheToken(@ForAll("tokens") String token, @ForAll @IntRange(min = 0, max = 300) int padding,
            @ForAll("troubles") Reply.Trouble trouble) {
        Integration integration = TestSupport.cloudApiToken(8080, token);
        Reply.Broken broken = new Reply.Broken(trouble, URI.create("http://localhost:8080/2.0/user"), "~".repeat(padding) + token, 2);

        assertNoPieceOfTheToken(failures.from(integration, new Subject("the thing", ""), broken).message(), integration);
    }

    @Provide
    Arbitrary<Reply.Trouble> troubles() {
        return Arbitraries.of(Reply.Trouble.class);
    }
}
