package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads answer bodies with Jackson's tree model only (the plugin shares Jenkins' Jackson, whose data binding it must
 * not depend on), and the small helpers the parsers share.
 */
final class Json {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The body as a JSON tree; {@link UnexpectedShape} when it is empty or not JSON. */
    JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new UnexpectedShape("the body is empty");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new UnexpectedShape("the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the body; only the position is kept, as the body is the server's to say.
            JsonLocation at = e.getLocation();
            throw new UnexpectedShape("the body is not valid JSON"
                    + (at == null ? "" : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UnexpectedShape("the body cannot be read as JSON");
        }
    }

    boolean isJson(byte[] body) {
        try {
            parse(body);
            return true;
        } catch (UnexpectedShape e) {
            return false;
        }
    }

    /** A non-blank string field. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    static JsonNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new UnexpectedShape(what + " is not a JSON object");
        }
        return node;
    }

    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new UnexpectedShape("`" + field + "` is missing or not a list");
        }
        List<JsonNode> out = new ArrayList<>();
        value.forEach(out::add);
        return out;
    }

    static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(v -> {
                if (v.isTextual() && !v.asText().isBlank()) {
                    out.add(v.asText());
                }
            });
        }
        return out;
    }
}
