package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Sends one GET and brings back its final answer: with the token, timeouts, bounded retries (exponential backoff
 * with jitter, or the server's {@code Retry-After} up to a cap) on 5xx, 429 and dropped connections, and redirects
 * followed by hand, only within the integration's origin. All requests here are GETs, so every retry is safe.
 */
final class Transport {

    static final int MAX_REDIRECTS = 5;
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String USER_AGENT = "bitbucket-resources";

    private final HttpClient http;
    private final ClientSettings settings;
    private final Object randomLock = new Object();

    Transport(HttpClient http, ClientSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /**
     * @param authorization the whole {@code Authorization} header value; it goes into request headers only
     * @param origin where the token may be sent; a redirect elsewhere ends the request unsent
     */
    Reply get(URI uri, String authorization, Origin origin) {
        URI current = uri;
        int attempt = 1;
        int redirects = 0;
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(current)
                    .GET()
                    .timeout(settings.requestTimeout())
                    .header("Authorization", authorization)
                    .header("Accept", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .build();
            Optional<Duration> wait;
            // The request timeout of HttpClient ends with the headers; this deadline also covers a body that trickles
            // in.
            LimitedBody limited = new LimitedBody(MAX_BODY_BYTES);
            CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> limited);
            try {
                HttpResponse<byte[]> response =
                        exchange.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
                byte[] body = response.body();
                int status = response.statusCode();
                if (REDIRECTS.contains(status)) {
                    Optional<String> location = response.headers().firstValue("Location");
                    if (location.isEmpty()) {
                        return new Reply.Broken(
                                Reply.Trouble.REDIRECT_WITHOUT_LOCATION, current, "HTTP " + status, attempt);
                    }
                    Optional<URI> target = resolve(current, location.get());
                    if (target.isEmpty() || !origin.contains(target.get())) {
                        return new Reply.Broken(
                                Reply.Trouble.REDIRECT_ELSEWHERE,
                                current,
                                target.flatMap(Origin::of)
                                        .map(Origin::toString)
                                        .orElse("an address that is not http(s)"),
                                attempt);
                    }
                    if (++redirects > MAX_REDIRECTS) {
                        return new Reply.Broken(
                                Reply.Trouble.TOO_MANY_REDIRECTS, current, "more than " + MAX_REDIRECTS, attempt);
                    }
                    current = target.get();
                    continue;
                }
                Reply.Answer answer = new Reply.Answer(current, status, response.headers(), body, attempt);
                if (!retryable(status) || attempt >= settings.maxAttempts()) {
                    return answer;
                }
                int retry = attempt;
                Optional<Duration> asked = RetryAfter.in(response.headers(), settings.clock());
                if (asked.isPresent() && asked.get().compareTo(settings.maxRetryAfter()) > 0) {
                    return answer;
                }
                wait = Optional.of(asked.orElseGet(() -> backoff(retry)));
            } catch (TimeoutException e) {
                exchange.cancel(true);
                return new Reply.Broken(
                        Reply.Trouble.TIMEOUT,
                        current,
                        "no complete answer within " + Texts.duration(settings.requestTimeout()),
                        attempt);
            } catch (InterruptedException e) {
                exchange.cancel(true);
                Thread.currentThread().interrupt();
                return broken(Reply.Trouble.INTERRUPTED, current, e, attempt);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                // Cutting a body short may fail the exchange with the client's own error first (HTTP/2: "stream
                // cancelled").
                Reply.Trouble trouble = limited.exceeded() ? Reply.Trouble.TOO_LARGE : classify(cause);
                if (trouble == Reply.Trouble.TOO_LARGE) {
                    return new Reply.Broken(
                            trouble, current, "more than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB", attempt);
                }
                if (trouble != Reply.Trouble.RESET || attempt >= settings.maxAttempts()) {
                    return broken(trouble, current, cause, attempt);
                }
                wait = Optional.of(backoff(attempt));
            }
            try {
                settings.sleeper().sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return broken(Reply.Trouble.INTERRUPTED, current, e, attempt);
            }
            attempt++;
        }
    }

    static boolean retryable(int status) {
        return status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first): {@code initialBackoff × 2^(retry−1)}, capped at
     * {@code maxBackoff}, then jittered into its upper half so that clients failing together do not retry together.
     */
    Duration backoff(int retry) {
        Duration base = settings.initialBackoff();
        for (int i = 1; i < retry && base.compareTo(settings.maxBackoff()) < 0; i++) {
            base = base.multipliedBy(2);
        }
        if (base.compareTo(settings.maxBackoff()) > 0) {
            base = settings.maxBackoff();
        }
        double r;
        synchronized (randomLock) {
            r = settings.random().nextDouble();
        }
        long half = base.toNanos() / 2;
        return Duration.ofNanos(half + (long) (half * r));
    }

    private static Optional<URI> resolve(URI current, String location) {
        try {
            URI target = current.resolve(location.strip());
            return target.isAbsolute() ? Optional.of(target) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Reply.Trouble classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return Reply.Trouble.CONNECT_TIMEOUT;
            }
            if (t instanceof HttpTimeoutException) {
                return Reply.Trouble.TIMEOUT;
            }
            if (t instanceof UnknownHostException) {
                return Reply.Trouble.UNKNOWN_HOST;
            }
            if (t instanceof ConnectException) {
                return Reply.Trouble.REFUSED;
            }
            if (t instanceof SSLException) {
                return Reply.Trouble.TLS;
            }
        }
        if (e instanceof IOException || e.getCause() instanceof IOException) {
            return Reply.Trouble.RESET;
        }
        // Anything else from the HTTP client is a bug or a misconfiguration, not an answer: let it surface.
        throw new IllegalStateException("the HTTP client failed unexpectedly", e);
    }

    private static Reply.Broken broken(Reply.Trouble trouble, URI uri, Throwable e, int attempts) {
        String detail = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new Reply.Broken(trouble, uri, detail, attempts);
    }
}
