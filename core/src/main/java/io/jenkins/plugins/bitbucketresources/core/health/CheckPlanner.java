package io.jenkins.plugins.bitbucketresources.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When an integration may be checked in the background: not before {@code interval} has passed since the last request
 * made with it (a build's, a check's or Test connection's, as recorded), so there is at most one request per
 * integration per interval; and after Bitbucket's rate limit (HTTP 429), not before the time it named, and with the
 * wait doubled for every further rate limit in a row (up to {@value #MAX_DOUBLINGS} doublings).
 */
public final class CheckPlanner {

    static final int MAX_DOUBLINGS = 5;

    /**
     * What is known of the requests made with one integration.
     *
     * @param lastRequest when the last request with it got an answer, or a background check of it started
     * @param rateLimitedAt when Bitbucket last answered with its rate limit, if that was after the last other answer
     * @param retryAt when Bitbucket said to try again, if it said
     * @param rateLimitStreak how many rate-limit answers came in a row
     */
    public record History(
            Optional<Instant> lastRequest,
            Optional<Instant> rateLimitedAt,
            Optional<Instant> retryAt,
            int rateLimitStreak) {
        public static final History NONE = new History(Optional.empty(), Optional.empty(), Optional.empty(), 0);

        public History {
            Objects.requireNonNull(lastRequest, "lastRequest");
            Objects.requireNonNull(rateLimitedAt, "rateLimitedAt");
            Objects.requireNonNull(retryAt, "retryAt");
            if (rateLimitStreak < 0) {
                throw new IllegalArgumentException("rateLimitStreak must not be negative");
            }
        }
    }

    private final Duration interval;

    public CheckPlanner(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be longer than zero, not " + interval);
        }
        this.interval = interval;
    }

    /** The earliest time the integration may be checked again; empty when it may be checked now, never having been used. */
    public Optional<Instant> earliest(History history) {
        Optional<Instant> byInterval = history.lastRequest().map(t -> t.plus(interval));
        Optional<Instant> byLimit = Optional.empty();
        if (history.rateLimitStreak() > 0 && history.rateLimitedAt().isPresent()) {
            Duration wait = interval.multipliedBy(1L << Math.min(history.rateLimitStreak() - 1, MAX_DOUBLINGS));
            Instant backedOff = history.rateLimitedAt().get().plus(wait);
            byLimit = Optional.of(
                    history.retryAt().filter(r -> r.isAfter(backedOff)).orElse(backedOff));
        }
        return later(byInterval, byLimit);
    }

    public boolean isDue(History history, Instant now) {
        return earliest(history).map(t -> !now.isBefore(t)).orElse(true);
    }

    public Duration interval() {
        return interval;
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }
}
