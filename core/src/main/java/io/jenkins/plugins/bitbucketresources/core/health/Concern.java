package io.jenkins.plugins.bitbucketresources.core.health;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.TokenKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One reason an integration credential needs an administrator's attention, with what to do about it. A concern never
 * holds the token. Its {@link #identity()} is what makes two concerns "the same" for dismissal: the kind and what
 * matters about it (the scopes missing, the expiry date), not when it was seen.
 */
public sealed interface Concern {

    enum Kind {
        /** The credential is an app password, which Atlassian removed. */
        APP_PASSWORD(Problem.Severity.ERROR),
        /** The API URL is {@code http://}: the token crosses the network unencrypted. */
        PLAIN_HTTP(Problem.Severity.WARNING),
        /** The credential's settings are not a valid integration for another reason. */
        INVALID_SETTINGS(Problem.Severity.ERROR),
        /** Bitbucket refused the token (HTTP 401) the last time it was used. */
        TOKEN_REFUSED(Problem.Severity.ERROR),
        /** Bitbucket said the token lacks a scope or permission (HTTP 403) the last time it was used. */
        MISSING_SCOPE(Problem.Severity.ERROR),
        /** The expiry date Bitbucket gave has passed. */
        EXPIRED(Problem.Severity.ERROR),
        /** The expiry date Bitbucket gave is near. */
        EXPIRES_SOON(Problem.Severity.WARNING);

        private final Problem.Severity severity;

        Kind(Problem.Severity severity) {
            this.severity = severity;
        }

        /** Whether a concern of this kind stops builds (an error) or is only worth knowing (a warning). */
        public Problem.Severity severity() {
            return severity;
        }
    }

    Kind kind();

    default Problem.Severity severity() {
        return kind().severity();
    }

    /** What is wrong and what to do, for an administrator; never the token. */
    String message();

    /** What must change for this to count as a different concern. */
    default String identity() {
        return kind().name();
    }

    record AppPassword() implements Concern {
        @Override
        public Kind kind() {
            return Kind.APP_PASSWORD;
        }

        @Override
        public String message() {
            return "This credential is an app password: " + TokenKind.APP_PASSWORD_REMOVED + ".";
        }
    }

    /** @param url the API URL as configured (it holds no credentials: integrations refuse a URL with a user part) */
    record PlainHttp(String url) implements Concern {
        public PlainHttp {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public Kind kind() {
            return Kind.PLAIN_HTTP;
        }

        @Override
        public String message() {
            return "The API URL " + url
                    + " is http://, so the token travels unencrypted and anyone on the network path can read it: "
                    + "use the https:// address of Bitbucket.";
        }
    }

    /** @param problems what the engine found wrong with the settings */
    record InvalidSettings(List<Problem> problems) implements Concern {
        public InvalidSettings {
            problems = List.copyOf(problems);
        }

        @Override
        public Kind kind() {
            return Kind.INVALID_SETTINGS;
        }

        @Override
        public String message() {
            return "The credential is not a usable integration, so every build that uses it fails: "
                    + problems.stream()
                            .filter(Problem::isError)
                            .map(Problem::toString)
                            .collect(Collectors.joining("; "))
                    + ".";
        }

        @Override
        public String identity() {
            return kind() + ":" + problems.stream().map(Problem::toString).collect(Collectors.joining("|"));
        }
    }

    /**
     * Bitbucket refused the token. The sentence is this concern's own, about the credential as saved: whatever learnt of
     * the refusal (a build, the periodic check, <em>Test connection</em> on the credential's form) worded it for its
     * own reader.
     *
     * @param at when Bitbucket refused it
     */
    record TokenRefused(Instant at) implements Concern {
        public TokenRefused {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Kind kind() {
            return Kind.TOKEN_REFUSED;
        }

        @Override
        public String message() {
            return "Bitbucket refused the token (HTTP 401) the last time it was used, at " + minute(at)
                    + ": it is wrong, expired or "
                    + "revoked, or (for an API token) the username is not the e-mail address of the Atlassian account that owns it. "
                    + "Create a new token and store it in this credential, or correct the username.";
        }
    }

    /**
     * Bitbucket refused a request for lack of a scope or permission. The sentence is this concern's own, about the
     * credential as saved, as for {@link TokenRefused}.
     *
     * @param required the scopes Bitbucket said the request needs; empty when it did not name them
     * @param granted the scopes Bitbucket said the token has; empty when it did not say
     */
    record MissingScope(List<String> required, List<String> granted, Instant at) implements Concern {
        public MissingScope {
            required = List.copyOf(required);
            granted = List.copyOf(granted);
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Kind kind() {
            return Kind.MISSING_SCOPE;
        }

        @Override
        public String message() {
            String when = " (HTTP 403) the last time the token was used, at " + minute(at) + ": ";
            if (required.isEmpty()) {
                return "Bitbucket refused a request for lack of a scope or permission" + when
                        + "give the token read access to the "
                        + "repositories its resources use (on Bitbucket Cloud, the scope read:repository:bitbucket), or check whether "
                        + "access is restricted, e.g. by IP allowlisting; a new token goes into this credential.";
            }
            String needed = String.join(", ", required);
            return "Bitbucket refused a request for lack of the scope " + needed + when
                    + "create a token that also has " + needed
                    + (granted.isEmpty() ? "" : " (it has " + String.join(", ", granted) + ")")
                    + " and store it in this credential.";
        }

        @Override
        public String identity() {
            return kind() + ":" + String.join(",", required);
        }
    }

    record Expired(Instant at) implements Concern {
        public Expired {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Kind kind() {
            return Kind.EXPIRED;
        }

        @Override
        public String message() {
            return "The token expired on " + minute(at)
                    + " (the expiry date Bitbucket gives it): create a new token and store it in " + "this credential.";
        }

        @Override
        public String identity() {
            return kind() + ":" + at;
        }
    }

    record ExpiresSoon(Instant at) implements Concern {
        public ExpiresSoon {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Kind kind() {
            return Kind.EXPIRES_SOON;
        }

        @Override
        public String message() {
            return "The token expires on " + minute(at)
                    + " (the expiry date Bitbucket gives it; it cannot be extended): create a new "
                    + "token before then and store it in this credential.";
        }

        @Override
        public String identity() {
            return kind() + ":" + at;
        }
    }

    private static String minute(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(at.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
    }
}
