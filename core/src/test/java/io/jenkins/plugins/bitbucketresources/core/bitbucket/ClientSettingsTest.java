package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    private final ClientSettings defaults = ClientSettings.defaults();

    @Test
    void configuredHttpClientNeverFollowsRedirectsAndHasTheConnectTimeout() {
        HttpClient http = defaults.configure(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS))
                .build();

        assertThat(http.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        assertThat(http.connectTimeout()).contains(defaults.connectTimeout());
    }

    @Test
    void zeroTimeoutIsRefused() {
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout");
    }

    @Test
    void attemptsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> defaults.withRetries(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> defaults.withRetries(11, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
    }

    @Test
    void initialBackoffLongerThanTheMaximumIsRefused() {
        assertThatThrownBy(() -> defaults.withRetries(3, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("initialBackoff");
    }

    @Test
    void negativeCacheTtlIsRefused() {
        assertThatThrownBy(() -> defaults.withCacheTtl(Duration.ofSeconds(-1))).hasMessageContaining("cacheTtl");
    }

    @Test
    void checksAskOnceWithoutCacheAndNameTheIntegration() {
        ClientSettings checks = ClientSettings.checks();

        assertThat(checks.maxAttempts()).isEqualTo(1);
        assertThat(checks.cacheTtl()).isZero();
        assertThat(checks.interactive()).isFalse();
        assertThat(checks.requestTimeout()).isEqualTo(defaults.requestTimeout());
    }

    @Test
    void proxyAdviceIsTheHostsSentenceAndABlankOneIsNone() {
        assertThat(defaults.proxyAdvice()).isEmpty();
        assertThat(defaults.withProxyAdvice("  Set the proxy's user in HTTPS_PROXY. ")
                        .proxyAdvice())
                .contains("Set the proxy's user in HTTPS_PROXY.");
        assertThat(defaults.withProxyAdvice(" ").proxyAdvice()).isEmpty();
        assertThat(defaults.withProxyAdvice("x")
                        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                        .proxyAdvice())
                .contains("x");
    }
}
