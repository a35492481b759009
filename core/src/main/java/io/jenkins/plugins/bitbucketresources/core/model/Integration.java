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
public record Integration(String id, ApiUrl url, Optional<String> username, Platform platform, TokenKind kind, Token token) {

    public Integration {
        id = checkId(id);
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(token, "token");
        username = username.map(String::strip).filter(u -> !u.isEmpty());
        kind.checkFits(platform, username, token);
    }

    /** The base every REST path of this integration is appended to. */
    public String restBase() {
        return url.restBase(platform);
    }

    public static String checkId(String raw) {
        String id = raw.strip();
        if (id.isEmpty()) {
            throw new InvalidValueException("id", "is empty: give the integration an ID that resources refer to, e.g. `bitbucket-cloud`");
        }
        if (id.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidValueException("id", "`" + id + "` contains whitespace: use letters, digits, `-`, `_` or `.`, e.g. `bitbucket-cloud`");
        }
        return id;
    }

    @Override
    public String toString() {
        return "Integration[id=" + id + ", url=" + url + ", username=" + username.orElse("") + ", platform=" + platform.id()
                + ", kind=" + kind.id() + ", token=" + Token.MASK + "]";
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

        private Builder() {
        }

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
            Optional<TokenKind> chosenKind = kind.isPresent() ? attempt(problems, () -> TokenKind.parse(kind.get())) : Optional.empty();
            Optional<Token> checkedToken;
            if (token.isEmpty()) {
                problems.add(Problem.error(Token.FIELD, "is missing: give the integration its token"));
                checkedToken = Optional.empty();
            } else {
                checkedToken = attempt(problems, token.get());
            }
            if (problems.stream().anyMatch(Problem::isError) || checkedPlatform.isEmpty() || checkedToken.isEmpty()) {
                return Validated.of(null, problems);
            }
            Optional<TokenKind> checkedKind = chosenKind.isPresent() || kind.isPresent()
                    ? chosenKind
                    : attempt(problems, () -> TokenKind.detect(checkedPlatform.get(), username, checkedToken.get()));
            if (checkedKind.isEmpty()) {
                return Validated.of(null, problems);
            }
            Optional<Integration> integration = attempt(problems, () -> new Integration(checkedId.orElseThrow(), checkedUrl.orElseThrow(),
                    username, checkedPlatform.get(), checkedKind.get(), checkedToken.get()));
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
