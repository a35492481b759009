package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenKindTest {

    static final String APP_PASSWORDS_REMOVED =
            "app passwords were removed by Atlassian on 2026-07-28 and no longer work: create an "
                    + "API token (Atlassian account settings > Security > API tokens, with Bitbucket scopes) and set the username to your "
                    + "Atlassian account e-mail, or create a repository, project or workspace access token (repository or workspace "
                    + "settings > Access tokens) and leave the username empty";

    private static final Optional<String> EMAIL = Optional.of("ci-bot@example.com");
    private static final Optional<String> NONE = Optional.empty();

    @Test
    void kindsParseFromTheirIds() {
        assertThat(TokenKind.parse("apiToken")).isEqualTo(TokenKind.CLOUD_API_TOKEN);
        assertThat(TokenKind.parse("accessToken")).isEqualTo(TokenKind.CLOUD_ACCESS_TOKEN);
        assertThat(TokenKind.parse("personalHttpToken")).isEqualTo(TokenKind.DATA_CENTER_PERSONAL_TOKEN);
        assertThat(TokenKind.parse("projectHttpToken")).isEqualTo(TokenKind.DATA_CENTER_PROJECT_TOKEN);
    }

    @Test
    void kindParsingIgnoresCaseAndSurroundingWhitespace() {
        assertThat(TokenKind.parse(" APITOKEN ")).isEqualTo(TokenKind.CLOUD_API_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"appPassword", "app-password", "APPPASSWORD"})
    void appPasswordKindIsRefusedNamingTheReplacement(String kind) {
        assertThatThrownBy(() -> TokenKind.parse(kind))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("kind"))
                .hasMessage("`" + kind + "`: " + APP_PASSWORDS_REMOVED);
    }

    @Test
    void unknownKindIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> TokenKind.parse("oauth"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("kind"))
                .hasMessage("`oauth` is not a token kind: use one of `apiToken`, `accessToken`, `personalHttpToken`, "
                        + "`projectHttpToken`, or leave it out to detect it");
    }

    @Test
    void emailUsernameOnCloudIsAnApiToken() {
        assertThat(TokenKind.detect(Platform.CLOUD, EMAIL, Token.of("ATATT3xFfGF0abc")))
                .isEqualTo(TokenKind.CLOUD_API_TOKEN);
    }

    @Test
    void emailUsernameOnCloudIsAnApiTokenWhateverItsPrefix() {
        assertThat(TokenKind.detect(Platform.CLOUD, EMAIL, Token.of("opaque-token")))
                .isEqualTo(TokenKind.CLOUD_API_TOKEN);
    }

    @Test
    void noUsernameOnCloudIsAnAccessToken() {
        assertThat(TokenKind.detect(Platform.CLOUD, NONE, Token.of("ATCTT3xFfGN0abc")))
                .isEqualTo(TokenKind.CLOUD_ACCESS_TOKEN);
        assertThat(TokenKind.detect(Platform.CLOUD, NONE, Token.of("opaque-token")))
                .isEqualTo(TokenKind.CLOUD_ACCESS_TOKEN);
    }

    @Test
    void nonEmailUsernameOnCloudIsRefusedAsAppPasswordStyle() {
        assertDetectRefused(
                Platform.CLOUD,
                Optional.of("ci-bot"),
                "opaque-token",
                "username",
                "`ci-bot` is not an e-mail address. "
                        + "A Bitbucket Cloud username with a token is how app passwords were used, and "
                        + APP_PASSWORDS_REMOVED);
    }

    @Test
    void appPasswordIsRefused() {
        assertDetectRefused(
                Platform.CLOUD,
                EMAIL,
                "ATBBxyz123",
                "token",
                "looks like an app password (it starts with `ATBB`); " + APP_PASSWORDS_REMOVED);
    }

    @Test
    void dataCenterTokenOnCloudIsRefused() {
        assertDetectRefused(
                Platform.CLOUD,
                NONE,
                "BBDC-xyz123",
                "token",
                "looks like a Bitbucket Data Center HTTP access token (it "
                        + "starts with `BBDC-`) but the integration is Bitbucket Cloud: check the URL, or set the platform to `datacenter`");
    }

    @Test
    void cloudApiTokenOnDataCenterIsRefused() {
        assertDetectRefused(
                Platform.DATA_CENTER,
                Optional.of("bob"),
                "ATATTxyz123",
                "token",
                "looks like a Bitbucket Cloud token (it "
                        + "starts with `ATATT`) but the integration is Bitbucket Data Center: check the URL, or set the platform to `cloud`");
    }

    @Test
    void cloudAccessTokenOnDataCenterIsRefused() {
        assertDetectRefused(
                Platform.DATA_CENTER,
                NONE,
                "ATCTTxyz123",
                "token",
                "looks like a Bitbucket Cloud token (it starts with "
                        + "`ATCTT`) but the integration is Bitbucket Data Center: check the URL, or set the platform to `cloud`");
    }

    @Test
    void apiTokenWithoutUsernameIsRefused() {
        assertDetectRefused(
                Platform.CLOUD,
                NONE,
                "ATATTxyz123",
                "username",
                "is required: this is an Atlassian API token, which "
                        + "authenticates together with the e-mail address of its Atlassian account; set the username to that e-mail");
    }

    @Test
    void accessTokenWithUsernameIsRefused() {
        assertDetectRefused(
                Platform.CLOUD,
                EMAIL,
                "ATCTTxyz123",
                "username",
                "is set, but the token starts with `ATCTT`, which marks "
                        + "a repository, project or workspace access token, which authenticates without a username: leave the username "
                        + "empty; if you meant an API token of your Atlassian account (it starts with `ATATT`), use that token with this "
                        + "e-mail instead");
    }

    @Test
    void dataCenterWithUsernameIsAPersonalToken() {
        assertThat(TokenKind.detect(Platform.DATA_CENTER, Optional.of("bob"), Token.of("BBDC-xyz")))
                .isEqualTo(TokenKind.DATA_CENTER_PERSONAL_TOKEN);
    }

    @Test
    void dataCenterWithoutUsernameIsAProjectToken() {
        assertThat(TokenKind.detect(Platform.DATA_CENTER, NONE, Token.of("BBDC-xyz")))
                .isEqualTo(TokenKind.DATA_CENTER_PROJECT_TOKEN);
    }

    @Test
    void kindOfTheOtherPlatformDoesNotFit() {
        assertFitRefused(
                TokenKind.CLOUD_API_TOKEN,
                Platform.DATA_CENTER,
                EMAIL,
                "opaque-token",
                "kind",
                "`apiToken` is a Bitbucket Cloud "
                        + "token kind, but the integration is Bitbucket Data Center: pick a Bitbucket Data Center kind (`personalHttpToken` "
                        + "or `projectHttpToken`) or fix the URL/platform");
        assertFitRefused(
                TokenKind.DATA_CENTER_PROJECT_TOKEN,
                Platform.CLOUD,
                NONE,
                "opaque-token",
                "kind",
                "`projectHttpToken` is a "
                        + "Bitbucket Data Center token kind, but the integration is Bitbucket Cloud: pick a Bitbucket Cloud kind (`apiToken` "
                        + "or `accessToken`) or fix the URL/platform");
    }

    @Test
    void apiTokenKindNeedsAnEmail() {
        assertFitRefused(
                TokenKind.CLOUD_API_TOKEN,
                Platform.CLOUD,
                Optional.of("bob"),
                "opaque-token",
                "username",
                "`bob` is not an "
                        + "e-mail "
                        + "address: an API token authenticates with the e-mail address of the Atlassian account that owns it; set the "
                        + "username to that e-mail");
        assertFitRefused(
                TokenKind.CLOUD_API_TOKEN,
                Platform.CLOUD,
                NONE,
                "opaque-token",
                "username",
                "is empty: an API token "
                        + "authenticates "
                        + "with the e-mail address of the Atlassian account that owns it; set the username to that e-mail");
    }

    @Test
    void apiTokenKindDoesNotFitAnAccessToken() {
        assertFitRefused(
                TokenKind.CLOUD_API_TOKEN,
                Platform.CLOUD,
                EMAIL,
                "ATCTTxyz",
                "kind",
                "is `apiToken`, but the token starts "
                        + "with `ATCTT`, which marks a repository, project or workspace access token: set the kind to `accessToken` and "
                        + "leave the username empty, or leave the kind out");
    }

    @Test
    void accessTokenKindDoesNotFitAnApiToken() {
        assertFitRefused(
                TokenKind.CLOUD_ACCESS_TOKEN,
                Platform.CLOUD,
                NONE,
                "ATATTxyz",
                "kind",
                "is `accessToken`, but the token "
                        + "starts with `ATATT`, which marks an Atlassian API token: set the kind to `apiToken` and the username to the "
                        + "e-mail of its Atlassian account, or leave the kind out");
    }

    @Test
    void accessTokenKindTakesNoUsername() {
        assertFitRefused(
                TokenKind.CLOUD_ACCESS_TOKEN,
                Platform.CLOUD,
                EMAIL,
                "opaque-token",
                "username",
                "is set, but the kind "
                        + "`accessToken` is a repository, project or workspace access token, which authenticates without a username: leave "
                        + "the username empty; if you meant an API token of your Atlassian account (it starts with `ATATT`), use that token "
                        + "with this e-mail instead");
    }

    @Test
    void personalTokenKindNeedsAUsername() {
        assertFitRefused(
                TokenKind.DATA_CENTER_PERSONAL_TOKEN,
                Platform.DATA_CENTER,
                NONE,
                "BBDC-xyz",
                "username",
                "is required for a "
                        + "personal HTTP access token: set it to the Bitbucket user the token belongs to (git over HTTPS sends it)");
    }

    @Test
    void projectTokenKindTakesNoUsername() {
        assertFitRefused(
                TokenKind.DATA_CENTER_PROJECT_TOKEN,
                Platform.DATA_CENTER,
                Optional.of("bob"),
                "BBDC-xyz",
                "username",
                "is set, "
                        + "but a project or repository HTTP access token belongs to no user: leave the username empty, or set the kind to "
                        + "`personalHttpToken` if the token is this user's personal token");
    }

    @Test
    void explicitKindStillRefusesAnAppPassword() {
        assertFitRefused(
                TokenKind.CLOUD_API_TOKEN,
                Platform.CLOUD,
                EMAIL,
                "ATBBxyz123",
                "token",
                "looks like an app password (it starts " + "with `ATBB`); " + APP_PASSWORDS_REMOVED);
    }

    @Test
    void fittingKindsAreAccepted() {
        TokenKind.CLOUD_API_TOKEN.checkFits(Platform.CLOUD, EMAIL, Token.of("ATATTxyz"));
        TokenKind.CLOUD_ACCESS_TOKEN.checkFits(Platform.CLOUD, NONE, Token.of("ATCTTxyz"));
        TokenKind.DATA_CENTER_PERSONAL_TOKEN.checkFits(Platform.DATA_CENTER, Optional.of("bob"), Token.of("BBDC-xyz"));
        TokenKind.DATA_CENTER_PROJECT_TOKEN.checkFits(Platform.DATA_CENTER, NONE, Token.of("BBDC-xyz"));
    }

    @Test
    void gitUsernameFollowsTheKind() {
        assertThat(TokenKind.CLOUD_API_TOKEN.gitUsername(EMAIL)).contains("x-bitbucket-api-token-auth");
        assertThat(TokenKind.CLOUD_ACCESS_TOKEN.gitUsername(NONE)).contains("x-token-auth");
        assertThat(TokenKind.DATA_CENTER_PERSONAL_TOKEN.gitUsername(Optional.of("bob")))
                .contains("bob");
        assertThat(TokenKind.DATA_CENTER_PROJECT_TOKEN.gitUsername(NONE)).isEmpty();
    }

    @Test
    void authenticationFollowsTheKind() {
        assertThat(TokenKind.CLOUD_API_TOKEN.authentication()).isEqualTo(TokenKind.Authentication.BASIC);
        assertThat(TokenKind.CLOUD_ACCESS_TOKEN.authentication()).isEqualTo(TokenKind.Authentication.BEARER);
        assertThat(TokenKind.DATA_CENTER_PERSONAL_TOKEN.authentication()).isEqualTo(TokenKind.Authentication.BEARER);
        assertThat(TokenKind.DATA_CENTER_PROJECT_TOKEN.authentication()).isEqualTo(TokenKind.Authentication.BEARER);
    }

    @Test
    void emailAddressesAreRecognised() {
        assertThat(TokenKind.isEmailAddress("ci-bot@example.com")).isTrue();
        assertThat(TokenKind.isEmailAddress("ci-bot")).isFalse();
        assertThat(TokenKind.isEmailAddress("ci-bot@localhost")).isFalse();
        assertThat(TokenKind.isEmailAddress("a@b@example.com")).isFalse();
    }

    private static void assertDetectRefused(
            Platform platform, Optional<String> username, String token, String field, String message) {
        assertThatThrownBy(() -> TokenKind.detect(platform, username, Token.of(token)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessage(message);
    }

    private static void assertFitRefused(
            TokenKind kind, Platform platform, Optional<String> username, String token, String field, String message) {
        assertThatThrownBy(() -> kind.checkFits(platform, username, Token.of(token)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessage(message);
    }
}
