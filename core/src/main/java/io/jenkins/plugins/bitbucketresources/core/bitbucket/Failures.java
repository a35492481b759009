package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Platform;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Turns an answer Bitbucket did not mean as success (or the lack of one) into an {@link Outcome.Failure} whose message
 * says what is wrong and how to fix it. Every message passes through {@link Redactor} last.
 */
final class Failures {

    private final ClientSettings settings;
    private final Json json;

    Failures(ClientSettings settings, Json json) {
        this.settings = settings;
        this.json = json;
    }

    /** A final HTTP answer that is not a success. */
    <T> Outcome.Failure<T> from(Integration integration, Subject subject, Reply.Answer answer) {
        Redactor redactor = new Redactor(integration);
        ErrorBody body = ErrorBody.read(json, redactor::redact, answer.contentType(), answer.body());
        int status = answer.status();
        String where = "HTTP " + status + " for GET " + answer.uri() + said(body);
        String platform = integration.platform().displayName();
        if (status == 401) {
            return new Outcome.InvalidToken<>(redactor.redact(
                    platform + " refused " + theToken(integration) + " (" + where + "). " + tokenAdvice(integration)));
        }
        if (status == 429 || (status == 403 && body.mentionsRateLimit())) {
            return rateLimited(integration, subject, answer, where, redactor);
        }
        if (status == 403) {
            if (!body.requiredScopes().isEmpty()) {
                String needed = String.join(", ", body.requiredScopes());
                String has =
                        body.grantedScopes().isEmpty() ? "no scope listed" : String.join(", ", body.grantedScopes());
                return new Outcome.MissingScope<>(
                        body.requiredScopes(),
                        body.grantedScopes(),
                        redactor.redact(platform + " refused "
                                + subject.what() + " to " + holder(integration) + ": the token lacks the scope "
                                + needed + " (HTTP 403 for GET "
                                + answer.uri() + "; the token has " + has + "). Create a token that also has " + needed
                                + " and " + storeIt() + "."));
            }
            return new Outcome.MissingScope<>(
                    body.requiredScopes(),
                    body.grantedScopes(),
                    redactor.redact(platform + " refused " + subject.what()
                            + " to " + holder(integration) + " (" + where
                            + "): the token lacks a scope or permission this needs, or access "
                            + "is restricted (e.g. by IP allowlisting). " + permissionAdvice(integration.platform())));
        }
        if (status == 404) {
            return new Outcome.NotFound<>(redactor.redact(platform + ": " + subject.what()
                    + " was not found or is not visible to this token (" + where + "). " + subject.notFoundAdvice()));
        }
        if (status >= 500 && status <= 599) {
            return new Outcome.ServerError<>(
                    status,
                    redactor.redact(platform + " failed to answer " + subject.what() + ": " + where
                            + attempts(answer.attempts())
                            + ". The fault is on the server (or a proxy in front of it): try again later, and tell "
                            + "the Bitbucket administrator if it persists."));
        }
        if (status == 407) {
            return new Outcome.Unreachable<>(
                    redactor.redact("A proxy between here and " + Exchanges.origin(integration) + " refused the "
                            + "request for " + subject.what() + ": it asks for authentication (HTTP 407 for GET "
                            + answer.uri() + "). Check the "
                            + "proxy's credentials."
                            + settings.proxyAdvice().map(advice -> " " + advice).orElse("")));
        }
        return new Outcome.UnexpectedAnswer<>(redactor.redact(platform + " answered " + subject.what() + " with "
                + where + ", which " + "Bitbucket does not send for this request. " + urlAdvice(integration)));
    }

    /** A success status whose body is not what Bitbucket sends. */
    <T> Outcome.Failure<T> unexpected(Integration integration, Subject subject, Reply.Answer answer, String reason) {
        Redactor redactor = new Redactor(integration);
        String type = answer.contentType()
                .map(t -> ", " + Texts.clip(redactor.redact(t), 80))
                .orElse("");
        return new Outcome.UnexpectedAnswer<>(
                redactor.redact(integration.platform().displayName() + ": the answer about "
                        + subject.what() + " (HTTP " + answer.status() + type + " for GET " + answer.uri()
                        + ") is not what Bitbucket sends: " + reason
                        + ". " + urlAdvice(integration)));
    }

