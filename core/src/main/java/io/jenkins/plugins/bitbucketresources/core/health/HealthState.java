package io.jenkins.plugins.bitbucketresources.core.health;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.TokenExpiry;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What is known about one integration credential now: its concerns, most serious first (empty when it needs no
 * attention), when it was last used and last worked, what Bitbucket says of its expiry, and whether an administrator
 * dismissed exactly this state.
 *
 * @param lastUsed when a request with it last got an answer that says something about it (a build, a check, Test
 *     connection)
 * @param lastSuccess when a request with it last succeeded
 * @param expiry what Bitbucket said of its expiry date; {@link TokenExpiry.Unknown} until asked
 * @param dismissed whether an administrator dismissed this very state (it shows again once the state changes)
 */
public record HealthState(
        CredentialKey key,
        List<Concern> concerns,
        Optional<Instant> lastUsed,
        Optional<Instant> lastSuccess,
        TokenExpiry expiry,
        boolean dismissed) {

    public HealthState {
        Objects.requireNonNull(key, "key");
        concerns = List.copyOf(concerns);
        Objects.requireNonNull(lastUsed, "lastUsed");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(expiry, "expiry");
    }

    public boolean needsAttention() {
        return !concerns.isEmpty();
    }

    /** Whether an administrative monitor shows this credential: it needs attention and was not dismissed as it is. */
    public boolean shown() {
        return needsAttention() && !dismissed;
    }

    /** The most serious severity among the concerns; empty when there is none. */
    public Optional<Problem.Severity> severity() {
        if (concerns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                concerns.stream().anyMatch(c -> c.severity() == Problem.Severity.ERROR)
                        ? Problem.Severity.ERROR
                        : Problem.Severity.WARNING);
    }

    /** What a dismissal is tied to: the concerns' identities, not their times. */
    public String signature() {
        return concerns.stream().map(Concern::identity).sorted().collect(Collectors.joining("\n"));
    }

    /** A short word for a table cell: {@code ok}, {@code not used yet}, or the most serious concern's kind. */
    public String summary() {
        if (!concerns.isEmpty()) {
            return switch (concerns.get(0).kind()) {
                case APP_PASSWORD -> "app password";
                case PLAIN_HTTP -> "http URL";
                case INVALID_SETTINGS -> "invalid settings";
                case TOKEN_REFUSED -> "token refused";
                case MISSING_SCOPE -> "missing scope";
                case EXPIRED -> "expired";
                case EXPIRES_SOON -> "expires soon";
            };
        }
        return lastUsed.isPresent() ? "ok" : "not used yet";
    }
}
