package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kinds of token Bitbucket accepts in 2026, with how each one authenticates. App passwords are not among them:
 * Atlassian removed them on 2026-07-28, and they are refused with a message naming what to use instead.
 */
public enum TokenKind {
    /** A scoped API token of an Atlassian account; Basic {@code email:token}. */
    CLOUD_API_TOKEN(
            "apiToken",
            Platform.CLOUD,
            "API token (Atlassian account)",
            Authentication.BASIC,
            Optional.of("x-bitbucket-api-token-auth")),
    /** A repository, project or workspace access token; Bearer. */
    CLOUD_ACCESS_TOKEN(
            "accessToken",
            Platform.CLOUD,
            "Repository, project or workspace access token",
            Authentication.BEARER,
            Optional.of("x-token-auth")),
    /** A personal HTTP access token of a Data Center user; Bearer, and the user's name for git over HTTPS. */
    DATA_CENTER_PERSONAL_TOKEN(
            "personalHttpToken",
            Platform.DATA_CENTER,
            "Personal HTTP access token",
            Authentication.BEARER,
            Optional.empty()),
    /** A project or repository HTTP access token of Data Center; Bearer only, git needs an extra header. */
    DATA_CENTER_PROJECT_TOKEN(
            "projectHttpToken",
            Platform.DATA_CENTER,
            "Project or repository HTTP access token",
            Authentication.BEARER,
            Optional.empty());

    public static final String FIELD = "kind";
    public static final String APP_PASSWORD_REMOVED =
            "app passwords were removed by Atlassian on 2026-07-28 and no longer work: "
                    + "create an API token (Atlassian account settings > Security > API tokens, with Bitbucket scopes) and set the username "
                    + "to your Atlassian account e-mail, or create a repository, project or workspace access token (repository or "
                    + "workspace settings > Access tokens) and leave the username empty";

    private static final String USERNAME_FIELD = Integration.USERNAME_FIELD;
    private static final String ACCESS_TOKEN_TAKES_NO_USERNAME =
            "a repository, project or workspace access token, which "
                    + "authenticates without a username: leave the username empty; if you meant an API token of your Atlassian account "
                    + "(it starts with `ATATT`), use that token with this e-mail instead";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String DATA_CENTER_TOKEN_PREFIX = "BBDC-";
    private static final String CLOUD_API_TOKEN_PREFIX = "ATATT";
    private static final String CLOUD_ACCESS_TOKEN_PREFIX = "ATCTT";
    private static final String APP_PASSWORD_PREFIX = "ATBB";

    /** How the token goes into an API request. */
    public enum Authentication {
        BASIC,
        BEARER
    }

    private final String id;
    private final Platform platform;
    private final String displayName;
    private final Authentication authentication;
    private final Optional<String> fixedGitUsername;

    TokenKind(
            String id,
            Platform platform,
            String displayName,
            Authentication authentication,
            Optional<String> fixedGitUsername) {
        this.id = id;
        this.platform = platform;
        this.displayName = displayName;
        this.authentication = authentication;
        this.fixedGitUsername = fixedGitUsername;
    }

    public String id() {
        return id;
    }

    public Platform platform() {
        return platform;
    }

    public String displayName() {
        return displayName;
    }

    public Authentication authentication() {
        return authentication;
    }

    /** The user name git sends with the token over HTTPS; empty when git has to send a Bearer header instead. */
    public Optional<String> gitUsername(Optional<String> username) {
        if (fixedGitUsername.isPresent()) {
            return fixedGitUsername;
        }
        return this == DATA_CENTER_PERSONAL_TOKEN ? username : Optional.empty();
    }

    public static boolean isEmailAddress(String username) {
        return EMAIL.matcher(username).matches();
    }

