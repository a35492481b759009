package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What an error answer says, whatever its shape: Cloud's {@code {"type":"error","error":{"message",…,"detail":{
 * "required":[…],"granted":[…]}}}}, Data Center's {@code {"errors":[{"message",…,"exceptionName"}]}}, plain text
 * (Cloud's 401 and 429), an HTML page from a proxy, or nothing at all.
 *
 * @param message what the server said, on one line; empty when it said nothing readable
 * @param exceptionName Data Center's exception class, e.g. {@code …NoSuchRepositoryException}
 * @param html whether the body is an HTML page (never quoted)
 */
record ErrorBody(
        Optional<String> message,
        List<String> requiredScopes,
        List<String> grantedScopes,
        Optional<String> exceptionName,
        boolean html) {

    static final int MAX_MESSAGE = 300;
    static final ErrorBody NOTHING = new ErrorBody(Optional.empty(), List.of(), List.of(), Optional.empty(), false);

    ErrorBody {
        requiredScopes = List.copyOf(requiredScopes);
        grantedScopes = List.copyOf(grantedScopes);
    }

    /**
     * @param redact applied to every text of the body before it is shortened, so that a cut can never keep part of a
     *     secret
     */
    static ErrorBody read(Json json, UnaryOperator<String> redact, Optional<String> contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return NOTHING;
        }
        String type = contentType.orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("html")
                || text.regionMatches(true, 0, "<!doctype html", 0, 14)
                || text.regionMatches(true, 0, "<html", 0, 5)) {
            return new ErrorBody(Optional.empty(), List.of(), List.of(), Optional.empty(), true);
        }
        if (text.startsWith("{")) {
            try {
                return fromJson(json.parse(body), redact);
            } catch (UnexpectedShape notJson) {
                // A body that starts like JSON but is not: quote it as text.
            }
        }
        return new ErrorBody(
                Optional.of(Texts.clip(redact.apply(text), MAX_MESSAGE)),
                List.of(),
                List.of(),
                Optional.empty(),
                false);
    }

    static ErrorBody fromJson(JsonNode node, UnaryOperator<String> redact) {
        if (!node.isObject()) {
            return NOTHING;
        }
        JsonNode error = node.get("error");
        if (error != null && error.isObject()) {
            List<String> parts = new ArrayList<>();
            Json.text(error, "message").ifPresent(parts::add);
            JsonNode detail = error.get("detail");
            List<String> required = List.of();
            List<String> granted = List.of();
            if (detail != null && detail.isObject()) {
                required = Json.strings(detail, "required");
                granted = Json.strings(detail, "granted");
            } else if (detail != null && detail.isTextual() && !detail.asText().isBlank()) {
                parts.add(detail.asText());
            }
            return new ErrorBody(joined(parts, redact), required, granted, Optional.empty(), false);
        }
        JsonNode errors = node.get("errors");
        if (errors != null && errors.isArray()) {
            List<String> parts = new ArrayList<>();
            Optional<String> exception = Optional.empty();
            for (JsonNode each : errors) {
                if (each.isObject()) {
                    Json.text(each, "message").ifPresent(parts::add);
                    if (exception.isEmpty()) {
                        exception = Json.text(each, "exceptionName");
                    }
                }
            }
            return new ErrorBody(joined(parts, redact), List.of(), List.of(), exception, false);
        }
        return new ErrorBody(
                Json.text(node, "message").map(m -> Texts.clip(redact.apply(m), MAX_MESSAGE)),
                List.of(),
                List.of(),
                Optional.empty(),
                false);
    }

    private static Optional<String> joined(List<String> parts, UnaryOperator<String> redact) {
        return parts.isEmpty()
                ? Optional.empty()
                : Optional.of(Texts.clip(redact.apply(String.join(" ", parts)), MAX_MESSAGE));
    }

    boolean mentionsRateLimit() {
        return message.map(m -> m.toLowerCase(Locale.ROOT).contains("rate limit"))
                .orElse(false);
    }

    boolean exceptionIs(String simpleName) {
        return exceptionName
                .map(e -> e.endsWith("." + simpleName) || e.equals(simpleName))
                .orElse(false);
    }
}
