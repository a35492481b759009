package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {

    @Test
    void cloudApiIsCloud() {
        assertThat(Platform.detect(ApiUrl.parse("https://api.bitbucket.org/2.0")))
                .isEqualTo(Platform.CLOUD);
    }

    @Test
    void cloudWebAddressIsCloud() {
        assertThat(Platform.detect(ApiUrl.parse("https://bitbucket.org"))).isEqualTo(Platform.CLOUD);
    }

    @Test
    void cloudHostIsRecognisedWhateverItsCase() {
        assertThat(Platform.detect(ApiUrl.parse("https://API.Bitbucket.ORG/2.0")))
                .isEqualTo(Platform.CLOUD);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://bitbucket.example.com",
                "http://127.0.0.1:8089/2.0",
                "https://bitbucket.org.example.com",
                "https://mybitbucket.org"
            })
    void everyOtherHostIsDataCenter(String url) {
        assertThat(Platform.detect(ApiUrl.parse(url))).isEqualTo(Platform.DATA_CENTER);
    }

    @Test
    void platformsParseFromTheirIds() {
        assertThat(Platform.parse("cloud")).isEqualTo(Platform.CLOUD);
        assertThat(Platform.parse("datacenter")).isEqualTo(Platform.DATA_CENTER);
    }

    @Test
    void platformParsingIgnoresCaseAndSurroundingWhitespace() {
        assertThat(Platform.parse(" Cloud ")).isEqualTo(Platform.CLOUD);
        assertThat(Platform.parse("DataCenter")).isEqualTo(Platform.DATA_CENTER);
    }

    @Test
    void dataCenterHasItsUsualOtherSpellings() {
        assertThat(Platform.parse("data-center")).isEqualTo(Platform.DATA_CENTER);
        assertThat(Platform.parse("server")).isEqualTo(Platform.DATA_CENTER);
    }

    @Test
    void unknownPlatformIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> Platform.parse("github"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("platform"))
                .hasMessage(
                        "`github` is not a platform: use `cloud` or `datacenter`, or leave it out to detect it from the URL");
    }

    @Test
    void idsAndDisplayNames() {
        assertThat(Platform.CLOUD.id()).isEqualTo("cloud");
        assertThat(Platform.DATA_CENTER.id()).isEqualTo("datacenter");
        assertThat(Platform.CLOUD.displayName()).isEqualTo("Bitbucket Cloud");
        assertThat(Platform.DATA_CENTER.displayName()).isEqualTo("Bitbucket Data Center");
    }
}
