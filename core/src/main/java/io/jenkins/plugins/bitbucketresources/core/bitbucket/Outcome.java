package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The result of asking Bitbucket something: the value, or what went wrong. Expected failures are values, never
 * exceptions. Every {@link #message()} is written for an administrator (what is wrong, how to fix it) and never
 * contains the token.
 */
public sealed interface Outcome<T> {

    /** A sentence or two for an administrator; {@code ok} for a success. */
    String message();

    boolean isOk();

    /** The value when this is {@link Ok}. */
    Optional<T> ok();

    <R> Outcome<R> map(Function<? super T, ? extends R> f);

    <R> Outcome<R> flatMap(Function<? super T, Outcome<R>> f);

    record Ok<T>(T value) implements Outcome<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String message() {
            return "ok";
        }

        @Override
        public boolean isOk() {
            return true;
        }

        @Override
        public Optional<T> ok() {
            return Optional.of(value);
        }

        @Override
        public <R> Outcome<R> map(Function<? super T, ? extends R> f) {
            return new Ok<>(f.apply(value));
        }

        @Override
        public <R> Outcome<R> flatMap(Function<? super T, Outcome<R>> f) {
            return f.apply(value);
        }
    }

    /** Anything but {@link Ok}. A failure carries no value, so it can stand for an outcome of any type. */
    sealed interface Failure<T> extends Outcome<T> {

        /** The same failure as an outcome of another type. */
        <R> Failure<R> retype();

        @Override
        default boolean isOk() {
            return false;
        }

        @Override
        default Optional<T> ok() {
            return Optional.empty();
        }

        @Override
        default <R> Outcome<R> map(Function<? super T, ? extends R> f) {
            return retype();
        }

        @Override
        default <R> Outcome<R> flatMap(Function<? super T, Outcome<R>> f) {
            return retype();
        }
    }

    /** HTTP 401: the token is wrong, expired or revoked (or, on Cloud, the e-mail of an API token is wrong). */
    record InvalidToken<T>(String message) implements Failure<T> {
        public InvalidToken {
            message = checkMessage(message);
        }

        @Override
        public <R> Failure<R> retype() {
            return new InvalidToken<>(message);
        }
    }

    /**
     * HTTP 403: the token lacks a scope or permission.
     *
     * @param requiredScopes the scopes Bitbucket said it needs (Cloud names them); empty when the answer does not say
     * @param grantedScopes the scopes Bitbucket said the token has; empty when the answer does not say
     */
    record MissingScope<T>(List<String> requiredScopes, List<String> grantedScopes, String message)
            implements Failure<T> {
        public MissingScope {
            requiredScopes = List.copyOf(requiredScopes);
            grantedScopes = List.copyOf(grantedScopes);
            message = checkMessage(message);
        }

        @Override
        public <R> Failure<R> retype() {
            return new MissingScope<>(requiredScopes, grantedScopes, message);
        }
    }

    /** HTTP 404: Bitbucket says "not found" both for what does not exist and for what this token may not see. */
    record NotFound<T>(String message) implements Failure<T> {
        public NotFound {
            message = checkMessage(message);
        }

        @Override
        public <R> Failure<R> retype() {
            return new NotFound<>(message);
        }
    }

    /**
     * What was sought is not in the part of a listing that was read: the listing was cut at the page limit before it
     * turned up, so it may still exist further on.
     *
     * @param pagesRead how many pages were read before the listing was cut
     */
    record ListingCut<T>(int pagesRead, String message) implements Failure<T> {
        public ListingCut {
            if (pagesRead < 1) {
                throw new IllegalArgumentException("a cut listing has read at least one page, not " + pagesRead);
            }
            message = checkMessage(message);
        }

        @Override
        public <R> Failure<R> retype() {
            return new ListingCut<>(pagesRead, message);
        }
    }

    /**
     * HTTP 429 (or a 403 that says so): too many requests.
     *
     * @param retryAt when Bitbucket said to try again; empty when it did not say
     */
    record RateLimited<T>(Optional<Instant> retryAt, String message) implements Failure<T> {
        public RateLimited {
            Objects.requireNonNull(retryAt, "retryAt");
            message = checkMessage(message);
        }

        @Override
        public <R> Failure<R> retype() {
            return new RateLimited<>(retryAt, message);
        }
    }

    /** HTTP 5xx, after the retries allowed. */
    record ServerError<T>(int status, String message) implements Failure<T> {
        public ServerError {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("a server error has a 5xx status, not " + status);
            }
            message = checkMessage(message);
        }

        @Override
        public <R> Failure<R> retype() {
            return new ServerError<>(status, message);
        }
    }

    /** No HTTP answer: the host is unknown, refuses connections, fails TLS, or keeps dropping the connection. */
    record Unreachable<T>(String message) implements Failure<T> {
        public Unreachable {
            message = checkMessage(message);
        }

        @Override
        public <R> Failure<R> retype() {
            return new Unreachable<>(message);
        }
    }

    /** No answer in time (connect or request timeout), or the waiting thread was interrupted. */
    record Timeout<T>(String message) implements Failure<T> {
        public Timeout {
            message = checkMessage(message);
        }

        @Override
        public <R> Failure<R> retype() {
            return new Timeout<>(message);
        }
    }

    /**
     * An answer Bitbucket does not send: a body that is not the JSON expected, an HTML page, a redirect to another
     * host, an endless paging, an unexpected status.
     */
    record UnexpectedAnswer<T>(String message) implements Failure<T> {
        public UnexpectedAnswer {
            message = checkMessage(message);
        }

        @Override
        public <R> Failure<R> retype() {
            return new UnexpectedAnswer<>(message);
        }
    }

    private static String checkMessage(String message) {
        if (message.isBlank()) {
            throw new IllegalArgumentException("a failure needs a message for the administrator");
        }
        return message;
    }
}