    /** No usable answer came. */
    <T> Outcome.Failure<T> from(Integration integration, Subject subject, Reply.Broken broken) {
        Redactor redactor = new Redactor(integration);
        Origin origin = Exchanges.origin(integration);
        String what = subject.what();
        String detail = Texts.clip(redactor.redact(broken.detail()), 200);
        return switch (broken.trouble()) {
            case TIMEOUT ->
                new Outcome.Timeout<>(redactor.redact(origin + " did not answer about " + what + " within "
                        + Texts.duration(settings.requestTimeout()) + " (GET " + broken.uri()
                        + "). The server or a proxy is slow or drops the "
                        + "request: check the network path, then try again."));
            case CONNECT_TIMEOUT ->
                new Outcome.Timeout<>(redactor.redact("Could not connect to " + origin + " in time to read " + what
                        + ". Check the integration URL (host and port), firewalls and the proxy settings."));
            case INTERRUPTED ->
                new Outcome.Timeout<>(redactor.redact("The request for " + what + " was interrupted before " + origin
                        + " answered (the build or command was stopped); this says nothing about the integration."));
            case REFUSED ->
                new Outcome.Unreachable<>(
                        redactor.redact(
                                "Cannot connect to " + origin + " to read " + what + ": the connection "
                                        + "was refused (" + detail
                                        + "). Check the integration URL (host and port), that Bitbucket is running, and the proxy settings."));
            case UNKNOWN_HOST ->
                new Outcome.Unreachable<>(redactor.redact(
                        "Cannot connect to " + origin + " to read " + what + ": the host `" + origin.host()
                                + "` is unknown. Check the integration URL, DNS, and the proxy settings."));
            case TLS ->
                new Outcome.Unreachable<>(
                        redactor.redact("Cannot connect securely to " + origin + " to read " + what + ": TLS failed ("
                                + detail
                                + "). If Bitbucket's certificate comes from your own certificate authority, add that authority to the trust "
                                + "store of the Java that runs this."));
            case RESET ->
                new Outcome.Unreachable<>(redactor.redact("The connection to " + origin
                        + " was closed or reset while reading " + what + attempts(broken.attempts()) + " (" + detail
                        + "). Check the network path and any proxy between here and Bitbucket."));
            case REDIRECT_ELSEWHERE ->
                new Outcome.UnexpectedAnswer<>(redactor.redact(origin + " redirected the request for " + what + " (GET "
                        + broken.uri() + ") to " + detail
                        + ". The token is never sent to another host, so the redirect was not followed: if "
                        + "Bitbucket moved, set the integration URL to its new address."));
            case REDIRECT_WITHOUT_LOCATION ->
                new Outcome.UnexpectedAnswer<>(redactor.redact(
                        origin + " answered the request for " + what + " (GET " + broken.uri() + ") with a redirect ("
                                + detail + ") that says nowhere to go. " + urlAdvice(integration)));
            case TOO_MANY_REDIRECTS ->
                new Outcome.UnexpectedAnswer<>(redactor.redact(origin + " redirected the request for " + what + " (GET "
                        + broken.uri() + ") " + detail + " times. " + urlAdvice(integration)));
            case TOO_LARGE ->
                new Outcome.UnexpectedAnswer<>(redactor.redact("The answer about " + what + " (GET " + broken.uri()
                        + ") is " + detail + " long, far more than Bitbucket sends. " + urlAdvice(integration)));
        };
    }

    /** A failure found while reading, not tied to one answer (a paging that does not end, say). */
    <T> Outcome.Failure<T> unexpected(Integration integration, Subject subject, String reason) {
        return new Outcome.UnexpectedAnswer<>(new Redactor(integration)
                .redact(integration.platform().displayName() + ": the answers about " + subject.what()
                        + " are not what Bitbucket sends: " + reason + ". " + urlAdvice(integration)));
    }

    /** A request that was not sent because what it asks for cannot exist on this platform. */
    <T> Outcome.Failure<T> invalid(Integration integration, Subject subject, String problem) {
        return new Outcome.NotFound<>(new Redactor(integration)
                .redact(integration.platform().displayName() + ": " + subject.what() + " cannot exist: " + problem
                        + " (nothing was sent to Bitbucket)."));
    }

    /** Bitbucket answered, but what was sought is not in the answers (a branch missing from every page, say). */
    <T> Outcome.Failure<T> notFound(Integration integration, Subject subject, String detail) {
        return new Outcome.NotFound<>(new Redactor(integration)
                .redact(integration.platform().displayName() + ": " + subject.what()
                        + " was not found or is not visible to this token (" + detail + "). "
                        + subject.notFoundAdvice()));
    }

    /** What was sought is not in the pages read, and the listing was cut at the page limit: it may be further on. */
    <T> Outcome.Failure<T> listingCut(Integration integration, Subject subject, String detail) {
        return new Outcome.ListingCut<>(
                BitbucketClient.MAX_PAGES,
                new Redactor(integration)
                        .redact(integration.platform().displayName()
                                + ": "
                                + subject.what() + " is not in the part of the listing that was read: " + detail + ". "
                                + subject.notFoundAdvice()));
    }

    /** The same failure with one more sentence of advice. */
    static <T> Outcome.Failure<T> withAdvice(Outcome.Failure<T> failure, String sentence) {
        String message = failure.message() + " " + sentence;
        if (failure instanceof Outcome.InvalidToken) {
            return new Outcome.InvalidToken<>(message);
        }
        if (failure instanceof Outcome.MissingScope<T> scope) {
            return new Outcome.MissingScope<>(scope.requiredScopes(), scope.grantedScopes(), message);
        }
        if (failure instanceof Outcome.NotFound) {
            return new Outcome.NotFound<>(message);
        }
        if (failure instanceof Outcome.ListingCut<T> cut) {
            return new Outcome.ListingCut<>(cut.pagesRead(), message);
        }
        if (failure instanceof Outcome.RateLimited<T> limited) {
            return new Outcome.RateLimited<>(limited.retryAt(), message);
        }
        if (failure instanceof Outcome.ServerError<T> error) {
            return new Outcome.ServerError<>(error.status(), message);
        }
        if (failure instanceof Outcome.Unreachable) {
            return new Outcome.Unreachable<>(message);
        }
        if (failure instanceof Outcome.Timeout) {
            return new Outcome.Timeout<>(message);
        }
        return new Outcome.UnexpectedAnswer<>(message);
    }

