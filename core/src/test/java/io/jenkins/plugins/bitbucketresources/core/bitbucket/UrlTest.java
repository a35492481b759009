package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UrlTest {

    @Test
    void slashInASegmentStaysInsideIt() {
        URI uri = Url.under("https://api.bitbucket.org/2.0")
                .path("repositories", "acme", "app", "refs", "branches", "feature/x y")
                .build();

        assertThat(uri.getRawPath()).isEqualTo("/2.0/repositories/acme/app/refs/branches/feature%2Fx%20y");
    }

    @Test
    void queryValuesAreEncoded() {
        URI uri = Url.under("https://bitbucket.example.com/rest/api/1.0/")
                .path("users")
                .query("filter", "jane.doe@example.com&x=1")
                .build();

        assertThat(uri.toString())
                .isEqualTo("https://bitbucket.example.com/rest/api/1.0/users?filter=jane.doe%40example.com%26x%3D1");
    }

    @Test
    void workspaceUuidBracesAreEncoded() {
        URI uri = Url.under("https://api.bitbucket.org/2.0")
                .path("repositories", "{0f5e7c1a-4d2b-4e59-9a5e-1c2d3e4f5a6b}", "app")
                .build();

        assertThat(uri.getRawPath()).isEqualTo("/2.0/repositories/%7B0f5e7c1a-4d2b-4e59-9a5e-1c2d3e4f5a6b%7D/app");
    }

    @Test
    void withQueryReplacesAnExistingParameter() {
        URI first = URI.create("http://h/rest/api/1.0/projects/P/repos/r/branches?filterText=main&start=0&limit=100");

        assertThat(Url.withQuery(first, "start", "200").toString())
                .isEqualTo("http://h/rest/api/1.0/projects/P/repos/r/branches?filterText=main&limit=100&start=200");
    }

    @Test
    void encodedSegmentsUseOnlySafeCharactersAndDecodeBack() {
        GeneratedCases.check(1000, generate -> {
            String raw = generate.anyString(40);
            String encoded = Url.encode(raw);

            assertThat(encoded).matches("[A-Za-z0-9._~%-]*");
            assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
                    .isEqualTo(new String(raw.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        });
    }
}
