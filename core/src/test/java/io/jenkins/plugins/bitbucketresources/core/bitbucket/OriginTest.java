package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OriginTest {

    private final Origin api =
            Origin.of(URI.create("https://API.bitbucket.org/2.0")).orElseThrow();

    @Test
    void defaultPortAndHostCaseDoNotMatter() {
        assertThat(api.contains(URI.create("https://api.bitbucket.org:443/2.0/repositories?page=2")))
                .isTrue();
    }

    @Test
    void otherSchemeHostOrPortIsAnotherOrigin() {
        assertThat(api.contains(URI.create("http://api.bitbucket.org/2.0"))).isFalse();
        assertThat(api.contains(URI.create("https://bitbucket.org/2.0"))).isFalse();
        assertThat(api.contains(URI.create("https://api.bitbucket.org:8443/2.0")))
                .isFalse();
        assertThat(api.contains(URI.create("https://api.bitbucket.org.evil.example/2.0")))
                .isFalse();
    }

    @Test
    void nonHttpAddressHasNoOrigin() {
        assertThat(Origin.of(URI.create("file:///etc/passwd"))).isEmpty();
        assertThat(Origin.of(URI.create("/relative"))).isEmpty();
    }
}
