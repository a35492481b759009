package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import org.junit.jupiter.api.Test;

class ApiUrlTest {

    private static final String EXAMPLES =
            "e.g. https://api.bitbucket.org/2.0 for Bitbucket Cloud or https://bitbucket.example.com "
                    + "for Data Center";

    @Test
    void urlIsKeptAsWrittenWithoutSurroundingWhitespace() {
        assertThat(ApiUrl.parse("  https://Bitbucket.Example.com/bitbucket/ \n").value())
                .isEqualTo("https://Bitbucket.Example.com/bitbucket/");
    }

    @Test
    void httpIsAccepted() {
        assertThat(ApiUrl.parse("http://127.0.0.1:7990").host()).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6LoopbackIsAccepted() {
        assertThat(ApiUrl.parse("http://[::1]:7990/").origin()).isEqualTo("http://[::1]:7990");
    }

    @Test
    void emptyUrlIsRefused() {
        assertRefused(" ", "is empty: set the Bitbucket API location, " + EXAMPLES);
    }

    @Test
    void unparsableUrlIsRefused() {
        assertRefused(
                "https://bitbucket example.com",
                "is not a valid URL (Illegal character in authority): write an absolute URL, " + EXAMPLES);
    }

    @Test
    void hostWithoutSchemeIsRefusedAskingForHttps() {
        assertRefused(
                "bitbucket.example.com",
                "is not an absolute URL: start it with `https://` (or `http://`), " + EXAMPLES);
    }

    @Test
    void hostAndPortWithoutSchemeIsRefusedAskingForHttps() {
        assertRefused(
                "bitbucket.example.com:7990",
                "is not an absolute URL: start it with `https://` (or `http://`), " + EXAMPLES);
    }

    @Test
    void otherSchemeIsRefused() {
        assertRefused(
                "ssh://bitbucket.example.com:7999/proj/app.git",
                "uses `ssh:`, not http or https: write the http(s) address of " + "the API, " + EXAMPLES);
    }

    @Test
    void missingHostIsRefused() {
        assertRefused(
                "https:///rest/api/1.0",
                "has no valid host name (letters, digits, `-` and `.`, then an optional numeric `:port`): " + EXAMPLES);
    }

    @Test
    void hostWithUnderscoreIsRefused() {
        assertRefused(
                "https://bit_bucket.example.com",
                "has no valid host name (letters, digits, `-` and `.`, then an optional " + "numeric `:port`): "
                        + EXAMPLES);
    }

    @Test
    void nonNumericPortIsRefused() {
        assertRefused(
                "https://bitbucket.example.com:https/",
                "has no valid host name (letters, digits, `-` and `.`, then an " + "optional numeric `:port`): "
                        + EXAMPLES);
    }

    @Test
    void credentialsAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> ApiUrl.parse("https://ci-bot:s3cr3t-Passw0rd@bitbucket.example.com/"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(
                        "must not carry credentials: remove the `user:password@` part, and put the username in the integration's "
                                + "username field and the token in its token field")
                .message()
                .doesNotContain("s3cr3t-Passw0rd")
                .doesNotContain("ci-bot");
    }

    @Test
    void userWithoutPasswordIsRefused() {
        assertRefused(
                "https://x-token-auth@bitbucket.org",
                "must not carry credentials: remove the `user:password@` part, and put "
                        + "the username in the integration's username field and the token in its token field");
    }

    @Test
    void queryIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() ->
                        ApiUrl.parse("https://bitbucket.example.com/rest/api/1.0?access_token=BBDC-query-secret-42"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(
                        "must not have a query: remove everything from `?` on (tokens belong in the token field, never in the URL)")
                .message()
                .doesNotContain("BBDC-query-secret-42");
    }

    @Test
    void fragmentIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> ApiUrl.parse("https://bitbucket.example.com/#fragment-secret"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not have a fragment: remove everything from `#` on")
                .message()
                .doesNotContain("fragment-secret");
    }

    @Test
    void noMessageRepeatsAPasswordOrQuery() {
        GeneratedCases.check(1000, generate -> {
            String secret = generate.string("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 12, 40);
            for (String url : new String[] {
                "https://user:" + secret + "@host.example.com/",
                "https://host.example.com/?t=" + secret,
                "https://host.example.com/#" + secret,
                "ftp://user:" + secret + "@host.example.com/",
                "https://user:" + secret + "@bit_bucket/x",
                "https://host.example.com/a b?t=" + secret
            }) {
                assertThatThrownBy(() -> ApiUrl.parse(url))
                        .isInstanceOf(InvalidValueException.class)
                        .message()
                        .doesNotContain(secret);
            }
        });
    }

    @Test
    void cloudApiGivesItsRestBase() {
        assertThat(ApiUrl.parse("https://api.bitbucket.org/2.0").restBase(Platform.CLOUD))
                .isEqualTo("https://api.bitbucket.org/2.0");
    }

    @Test
    void cloudApiWithTrailingSlashGivesItsRestBase() {
        assertThat(ApiUrl.parse("https://api.bitbucket.org/2.0/").restBase(Platform.CLOUD))
                .isEqualTo("https://api.bitbucket.org/2.0");
    }

    @Test
    void cloudApiHostWithoutVersionGetsIt() {
        assertThat(ApiUrl.parse("https://api.bitbucket.org").restBase(Platform.CLOUD))
                .isEqualTo("https://api.bitbucket.org/2.0");
    }

    @Test
    void cloudWebAddressStandsForTheCloudApi() {
        assertThat(ApiUrl.parse("https://bitbucket.org").restBase(Platform.CLOUD))
                .isEqualTo("https://api.bitbucket.org/2.0");
        assertThat(ApiUrl.parse("https://bitbucket.org/").restBase(Platform.CLOUD))
                .isEqualTo("https://api.bitbucket.org/2.0");
    }

    @Test
    void cloudTestServerWithoutVersionGetsIt() {
        assertThat(ApiUrl.parse("http://127.0.0.1:8089").restBase(Platform.CLOUD))
                .isEqualTo("http://127.0.0.1:8089/2.0");
    }

    @Test
    void cloudTestServerWithVersionKeepsIt() {
        assertThat(ApiUrl.parse("http://127.0.0.1:8089/2.0/").restBase(Platform.CLOUD))
                .isEqualTo("http://127.0.0.1:8089/2.0");
    }

    @Test
    void dataCenterRootGetsTheRestPath() {
        assertThat(ApiUrl.parse("https://bitbucket.example.com").restBase(Platform.DATA_CENTER))
                .isEqualTo("https://bitbucket.example.com/rest/api/1.0");
    }

    @Test
    void dataCenterContextPathIsKept() {
        ApiUrl url = ApiUrl.parse("https://git.example.com:8443/bitbucket");

        assertThat(url.serverBase()).isEqualTo("https://git.example.com:8443/bitbucket");
        assertThat(url.restBase(Platform.DATA_CENTER)).isEqualTo("https://git.example.com:8443/bitbucket/rest/api/1.0");
    }

    @Test
    void dataCenterTrailingRestPathIsNotRepeated() {
        ApiUrl url = ApiUrl.parse("https://git.example.com/bitbucket/rest/api/1.0");

        assertThat(url.serverBase()).isEqualTo("https://git.example.com/bitbucket");
        assertThat(url.restBase(Platform.DATA_CENTER)).isEqualTo("https://git.example.com/bitbucket/rest/api/1.0");
    }

    @Test
    void dataCenterLatestRestPathIsReplacedByTheVersionedOne() {
        assertThat(ApiUrl.parse("https://git.example.com/rest/api/latest/").restBase(Platform.DATA_CENTER))
                .isEqualTo("https://git.example.com/rest/api/1.0");
    }

    @Test
    void dataCenterTrailingSlashesAreRemoved() {
        ApiUrl url = ApiUrl.parse("https://git.example.com/bitbucket//");

        assertThat(url.serverBase()).isEqualTo("https://git.example.com/bitbucket");
        assertThat(url.restBase(Platform.DATA_CENTER)).isEqualTo("https://git.example.com/bitbucket/rest/api/1.0");
    }

    @Test
    void dataCenterRestPathWithTrailingSlashIsNotRepeated() {
        assertThat(ApiUrl.parse("https://git.example.com/rest/api/1.0/").serverBase())
                .isEqualTo("https://git.example.com");
    }

    @Test
    void originKeepsPortAndLowerCasesTheScheme() {
        assertThat(ApiUrl.parse("HTTPS://git.example.com:8443/bitbucket").origin())
                .isEqualTo("https://git.example.com:8443");
    }

    @Test
    void toStringIsTheUrlAsWritten() {
        assertThat(ApiUrl.parse("https://git.example.com/bitbucket/"))
                .hasToString("https://git.example.com/bitbucket/");
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertRefused(
                "http://127.0.0.1:99999/2.0",
                "has the port 99999, which no server listens on: use a port from 1 to 65535, or none "
                        + "(https uses 443, http 80), " + EXAMPLES);
    }

    @Test
    void portZeroIsRefused() {
        assertRefused(
                "https://bitbucket.example.com:0",
                "has the port 0, which no server listens on: use a port from 1 to 65535, or none "
                        + "(https uses 443, http 80), " + EXAMPLES);
    }

    @Test
    void portTooLongForANumberIsRefused() {
        assertRefused(
                "https://bitbucket.example.com:123456789012345678901/x",
                "has the port 123456789012345678901, which no server listens "
                        + "on: use a port from 1 to 65535, or none (https uses 443, http 80), " + EXAMPLES);
    }

    @Test
    void ipv6AddressWithPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> ApiUrl.parse("http://[::1]:70000"))
                .hasMessageStartingWith("has the port 70000, which no server listens on");
    }

    @Test
    void portsInRangeAreAcceptedAndOthersRefused() {
        GeneratedCases.check(2000, generate -> {
            long port = generate.random().nextInt(4) == 0
                    ? generate.random().nextLong(0, 10_000_000_000L)
                    : generate.between(0, 70_000);
            String host = generate.pick("bitbucket.example.com", "[::1]");
            String raw = "https://" + host + ":" + port + generate.pick("/rest", "");
            if (port >= 1 && port <= 65535) {
                assertThat(ApiUrl.parse(raw).uri().getPort()).as(raw).isEqualTo((int) port);
            } else {
                assertThatThrownBy(() -> ApiUrl.parse(raw))
                        .as(raw)
                        .hasMessageStartingWith("has the port " + port + ",");
            }
        });
    }

    private static void assertRefused(String raw, String message) {
        assertThatThrownBy(() -> ApiUrl.parse(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("url"))
                .hasMessage(message);
    }
}
