package io.jenkins.plugins.bitbucketresources.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Token;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaticFindingsTest {

    private static final String CLOUD = "https://api.bitbucket.org/2.0";

    @Test
    void validHttpsIntegrationHasNoFinding() {
        assertThat(StaticFindings.of(
                        CLOUD,
                        Optional.of("jane@example.com"),
                        Optional.empty(),
                        Optional.empty(),
                        Token.of("ATATT3xFfGF0-api-token")))
                .isEmpty();
    }

    @Test
    void appPasswordByKind() {
        assertThat(StaticFindings.of(
                        CLOUD,
                        Optional.of("jdoe"),
                        Optional.empty(),
                        Optional.of("appPassword"),
                        Token.of("secret-value")))
                .singleElement()
                .isInstanceOfSatisfying(
                        Concern.AppPassword.class,
                        c -> assertThat(c.message())
                                .contains("removed by Atlassian on 2026-07-28")
                                .contains("API token"));
    }

    @Test
    void appPasswordByPrefix() {
        assertThat(StaticFindings.of(
                        CLOUD, Optional.empty(), Optional.empty(), Optional.empty(), Token.of("ATBBxyz0123456789")))
                .extracting(Concern::kind)
                .containsExactly(Concern.Kind.APP_PASSWORD);
    }

    @Test
    void appPasswordByAUsernameThatIsNoEmail() {
        assertThat(StaticFindings.of(
                        CLOUD, Optional.of("jdoe"), Optional.empty(), Optional.empty(), Token.of("s3cr3tvalue")))
                .extracting(Concern::kind)
                .containsExactly(Concern.Kind.APP_PASSWORD);
    }

    @Test
    void dataCenterUsernameIsNoAppPassword() {
        assertThat(StaticFindings.of(
                        "https://bitbucket.example.com",
                        Optional.of("jdoe"),
                        Optional.empty(),
                        Optional.empty(),
                        Token.of("BBDC-NzE0MjM5NjQxNTg2OkTestTokenValue")))
                .isEmpty();
    }

    @Test
    void plainHttpUrlIsAWarning() {
        assertThat(StaticFindings.of(
                        "http://bitbucket.example.com:7990",
                        Optional.of("jdoe"),
                        Optional.empty(),
                        Optional.empty(),
                        Token.of("BBDC-NzE0MjM5NjQxNTg2OkTestTokenValue")))
                .singleElement()
                .isInstanceOfSatisfying(Concern.PlainHttp.class, c -> {
                    assertThat(c.message())
                            .contains("http://bitbucket.example.com:7990")
                            .contains("use the https:// address");
                    assertThat(c.severity().name()).isEqualTo("WARNING");
                });
    }

    @Test
    void plainHttpOnLoopbackIsLeftAlone() {
        for (String url : new String[] {"http://localhost:7990", "http://127.0.0.1:8080/2.0", "http://[::1]:7990"}) {
            assertThat(StaticFindings.of(
                            url,
                            Optional.of("jdoe"),
                            Optional.of("datacenter"),
                            Optional.empty(),
                            Token.of("BBDC-NzE0MjM5NjQxNTg2OkTestTokenValue")))
                    .as(url)
                    .isEmpty();
        }
    }

    @Test
    void otherwiseInvalidSettingsSayWhy() {
        assertThat(StaticFindings.of(
                        "https://bitbucket.example.com",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Token.of("ATATT3xFfGF0-cloud-token")))
                .singleElement()
                .isInstanceOfSatisfying(
                        Concern.InvalidSettings.class,
                        c -> assertThat(c.message())
                                .contains("not a usable integration")
                                .contains("Bitbucket Cloud token"));
    }

    @Test
    void theUrlAloneTellsOfPlainHttpToAnotherMachineOnly() {
        assertThat(StaticFindings.ofUrl(" http://bitbucket.example.com:7990 "))
                .get()
                .isInstanceOfSatisfying(Concern.PlainHttp.class, c -> {
                    assertThat(c.url()).isEqualTo("http://bitbucket.example.com:7990");
                    assertThat(c.message()).contains("travels unencrypted").contains("use the https:// address");
                });
        assertThat(StaticFindings.ofUrl("HTTP://git.example.com/bitbucket")).isPresent();
        for (String url : new String[] {
            CLOUD,
            "https://bitbucket.example.com",
            "http://localhost:7990",
            "http://127.0.0.1:8080/2.0",
            "http://[::1]:7990",
            "bitbucket.example.com",
            "ftp://bitbucket.example.com",
            "http://exa mple.com",
            ""
        }) {
            assertThat(StaticFindings.ofUrl(url)).as(url).isEmpty();
        }
    }

    @Test
    void integrationFindingsNameOnlyTheUrl() {
        Integration http = Integration.builder()
                .id("dc")
                .url("http://bitbucket.example.com")
                .username("jdoe")
                .token("BBDC-NzE0MjM5NjQxNTg2OkTestTokenValue")
                .build()
                .orElseThrow();

        assertThat(StaticFindings.of(http)).extracting(Concern::kind).containsExactly(Concern.Kind.PLAIN_HTTP);
    }
}
