package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * How the client talks to Bitbucket: timeouts, retries, caching, and the clock, sleeper and randomness it uses (passed
 * in so tests are fast and deterministic).
 *
 * @param connectTimeout how long to wait for a connection; applied by {@link #configure(HttpClient.Builder)}, since a
 *     passed-in {@link HttpClient} carries its own (the request timeout bounds the connection too)
 * @param requestTimeout how long to wait for one answer, connection included
 * @param maxAttempts how many times one request is sent at most (1 = never retried)
 * @param initialBackoff the wait before the first retry; it doubles for each further retry, with jitter
 * @param maxBackoff the longest wait between two attempts when Bitbucket does not say how long
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one ends the request at once
 * @param cacheTtl how long a successful answer about repository metadata is reused; zero turns that off. Branch heads
 *     and token checks are never reused, and identical concurrent requests are sent once either way.
 * @param interactive a person is waiting for the answer on a form, where the integration being checked is not saved
 *     yet: failures speak of "this token" instead of an integration by its ID, and say to try again later instead of
 *     how long this client waits
 * @param proxyAdvice the host's sentence on where its proxy's credentials are set, added to the engine's own words when
 *     a proxy refuses a request (HTTP 407); empty for none
 */
public record ClientSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        Duration cacheTtl,
        Clock clock,
        Sleeper sleeper,
        RandomGenerator random,
        boolean interactive,
        Optional<String> proxyAdvice) {

    /** More attempts than this only hammer a server that is already struggling. */
    static final int MAX_ATTEMPTS_LIMIT = 10;

    public ClientSettings {
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException(
                    "maxAttempts is " + maxAttempts + ": use 1 (no retry) to " + MAX_ATTEMPTS_LIMIT);
        }
        notNegative("initialBackoff", initialBackoff);
        notNegative("maxBackoff", maxBackoff);
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException(
                    "initialBackoff (" + initialBackoff + ") is longer than maxBackoff (" + maxBackoff + ")");
        }
        notNegative("maxRetryAfter", maxRetryAfter);
        notNegative("cacheTtl", cacheTtl);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        proxyAdvice = Objects.requireNonNull(proxyAdvice, "proxyAdvice")
                .map(String::strip)
                .filter(advice -> !advice.isEmpty());
    }

    /**
     * Connect in 10 s, answer in 30 s, 3 attempts with backoff from 1 s to 15 s, {@code Retry-After} honoured up to
     * 60 s, repository metadata reused for 30 s (long enough to absorb a burst of checks), the system clock, real
     * sleeping, a fresh random source.
     */
    public static ClientSettings defaults() {
        return new ClientSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(15),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                Clock.systemUTC(),
                Sleeper.system(),
                new SplittableRandom(),
                false,
                Optional.empty());
    }

    /**
     * For a form where a person waits on the answer (a <em>Test connection</em> button): as {@link #checks()}, but
     * answered within 10 s, and with interactive messages. One attempt, so nothing is retried and nothing sleeps,
     * whatever {@code Retry-After} says; no cache, so each click asks Bitbucket again.
     */
    public static ClientSettings forms() {
        return checks().with(c -> {
            c.requestTimeout = Duration.ofSeconds(10);
            c.interactive = true;
        });
    }

    /**
     * For a background health check: the timeouts of {@link #defaults()}, one attempt (a rate limit or a busy server is
     * left to the check planner's back-off instead of being retried at once, so a check is one request), no cache (a
     * check is meant to ask Bitbucket), and messages that name the integration, since an administrator reads them
     * later, away from the credential's form.
     */
    public static ClientSettings checks() {
        return defaults()
                .withRetries(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)
                .withCacheTtl(Duration.ZERO);
    }

    /**
     * Sets what this client needs on a builder of {@link HttpClient}: the connect timeout, and no automatic redirects
     * (the client follows redirects itself, and only on the same host, so the token never goes elsewhere).
     */
    public HttpClient.Builder configure(HttpClient.Builder builder) {
        return builder.connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
    }

    public ClientSettings withTimeouts(Duration connect, Duration request) {
        return with(c -> {
            c.connectTimeout = connect;
            c.requestTimeout = request;
        });
    }

    public ClientSettings withRetries(int attempts, Duration initial, Duration max, Duration retryAfterCap) {
        return with(c -> {
            c.maxAttempts = attempts;
            c.initialBackoff = initial;
            c.maxBackoff = max;
            c.maxRetryAfter = retryAfterCap;
        });
    }

    public ClientSettings withCacheTtl(Duration ttl) {
        return with(c -> c.cacheTtl = ttl);
    }

    public ClientSettings withClock(Clock value) {
        return with(c -> c.clock = value);
    }

    public ClientSettings withSleeper(Sleeper value) {
        return with(c -> c.sleeper = value);
    }

    public ClientSettings withRandom(RandomGenerator value) {
        return with(c -> c.random = value);
    }

    /**
     * The same settings with the host's sentence on where its proxy's credentials are set, e.g. the command line's
     * {@code HTTPS_PROXY}. The engine's message for a proxy's refusal speaks of no host; this is added after it.
     */
    public ClientSettings withProxyAdvice(String sentence) {
        Optional<String> advice = Optional.of(sentence);
        return with(c -> c.proxyAdvice = advice);
    }

    /** These settings with some changed, checked again as a whole. */
    private ClientSettings with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return new ClientSettings(
                copy.connectTimeout,
                copy.requestTimeout,
                copy.maxAttempts,
                copy.initialBackoff,
                copy.maxBackoff,
                copy.maxRetryAfter,
                copy.cacheTtl,
                copy.clock,
                copy.sleeper,
                copy.random,
                copy.interactive,
                copy.proxyAdvice);
    }

    /** The components of a settings value, to change some of them. */
    private static final class Copy {
        private Duration connectTimeout;
        private Duration requestTimeout;
        private int maxAttempts;
        private Duration initialBackoff;
        private Duration maxBackoff;
        private Duration maxRetryAfter;
        private Duration cacheTtl;
        private Clock clock;
        private Sleeper sleeper;
        private RandomGenerator random;
        private boolean interactive;
        private Optional<String> proxyAdvice;

        Copy(ClientSettings from) {
            connectTimeout = from.connectTimeout;
            requestTimeout = from.requestTimeout;
            maxAttempts = from.maxAttempts;
            initialBackoff = from.initialBackoff;
            maxBackoff = from.maxBackoff;
            maxRetryAfter = from.maxRetryAfter;
            cacheTtl = from.cacheTtl;
            clock = from.clock;
            sleeper = from.sleeper;
            random = from.random;
            interactive = from.interactive;
            proxyAdvice = from.proxyAdvice;
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero, not " + value);
        }
    }

    private static void notNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
    }
}