    public static TokenKind parse(String raw) {
        String wanted = raw.trim();
        if (namesAppPassword(wanted)) {
            throw new InvalidValueException(FIELD, "`" + wanted + "`: " + APP_PASSWORD_REMOVED);
        }
        for (TokenKind kind : values()) {
            if (kind.id.equalsIgnoreCase(wanted) || kind.name().equalsIgnoreCase(wanted)) {
                return kind;
            }
        }
        throw new InvalidValueException(
                FIELD,
                "`" + raw + "` is not a token kind: use one of "
                        + Arrays.stream(values()).map(k -> "`" + k.id + "`").collect(Collectors.joining(", "))
                        + ", or leave it out to detect it");
    }

    /**
     * The kind a token is, from what can be seen: its platform, whether a username is set and whether it is an e-mail,
     * and the prefixes Atlassian gives its tokens. Refuses what cannot work (app passwords, a token of the other
     * platform).
     */
    public static TokenKind detect(Platform platform, Optional<String> username, Token token) {
        rejectForeignToken(platform, token);
        if (platform == Platform.DATA_CENTER) {
            return username.isPresent() ? DATA_CENTER_PERSONAL_TOKEN : DATA_CENTER_PROJECT_TOKEN;
        }
        if (token.startsWith(CLOUD_ACCESS_TOKEN_PREFIX)) {
            if (username.isPresent()) {
                throw new InvalidValueException(
                        USERNAME_FIELD,
                        "is set, but the token starts with `" + CLOUD_ACCESS_TOKEN_PREFIX + "`, which marks "
                                + ACCESS_TOKEN_TAKES_NO_USERNAME);
            }
            return CLOUD_ACCESS_TOKEN;
        }
        if (username.isPresent()) {
            if (isEmailAddress(username.get())) {
                return CLOUD_API_TOKEN;
            }
            throw new InvalidValueException(
                    USERNAME_FIELD,
                    "`" + username.get() + "` is not an e-mail address. A Bitbucket Cloud "
                            + "username with a token is how app passwords were used, and " + APP_PASSWORD_REMOVED);
        }
        if (token.startsWith(CLOUD_API_TOKEN_PREFIX)) {
            throw new InvalidValueException(
                    USERNAME_FIELD,
                    "is required: this is an Atlassian API token, which authenticates "
                            + "together with the e-mail address of its Atlassian account; set the username to that e-mail");
        }
        return CLOUD_ACCESS_TOKEN;
    }

    /**
     * Whether settings describe an app password, which stopped working on 2026-07-28: the kind says so, or a Cloud
     * token starts with the app-password prefix, or a Cloud token (not an access token) goes with a username that is not
     * an e-mail, which is how app passwords were used.
     *
     * @param kind the kind as written, if any
     */
    public static boolean isAppPassword(
            Optional<String> kind, Platform platform, Optional<String> username, Token token) {
        if (kind.map(String::strip).filter(TokenKind::namesAppPassword).isPresent()) {
            return true;
        }
        if (platform != Platform.CLOUD) {
            return false;
        }
        return token.startsWith(APP_PASSWORD_PREFIX)
                || (username.filter(u -> !u.isBlank()).isPresent()
                        && !isEmailAddress(username.get().strip())
                        && !token.startsWith(CLOUD_ACCESS_TOKEN_PREFIX)
                        && !token.startsWith(CLOUD_API_TOKEN_PREFIX));
    }

    /** Whether a kind as written is the removed app password. */
    private static boolean namesAppPassword(String kind) {
        return kind.equalsIgnoreCase("appPassword") || kind.equalsIgnoreCase("app-password");
    }

