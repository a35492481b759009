package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloneUrlsTest {

    private static CloneUrls of(String url, Platform platform, String sourceName) {
        return CloneUrls.of(ApiUrl.parse(url), platform, SourceName.parse(sourceName));
    }

    @Test
    void cloudApiHostClonesFromTheWebHost() {
        assertThat(of("https://api.bitbucket.org/2.0", Platform.CLOUD, "acme/app"))
                .isEqualTo(new CloneUrls("https://bitbucket.org/acme/app.git", "git@bitbucket.org:acme/app.git"));
    }

    @Test
    void cloudWebHostClonesFromItself() {
        assertThat(of("https://bitbucket.org", Platform.CLOUD, "acme/app"))
                .isEqualTo(new CloneUrls("https://bitbucket.org/acme/app.git", "git@bitbucket.org:acme/app.git"));
    }

    @Test
    void cloudHostIsLowerCased() {
        assertThat(of("https://API.Bitbucket.org/2.0", Platform.CLOUD, "acme/app")
                        .https())
                .isEqualTo("https://bitbucket.org/acme/app.git");
    }

    @Test
    void cloudTestServerKeepsSchemeAndPort() {
        assertThat(of("http://127.0.0.1:8089", Platform.CLOUD, "acme/app"))
                .isEqualTo(new CloneUrls("http://127.0.0.1:8089/acme/app.git", "git@127.0.0.1:acme/app.git"));
    }

    @Test
    void dataCenterClonesUnderScmWithTheProjectKeyLowerCased() {
        assertThat(of("https://git.example.com", Platform.DATA_CENTER, "PROJ/App"))
                .isEqualTo(new CloneUrls(
                        "https://git.example.com/scm/proj/App.git", "ssh://git@git.example.com:7999/proj/App.git"));
    }

    @Test
    void dataCenterKeepsTheContextPathForHttpsOnly() {
        assertThat(of("https://git.example.com:8443/bitbucket/rest/api/1.0/", Platform.DATA_CENTER, "PROJ/app"))
                .isEqualTo(new CloneUrls(
                        "https://git.example.com:8443/bitbucket/scm/proj/app.git",
                        "ssh://git@git.example.com:7999/proj/app.git"));
    }

    @Test
    void dataCenterPersonalRepository() {
        assertThat(of("https://git.example.com", Platform.DATA_CENTER, "~jane/app")
                        .https())
                .isEqualTo("https://git.example.com/scm/~jane/app.git");
    }
}
