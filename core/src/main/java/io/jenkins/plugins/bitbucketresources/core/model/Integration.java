package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A Bitbucket integration: where the API is, the token, and the username or e-mail when the token kind needs one.
 * Immutable and valid by construction; {@link #builder()} collects every problem of raw input at once.
 */
public record Integration(
        String id, ApiUrl url, Optional<String> username, Platform platform, TokenKind kind, Token token) {

    public static final String ID_FIELD = "id";
    public static final String USERNAME_FIELD = "username";

    public Integration {
        id = checkId(id);
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(token, "token");
        username = username.map(Integration::checkUsername).filter(u -> !u.isEmpty());
        kind.checkFits(platform, username, token);
    }

    /** The base every REST path of this integration is appended to. */
    public String restBase() {
        return url.restBase(platform);
    }

    public static String checkId(String raw) {
        String id = raw.strip();
        if (id.isEmpty()) {
            throw new InvalidValueException(
                    ID_FIELD, "is empty: give the integration an ID that resources refer to, e.g. `bitbucket-cloud`");
        }
        if (id.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidValueException(
                    ID_FIELD,
                    "`" + id + "` contains whitespace: use letters, digits, `-`, `_` or `.`, e.g. `bitbucket-cloud`");
        }
        return id;
    }

    /**
     * A username or e-mail, stripped; empty means none. It travels in HTTP Basic authentication and to git, so it cannot
     * hold a control character or a {@code :}. The messages do not repeat the value: a {@code user:password} pasted
     * here must not end up in a log.
     */
    public static String checkUsername(String raw) {
        String username = raw.strip();
        if (username.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(
                    USERNAME_FIELD,
                    "contains a line break or another control character: write the "
                            + "username or e-mail on its own, e.g. `ci-bot@example.com`");
        }
        if (username.indexOf(':') >= 0) {
            throw new InvalidValueException(
                    USERNAME_FIELD,
                    "contains `:`, which HTTP authentication cannot carry in a username: "
                            + "write only the username or e-mail, and put the token in the token field");
        }
        return username;
    }

    @Override
    public String toString() {
        return "Integration[id=" + id + ", url=" + url + ", username=" + username.orElse("") + ", platform="
                + platform.id() + ", kind=" + kind.id() + ", token=" + Token.MASK + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Raw values in, a valid integration or every problem out. Unset optional fields are detected. */
    public static final class Builder {
        private String id = "";
        private String url = ApiUrl.CLOUD_API;
        private Optional<String> username = Optional.empty();
        private Optional<String> platform = Optional.empty();
        private Optional<String> kind = Optional.empty();
        private Optional<Supplier<Token>> token = Optional.empty();

        private Builder() {}

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder url(String value) {
            this.url = value;
            return this;
        }

        public Builder username(String value) {
            this.username = Optional.of(value).map(String::strip).filter(v -> !v.isEmpty());
            return this;
        }

        public Builder platform(String value) {
            this.platform = Optional.of(value).map(String::strip).filter(v -> !v.isEmpty());
            return this;
        }

        public Builder kind(String value) {
            this.kind = Optional.of(value).map(String::strip).filter(v -> !v.isEmpty());
            return this;
        }

        public Builder token(Token value) {
            this.token = Optional.of(() -> value);
            return this;
        }

        /** A token given as text; its problems are reported like any other field's. */
        public Builder token(String raw) {
            this.token = Optional.of(() -> Token.of(raw));
            return this;
        }

        public Validated<Integration> build() {
            List<Problem> problems = new ArrayList<>();
            Optional<String> checkedId = attempt(problems, () -> checkId(id));
            Optional<ApiUrl> checkedUrl = attempt(problems, () -> ApiUrl.parse(url));
            Optional<Platform> checkedPlatform = platform.isPresent()
                    ? attempt(problems, () -> Platform.parse(platform.get()))
                    : checkedUrl.map(Platform::detect);
            int beforeUsername = problems.size();
            Optional<String> checkedUsername = username.flatMap(u -> attempt(problems, () -> checkUsername(u)));
            boolean usernameValid = problems.size() == beforeUsername;
            Optional<TokenKind> chosenKind = kind.flatMap(k -> attempt(problems, () -> TokenKind.parse(k)));
            Optional<Token> checkedToken;
            if (token.isEmpty()) {
                problems.add(Problem.error(Token.FIELD, "is missing: give the integration its token"));
                checkedToken = Optional.empty();
            } else {
                checkedToken = attempt(problems, token.get());
            }
            // The kind is checked whenever what it depends on is valid, so a bad ID or URL does not hide a token
            // problem.
            boolean kindUsable = kind.isEmpty() || chosenKind.isPresent();
            Optional<TokenKind> checkedKind = Optional.empty();
            if (checkedPlatform.isPresent() && checkedToken.isPresent() && usernameValid && kindUsable) {
                Platform knownPlatform = checkedPlatform.get();
                Token knownToken = checkedToken.get();
                checkedKind = chosenKind.isPresent()
                        ? attempt(problems, () -> {
                            chosenKind.get().checkFits(knownPlatform, checkedUsername, knownToken);
                            return chosenKind.get();
                        })
                        : attempt(problems, () -> TokenKind.detect(knownPlatform, checkedUsername, knownToken));
            }
            if (problems.stream().anyMatch(Problem::isError) || checkedKind.isEmpty()) {
                return new Validated.Invalid<>(problems);
            }
            TokenKind finalKind = checkedKind.get();
            Optional<Integration> integration = attempt(
                    problems,
                    () -> new Integration(
                            checkedId.orElseThrow(),
                            checkedUrl.orElseThrow(),
                            checkedUsername,
                            checkedPlatform.orElseThrow(),
                            finalKind,
                            checkedToken.orElseThrow()));
            return Validated.of(integration.orElse(null), problems);
        }
    }

    static <T> Optional<T> attempt(List<Problem> problems, Supplier<T> step) {
        try {
            return Optional.of(step.get());
        } catch (InvalidValueException e) {
            problems.add(e.toProblem());
            return Optional.empty();
        }
    }
}
