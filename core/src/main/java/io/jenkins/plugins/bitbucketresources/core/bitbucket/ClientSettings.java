package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
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
     * For a form where a person waits on the answer (a <em>Test connection</em> button): connect and answer within
     * 10 s, one attempt, so nothing is retried and nothing sleeps, whatever {@code Retry-After} says; no cache, so each
     * click asks Bitbucket again; and interactive messages.
     */
    public static ClientSettings forms() {
        return new ClientSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                1,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Clock.systemUTC(),
                Sleeper.system(),
                new SplittableRandom(),
                true,
                Optional.empty());
    }

    /**
     * For a background health check: the timeouts of {@link #defaults()}, one attempt (a rate limit or a busy server is
     * left to the check planner's back-off instead of being retried at once, so a check is one request), no cache (a
     * check is meant to ask Bitbucket), and messages that name the integration, since an administrator reads them
     * later, away from the credential's form.
     */
    public static ClientSettings checks() {
        return new ClientSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                1,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Clock.systemUTC(),
                Sleeper.system(),
                new SplittableRandom(),
                false,
                Optional.empty());
    }

    /**
     * Sets what this client needs on a builder of {@link HttpClient}: the connect timeout, and no automatic redirects
     * (the client follows redirects itself, and only on the same host, so the token never goes elsewhere).
     */
    public HttpClient.Builder configure(HttpClient.Builder builder) {
        return builder.connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
    }

    public ClientSettings withTimeouts(Duration connect, Duration request) {
        return new ClientSettings(
                connect,
                request,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                cacheTtl,
                clock,
                sleeper,
                random,
                interactive,
                proxyAdvice);
    }

    public ClientSettings withRetries(int attempts, Duration initial, Duration max, Duration retryAfterCap) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                attempts,
                initial,
                max,
                retryAfterCap,
                cacheTtl,
                clock,
                sleeper,
                random,
                interactive,
                proxyAdvice);
    }

    public ClientSettings withCacheTtl(Duration ttl) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                ttl,
                clock,
                sleeper,
                random,
                interactive,
                proxyAdvice);
    }

    public ClientSettings withClock(Clock value) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                cacheTtl,
                value,
                sleeper,
                random,
                interactive,
                proxyAdvice);
    }

    public ClientSettings withSleeper(Sleeper value) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                cacheTtl,
                clock,
                value,
                random,
                interactive,
                proxyAdvice);
    }

    public ClientSettings withRandom(RandomGenerator value) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                cacheTtl,
                clock,
                sleeper,
                value,
                interactive,
                proxyAdvice);
    }

    /**
     * The same settings with the host's sentence on where its proxy's credentials are set, e.g. the command line's
     * {@code HTTPS_PROXY}. The engine's message for a proxy's refusal speaks of no host; this is added after it.
     */
    public ClientSettings withProxyAdvice(String sentence) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                cacheTtl,
                clock,
                sleeper,
                random,
                interactive,
                Optional.of(sentence));
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