    /** Checks a kind the administrator chose against the rest of the integration. */
    public void checkFits(Platform platform, Optional<String> username, Token token) {
        rejectForeignToken(platform, token);
        if (this.platform != platform) {
            throw new InvalidValueException(
                    FIELD,
                    "`" + id + "` is a " + this.platform.displayName() + " token kind, but the "
                            + "integration is " + platform.displayName() + ": pick a " + platform.displayName()
                            + " kind ("
                            + Arrays.stream(values())
                                    .filter(k -> k.platform == platform)
                                    .map(k -> "`" + k.id + "`")
                                    .collect(Collectors.joining(" or "))
                            + ") or fix the URL/platform");
        }
        if (this == CLOUD_API_TOKEN && token.startsWith(CLOUD_ACCESS_TOKEN_PREFIX)) {
            throw new InvalidValueException(
                    FIELD,
                    "is `" + id + "`, but the token starts with `" + CLOUD_ACCESS_TOKEN_PREFIX
                            + "`, which marks a repository, project or workspace access token: set the kind to `"
                            + CLOUD_ACCESS_TOKEN.id
                            + "` and leave the username empty, or leave the kind out");
        }
        if (this == CLOUD_ACCESS_TOKEN && token.startsWith(CLOUD_API_TOKEN_PREFIX)) {
            throw new InvalidValueException(
                    FIELD,
                    "is `" + id + "`, but the token starts with `" + CLOUD_API_TOKEN_PREFIX
                            + "`, which marks an Atlassian API token: set the kind to `" + CLOUD_API_TOKEN.id
                            + "` and the username to the e-mail of its Atlassian account, or leave the kind out");
        }
        if (this == CLOUD_API_TOKEN && (username.isEmpty() || !isEmailAddress(username.get()))) {
            throw new InvalidValueException(
                    USERNAME_FIELD,
                    (username.isEmpty() ? "is empty" : "`" + username.get() + "` is not an e-mail address")
                            + ": an API token authenticates with the e-mail address of the Atlassian account that owns it; set the username to that e-mail");
        }
        if (this == CLOUD_ACCESS_TOKEN && username.isPresent()) {
            throw new InvalidValueException(
                    USERNAME_FIELD, "is set, but the kind `" + id + "` is " + ACCESS_TOKEN_TAKES_NO_USERNAME);
        }
        if (this == DATA_CENTER_PERSONAL_TOKEN && username.isEmpty()) {
            throw new InvalidValueException(
                    USERNAME_FIELD,
                    "is required for a personal HTTP access token: set it to the Bitbucket "
                            + "user the token belongs to (git over HTTPS sends it)");
        }
        if (this == DATA_CENTER_PROJECT_TOKEN && username.isPresent()) {
            throw new InvalidValueException(
                    USERNAME_FIELD,
                    "is set, but a project or repository HTTP access token belongs to no user: "
                            + "leave the username empty, or set the kind to `" + DATA_CENTER_PERSONAL_TOKEN.id
                            + "` if the token is this user's personal token");
        }
    }

    private static void rejectForeignToken(Platform platform, Token token) {
        if (platform == Platform.CLOUD && token.startsWith(APP_PASSWORD_PREFIX)) {
            throw new InvalidValueException(
                    Token.FIELD,
                    "looks like an app password (it starts with `" + APP_PASSWORD_PREFIX + "`); "
                            + APP_PASSWORD_REMOVED);
        }
        if (platform == Platform.CLOUD && token.startsWith(DATA_CENTER_TOKEN_PREFIX)) {
            throw new InvalidValueException(
                    Token.FIELD,
                    "looks like a Bitbucket Data Center HTTP access token (it starts with `" + DATA_CENTER_TOKEN_PREFIX
                            + "`) but the integration is Bitbucket Cloud: check the URL, or set the platform to `datacenter`");
        }
        if (platform == Platform.DATA_CENTER
                && (token.startsWith(CLOUD_API_TOKEN_PREFIX) || token.startsWith(CLOUD_ACCESS_TOKEN_PREFIX))) {
            throw new InvalidValueException(
                    Token.FIELD,
                    "looks like a Bitbucket Cloud token (it starts with `"
                            + (token.startsWith(CLOUD_API_TOKEN_PREFIX)
                                    ? CLOUD_API_TOKEN_PREFIX
                                    : CLOUD_ACCESS_TOKEN_PREFIX)
                            + "`) but the integration is Bitbucket Data Center: check the URL, or set the platform to `cloud`");
        }
    }
}