    private <T> Outcome.Failure<T> rateLimited(
            Integration integration, Subject subject, Reply.Answer answer, String where, Redactor redactor) {
        Instant now = settings.clock().instant();
        Optional<Duration> wait = RetryAfter.in(answer.headers(), settings.clock());
        Optional<Instant> retryAt = wait.map(w -> now.plus(w).truncatedTo(ChronoUnit.SECONDS));
        String when;
        // A form's client never waits, so it only says when to try again.
        if (wait.isPresent() && !settings.interactive() && wait.get().compareTo(settings.maxRetryAfter()) > 0) {
            when = "Bitbucket asks to wait until " + retryAt.orElseThrow() + " (" + Texts.duration(wait.get())
                    + "), longer than this client " + "waits (" + Texts.duration(settings.maxRetryAfter())
                    + "): try again after that.";
        } else if (retryAt.isPresent()) {
            when = "Bitbucket asks to wait until " + retryAt.get() + ": try again after that.";
        } else if (integration.platform() == Platform.CLOUD) {
            when =
                    "Bitbucket did not say when to retry; Bitbucket Cloud allows about 1,000 repository requests an hour per token or user: "
                            + "try again later, and give this integration a token of its own.";
        } else {
            when =
                    "Bitbucket did not say when to retry: try again later, or ask the Bitbucket administrator about the rate limit settings.";
        }
        return new Outcome.RateLimited<>(
                retryAt,
                redactor.redact(integration.platform().displayName() + " rate limit reached while reading "
                        + subject.what() + " (" + where + attempts(answer.attempts()) + "). " + when));
    }

    private static String said(ErrorBody body) {
        if (body.html()) {
            return "; the answer is an HTML page";
        }
        return body.message().map(m -> "; Bitbucket said: \"" + m + "\"").orElse("");
    }

    private static String attempts(int attempts) {
        return attempts > 1 ? ", after " + attempts + " attempts" : "";
    }

    /**
     * Which token Bitbucket refused: on a form the integration is the one being edited, and its ID is not saved (or not
     * typed) yet, so the message speaks of the token in front of the person.
     */
    private String theToken(Integration integration) {
        return settings.interactive() ? "this token" : "the token of integration `" + integration.id() + "`";
    }

    /** Whom Bitbucket refused something to. */
    private String holder(Integration integration) {
        return settings.interactive() ? "this token" : "integration `" + integration.id() + "`";
    }

    /** Where a new token goes. */
    private String storeIt() {
        return settings.interactive() ? "enter it here" : "store it in the integration";
    }

    private String tokenAdvice(Integration integration) {
        return switch (integration.kind()) {
            case CLOUD_API_TOKEN ->
                "The API token is wrong, expired or revoked, or `"
                        + integration.username().orElse("")
                        + "` is not the e-mail address of the Atlassian account that owns it: check the username, or create a new API token with "
                        + "Bitbucket scopes (Atlassian account settings > Security > API tokens) and " + storeIt()
                        + ".";
            case CLOUD_ACCESS_TOKEN ->
                "The access token is wrong, expired or revoked, or cannot be used for this request: create a new "
                        + "repository, project or workspace access token (its settings > Access tokens) and "
                        + storeIt() + ".";
            case DATA_CENTER_PERSONAL_TOKEN ->
                "The HTTP access token is wrong, expired or revoked, or its user `"
                        + integration.username().orElse("")
                        + "` is disabled: create a new one (Manage account > HTTP access tokens) and "
                        + storeIt() + ".";
            case DATA_CENTER_PROJECT_TOKEN ->
                "The HTTP access token is wrong, expired or revoked: create a new one (project or repository "
                        + "settings > HTTP access tokens) and " + storeIt() + ".";
        };
    }

    private static String permissionAdvice(Platform platform) {
        if (platform == Platform.CLOUD) {
            return "An API token needs the scope read:repository:bitbucket (and read:user:bitbucket to show who it acts as); an access "
                    + "token must belong to this repository, its project or its workspace.";
        }
        return "Give the token at least read access to the repository (Project read or Repository read), or use a token of a user who "
                + "can read it.";
    }

    private static String urlAdvice(Integration integration) {
        String example = integration.platform() == Platform.CLOUD
                ? "https://api.bitbucket.org/2.0"
                : "the server's base URL, e.g. https://bitbucket.example.com";
        return "Check that the integration URL (" + integration.url() + ") and platform ("
                + integration.platform().id() + ") point at the " + "Bitbucket API (" + example
                + "), not at a web page or a proxy's login page.";
    }
}
