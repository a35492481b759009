package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Platform;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.model.TokenKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a token expires, where Bitbucket tells it. Bitbucket Cloud has no REST endpoint for the details of an API token
 * or an access token. Bitbucket Data Center has one per owner of HTTP access tokens
 * ({@code /rest/access-tokens/latest/users/{user}/{id}}, {@code …/projects/{key}/{id}},
 * {@code …/projects/{key}/repos/{slug}/{id}}), answering {@code expiryDate} in epoch milliseconds (and
 * {@code createdDate}, {@code expiryDays}) for a token that expires. The token's ID is not secret: a Data Center token
 * is, after an optional {@code BBDC-} prefix, the base64 of {@code <id>:<secret>}, so the ID is read from the token
 * itself and only the ID goes into the URL.
 */
final class TokenDetails {

    private static final String DATA_CENTER_PREFIX = "BBDC-";
    private static final Pattern TOKEN_ID = Pattern.compile("[0-9]{1,20}");
    private static final String CLOUD =
            "Bitbucket Cloud does not tell when an API token or access token expires; once it has expired, "
                    + "Bitbucket refuses it (HTTP 401), and that is shown instead.";

    private final Reader reader;

    TokenDetails(Reader reader) {
        this.reader = reader;
    }

    Outcome<TokenExpiry> expiry(Integration integration, Optional<SourceName> repository) {
        if (integration.platform() == Platform.CLOUD) {
            return new Outcome.Ok<>(new TokenExpiry.Unknown(CLOUD));
        }
        Optional<String> id = tokenId(integration.token().reveal());
        if (id.isEmpty()) {
            return new Outcome.Ok<>(
                    new TokenExpiry.Unknown("The token is not in the form Bitbucket Data Center gives its HTTP access "
                            + "tokens (the base64 of its ID and secret), so its details cannot be looked up."));
        }
        if (integration.kind() == TokenKind.DATA_CENTER_PERSONAL_TOKEN) {
            return read(
                    integration,
                    tokens(integration).path("users", integration.username().orElseThrow(), id.get()));
        }
        if (repository.isEmpty()) {
            return new Outcome.Ok<>(
                    new TokenExpiry.Unknown("A project or repository token's details are kept under its project or "
                            + "repository, and no repository was given to look there."));
        }
        SourceName source = repository.get();
        Outcome<TokenExpiry> ofRepository = read(
                integration, tokens(integration).path("projects", source.owner(), "repos", source.slug(), id.get()));
        if (!(ofRepository instanceof Outcome.Ok<TokenExpiry> ok) || !(ok.value() instanceof TokenExpiry.Unknown)) {
            return ofRepository;
        }
        // A project token is not under the repository: its project is asked next.
        return read(integration, tokens(integration).path("projects", source.owner(), id.get()));
    }

    private static Url tokens(Integration integration) {
        return Url.under(integration.url().serverBase()).path("rest", "access-tokens", "latest");
    }

    private Outcome<TokenExpiry> read(Integration integration, Url url) {
        Subject subject = new Subject("the details of the integration's HTTP access token", "");
        Outcome<TokenExpiry> outcome =
                reader.read(integration, subject, url.build(), answer -> expiry(reader.json(answer)));
        if (outcome instanceof Outcome.InvalidToken
                || outcome instanceof Outcome.MissingScope
                || outcome instanceof Outcome.NotFound) {
            // Data Center answers 401 both for a token it refuses and for one not allowed to read token details: no
            // verdict.
            return new Outcome.Ok<>(
                    new TokenExpiry.Unknown("Bitbucket Data Center did not show the token's details to the token "
                            + "itself (" + kind(outcome) + "), so its expiry date is unknown."));
        }
        return outcome;
    }

    private static String kind(Outcome<?> outcome) {
        return outcome instanceof Outcome.InvalidToken
                ? "HTTP 401"
                : outcome instanceof Outcome.MissingScope ? "HTTP 403" : "HTTP 404";
    }

    static TokenExpiry expiry(JsonNode node) {
        Json.object(node, "the token's details");
        Optional<Instant> expiry = instant(node.get("expiryDate"));
        if (expiry.isPresent()) {
            return new TokenExpiry.Expires(expiry.get());
        }
        JsonNode days = node.get("expiryDays");
        Optional<Instant> created = instant(node.get("createdDate"));
        if (days != null && days.canConvertToInt() && days.asInt() > 0 && created.isPresent()) {
            return new TokenExpiry.Expires(created.get().plus(Duration.ofDays(days.asInt())));
        }
        if (node.get("id") == null) {
            throw new UnexpectedShape("the token's details have no `id`");
        }
        return new TokenExpiry.Never();
    }

    /** Data Center answers dates as epoch milliseconds; its published schema calls them date-time strings, so both are read. */
    private static Optional<Instant> instant(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber()) {
            return Optional.of(Instant.ofEpochMilli(value.asLong()));
        }
        if (value.isTextual()) {
            try {
                return Optional.of(OffsetDateTime.parse(value.asText().strip()).toInstant());
            } catch (DateTimeParseException e) {
                throw new UnexpectedShape(
                        "a date in the token's details (`" + Texts.clip(value.asText(), 40) + "`) is not a date");
            }
        }
        throw new UnexpectedShape("a date in the token's details is neither a number nor text");
    }

    /** The ID a Data Center HTTP access token carries, when it has the form Data Center gives its tokens. */
    static Optional<String> tokenId(String token) {
        String body = token.startsWith(DATA_CENTER_PREFIX) ? token.substring(DATA_CENTER_PREFIX.length()) : token;
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = -1;
        for (int i = 0; i < decoded.length && i <= 21; i++) {
            if (decoded[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            return Optional.empty();
        }
        String id = new String(decoded, 0, colon, StandardCharsets.US_ASCII);
        return TOKEN_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
