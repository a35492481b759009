package io.jenkins.plugins.bitbucketresources.core.model;

import static io.jenkins.plugins.bitbucketresources.core.model.TokenKindTest.APP_PASSWORDS_REMOVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntegrationTest {

    private static Integration.Builder cloud() {
        return Integration.builder()
                .id("bitbucket-cloud")
                .url("https://api.bitbucket.org/2.0")
                .username("ci-bot@example.com")
                .token("ATATT-cloud-api-token");
    }

    private static Integration.Builder dataCenter() {
        return Integration.builder()
                .id("bitbucket-dc")
                .url("https://git.example.com/bitbucket")
                .username("ci-bot")
                .token("BBDC-personal-token");
    }

    @Test
    void cloudIntegrationWithEmailIsAnApiToken() {
        Validated<Integration> result = cloud().build();
        Integration integration = result.orElseThrow();

        assertThat(integration.id()).isEqualTo("bitbucket-cloud");
        assertThat(integration.url().value()).isEqualTo("https://api.bitbucket.org/2.0");
        assertThat(integration.username()).contains("ci-bot@example.com");
        assertThat(integration.platform()).isEqualTo(Platform.CLOUD);
        assertThat(integration.kind()).isEqualTo(TokenKind.CLOUD_API_TOKEN);
        assertThat(integration.token().reveal()).isEqualTo("ATATT-cloud-api-token");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void cloudIntegrationWithoutUsernameIsAnAccessToken() {
        Integration integration = Integration.builder()
                .id("c")
                .url("https://bitbucket.org")
                .token("ATCTT-access")
                .build()
                .orElseThrow();

        assertThat(integration.platform()).isEqualTo(Platform.CLOUD);
        assertThat(integration.kind()).isEqualTo(TokenKind.CLOUD_ACCESS_TOKEN);
        assertThat(integration.username()).isEmpty();
    }

    @Test
    void dataCenterIntegrationWithUsernameIsAPersonalToken() {
        Integration integration = dataCenter().build().orElseThrow();

        assertThat(integration.platform()).isEqualTo(Platform.DATA_CENTER);
        assertThat(integration.kind()).isEqualTo(TokenKind.DATA_CENTER_PERSONAL_TOKEN);
    }

    @Test
    void dataCenterIntegrationWithoutUsernameIsAProjectToken() {
        Integration integration = Integration.builder()
                .id("d")
                .url("https://git.example.com")
                .token("BBDC-project")
                .build()
                .orElseThrow();

        assertThat(integration.kind()).isEqualTo(TokenKind.DATA_CENTER_PROJECT_TOKEN);
    }

    @Test
    void urlDefaultsToTheCloudApi() {
        Integration integration =
                Integration.builder().id("c").token("ATCTT-access").build().orElseThrow();

        assertThat(integration.url().value()).isEqualTo("https://api.bitbucket.org/2.0");
        assertThat(integration.platform()).isEqualTo(Platform.CLOUD);
    }

    @Test
    void explicitPlatformOverridesTheUrl() {
        Integration integration = Integration.builder()
                .id("c")
                .url("http://127.0.0.1:8089")
                .platform("cloud")
                .token("ATCTT-access")
                .build()
                .orElseThrow();

        assertThat(integration.platform()).isEqualTo(Platform.CLOUD);
        assertThat(integration.restBase()).isEqualTo("http://127.0.0.1:8089/2.0");
    }

    @Test
    void explicitPlatformOverridesACloudUrl() {
        Integration integration = Integration.builder()
                .id("d")
                .url("https://bitbucket.org")
                .platform("datacenter")
                .token("BBDC-x-token")
                .build()
                .orElseThrow();

        assertThat(integration.platform()).isEqualTo(Platform.DATA_CENTER);
    }

    @Test
    void explicitFittingKindIsKept() {
        Integration integration = dataCenter().kind("personalHttpToken").build().orElseThrow();

        assertThat(integration.kind()).isEqualTo(TokenKind.DATA_CENTER_PERSONAL_TOKEN);
    }

    @Test
    void blankOptionalFieldsCountAsUnset() {
        Integration integration = Integration.builder()
                .id("c")
                .username("  ")
                .platform(" ")
                .kind("")
                .token("ATCTT-access")
                .build()
                .orElseThrow();

        assertThat(integration.username()).isEmpty();
        assertThat(integration.kind()).isEqualTo(TokenKind.CLOUD_ACCESS_TOKEN);
    }

    @Test
    void fieldsAreStripped() {
        Integration integration = Integration.builder()
                .id(" c ")
                .url(" https://bitbucket.org ")
                .username(" ci-bot@example.com ")
                .token(" ATATT-x-token \n")
                .build()
                .orElseThrow();

        assertThat(integration.id()).isEqualTo("c");
        assertThat(integration.url().value()).isEqualTo("https://bitbucket.org");
        assertThat(integration.username()).contains("ci-bot@example.com");
        assertThat(integration.token().reveal()).isEqualTo("ATATT-x-token");
    }

    @Test
    void restBaseFollowsThePlatform() {
        assertThat(cloud().url("https://bitbucket.org").build().orElseThrow().restBase())
                .isEqualTo("https://api.bitbucket.org/2.0");
        assertThat(dataCenter().build().orElseThrow().restBase())
                .isEqualTo("https://git.example.com/bitbucket/rest/api/1.0");
    }

    @Test
    void emptyIdIsRefused() {
        assertOnlyProblem(
                cloud().id(" "),
                "id",
                "is empty: give the integration an ID that resources refer to, e.g. `bitbucket-cloud`");
    }

    @Test
    void idWithWhitespaceIsRefused() {
        assertOnlyProblem(
                cloud().id("bitbucket cloud"),
                "id",
                "`bitbucket cloud` contains whitespace: use letters, digits, `-`, `_` "
                        + "or `.`, e.g. `bitbucket-cloud`");
    }

    @Test
    void badUrlIsRefused() {
        assertOnlyProblem(
                cloud().url("bitbucket.org"),
                "url",
                "is not an absolute URL: start it with `https://` (or `http://`), e.g. "
                        + "https://api.bitbucket.org/2.0 for Bitbucket Cloud or https://bitbucket.example.com for Data Center");
    }

    @Test
    void unknownPlatformIsRefused() {
        assertOnlyProblem(
                cloud().platform("bitbucket"),
                "platform",
                "`bitbucket` is not a platform: use `cloud` or `datacenter`, or leave "
                        + "it out to detect it from the URL");
    }

    @Test
    void usernameWithColonIsRefusedWithoutRepeatingIt() {
        assertOnlyProblem(
                cloud().username("ci-bot@example.com:hunter2-secret"),
                "username",
                "contains `:`, which HTTP authentication "
                        + "cannot carry in a username: write only the username or e-mail, and put the token in the token field");
    }

    @Test
    void usernameWithLineBreakIsRefused() {
        assertOnlyProblem(
                cloud().username("ci-bot@example.com\nother"),
                "username",
                "contains a line break or another control "
                        + "character: write the username or e-mail on its own, e.g. `ci-bot@example.com`");
    }

    @Test
    void nonEmailUsernameOnCloudIsRefusedAsAppPasswordStyle() {
        assertOnlyProblem(
                cloud().username("ci-bot").token("opaque-token"),
                "username",
                "`ci-bot` is not an e-mail address. A "
                        + "Bitbucket Cloud username with a token is how app passwords were used, and "
                        + APP_PASSWORDS_REMOVED);
    }

    @Test
    void appPasswordKindIsRefused() {
        assertOnlyProblem(cloud().kind("appPassword"), "kind", "`appPassword`: " + APP_PASSWORDS_REMOVED);
    }

    @Test
    void appPasswordTokenIsRefused() {
        assertOnlyProblem(
                cloud().token("ATBB-app-password"),
                "token",
                "looks like an app password (it starts with `ATBB`); " + APP_PASSWORDS_REMOVED);
    }

    @Test
    void dataCenterTokenOnCloudIsRefused() {
        assertOnlyProblem(
                cloud().username("").token("BBDC-x-token"),
                "token",
                "looks like a Bitbucket Data Center HTTP access token (it "
                        + "starts with `BBDC-`) but the integration is Bitbucket Cloud: check the URL, or set the platform to `datacenter`");
    }

    @Test
    void cloudTokensOnDataCenterAreRefused() {
        assertOnlyProblem(
                dataCenter().token("ATATT-x-token"),
                "token",
                "looks like a Bitbucket Cloud token (it starts with `ATATT`) "
                        + "but the "
                        + "integration is Bitbucket Data Center: check the URL, or set the platform to `cloud`");
        assertOnlyProblem(
                dataCenter().username("").token("ATCTT-x-token"),
                "token",
                "looks like a Bitbucket Cloud token (it starts with "
                        + "`ATCTT`) but the integration is Bitbucket Data Center: check the URL, or set the platform to `cloud`");
    }

    @Test
    void explicitKindThatDoesNotFitIsRefused() {
        assertOnlyProblem(
                dataCenter().kind("accessToken"),
                "kind",
                "`accessToken` is a Bitbucket Cloud token kind, but the integration "
                        + "is Bitbucket Data Center: pick a Bitbucket Data Center kind (`personalHttpToken` or `projectHttpToken`) or fix the "
                        + "URL/platform");
    }

    @Test
    void explicitProjectKindWithUsernameIsRefused() {
        assertOnlyProblem(
                dataCenter().kind("projectHttpToken"),
                "username",
                "is set, but a project or repository HTTP access token "
                        + "belongs to no user: leave the username empty, or set the kind to `personalHttpToken` if the token is this user's "
                        + "personal token");
    }

    @Test
    void missingTokenIsRefused() {
        assertOnlyProblem(Integration.builder().id("c"), "token", "is missing: give the integration its token");
    }

    @Test
    void emptyTokenIsRefused() {
        assertOnlyProblem(
                cloud().token(" "), "token", "is empty: paste the token Bitbucket showed when it was created");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Validated<Integration> result = Integration.builder()
                .id(" ")
                .url("ftp://host")
                .username("a:b")
                .kind("appPassword")
                .token(" ")
                .build();

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems())
                .extracting(Problem::field)
                .containsExactly("id", "url", "username", "kind", "token");
    }

    @Test
    void badIdDoesNotHideATokenProblem() {
        Validated<Integration> result =
                cloud().id("a b").token("ATBB-app-password").build();

        assertThat(result.problems())
                .extracting(Problem::field, Problem::isError)
                .containsExactly(tuple("id", true), tuple("token", true));
    }

    @Test
    void kindIsStillCheckedWhenTheUrlIsBadButThePlatformIsGiven() {
        Validated<Integration> result = cloud().url("not a url")
                .platform("cloud")
                .username("ci-bot")
                .token("opaque-token")
                .build();

        assertThat(result.problems()).extracting(Problem::field).containsExactly("url", "username");
    }

    @Test
    void problemsOfAnInvalidIntegrationAreAllErrors() {
        assertThat(cloud().id("").build()).isInstanceOf(Validated.Invalid.class);
    }

    @Test
    void orElseThrowListsEveryError() {
        assertThatThrownBy(() -> Integration.builder()
                        .id("")
                        .url("https://h/?q")
                        .token("t-token-value")
                        .build()
                        .orElseThrow())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEmpty())
                .hasMessage(
                        "id: is empty: give the integration an ID that resources refer to, e.g. `bitbucket-cloud`\n"
                                + "url: must not have a query: remove everything from `?` on (tokens belong in the token field, never in the URL)");
    }

    @Test
    void constructorChecksTheKindFits() {
        assertThatThrownBy(() -> new Integration(
                        "c",
                        ApiUrl.parse("https://bitbucket.org"),
                        Optional.empty(),
                        Platform.CLOUD,
                        TokenKind.CLOUD_API_TOKEN,
                        Token.of("ATATT-x-token")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(
                        "is empty: an API token authenticates with the e-mail address of the Atlassian account that owns it; set "
                                + "the username to that e-mail");
    }

    @Test
    void constructorTreatsABlankUsernameAsNone() {
        Integration integration = new Integration(
                "c",
                ApiUrl.parse("https://bitbucket.org"),
                Optional.of(" "),
                Platform.CLOUD,
                TokenKind.CLOUD_ACCESS_TOKEN,
                Token.of("ATCTT-x-token"));

        assertThat(integration.username()).isEmpty();
    }

    @Test
    void toStringMasksTheToken() {
        Integration integration = cloud().build().orElseThrow();

        assertThat(integration)
                .hasToString("Integration[id=bitbucket-cloud, url=https://api.bitbucket.org/2.0, "
                        + "username=ci-bot@example.com, platform=cloud, kind=apiToken, token=****]");
    }

    private static void assertOnlyProblem(Integration.Builder builder, String field, String message) {
        Validated<Integration> result = builder.build();

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).containsExactly(Problem.error(field, message));
    }
}
