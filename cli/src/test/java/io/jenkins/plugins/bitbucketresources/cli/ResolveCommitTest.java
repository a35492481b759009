package io.jenkins.plugins.bitbucketresources.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ResolveCommitTest {

    private static final String HEAD = "bf4f4ce8a3a8d5c7dbfe7d609973a81a6c6664cf";

    @RegisterExtension
    static WireMockExtension bitbucket = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path dir;

    private Path config;
    private final CliRunner cli =
            new CliRunner(Path.of("").toAbsolutePath(), Map.of("BITBUCKET_TOKEN", "commit-T0ken"));

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("resources.yml");
        Files.writeString(config, """
                integrations:
                  - {id: cloud, url: "%s/2.0", platform: cloud, token: "${BITBUCKET_TOKEN}"}
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app, branch: main}
                  - {name: lib, type: syncRepo, integration: cloud, sourceName: acme/lib, branch: main, resolveCommit: true}
                  - {name: many, type: gitRepo, integration: cloud, sourceName: acme/many, branches: {only: [main, dev]}}
                  - {name: gone, type: gitRepo, integration: cloud, sourceName: acme/gone, branch: main}
                  - {name: proxied, type: gitRepo, integration: cloud, sourceName: acme/proxied, branch: main}
                """.formatted(bitbucket.baseUrl()));
        for (String slug : new String[] {"app", "lib"}) {
            bitbucket.stubFor(get("/2.0/repositories/acme/" + slug + "/refs/branches/main")
                    .willReturn(okJson("{\"name\": \"main\", \"type\": \"branch\", \"target\": {\"hash\": \"" + HEAD
                            + "\", \"type\": \"commit\"}}")));
        }
        bitbucket.stubFor(
                get("/2.0/repositories/acme/gone/refs/branches/main")
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"type\": \"error\", \"error\": {\"message\": \"Repository acme/gone not found\"}}")));
    }

    @Test
    void resolveCommitFillsTheCommitFromTheBranchHead() {
        CliRunner.Result result = cli.run("env", "--config", config.toString(), "--resolve-commit", "app");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).endsWith("APP_COMMIT=" + HEAD + "\n");
    }

    @Test
    void withoutTheOptionOnlyResourcesAskingForItGetACommit() {
        CliRunner.Result result = cli.run("env", "--config", config.toString(), "app", "lib");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContain("APP_COMMIT").contains("LIB_COMMIT=" + HEAD + "\n");
        assertThat(bitbucket.findAll(anyRequestedFor(urlMatching(".*/acme/app/.*"))))
                .isEmpty();
    }

    @Test
    void aResourceWithoutOneBranchCannotResolveItsCommit() {
        CliRunner.Result result = cli.run("env", "--config", config.toString(), "--resolve-commit", "many");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(result.err())
                .isEqualTo(
                        "bitbucket-resources: The commit of every resource was asked for, but Bitbucket resource `many` "
                                + "(global) does not name exactly one branch: set its `branch` to get its commit.\n");
    }

    @Test
    void aFailedLookupExitsFourWithBitbucketsAnswer() {
        CliRunner.Result result = cli.run("env", "--config", config.toString(), "--resolve-commit", "gone");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(result.err())
                .startsWith("bitbucket-resources: The commit of Bitbucket resource `gone` (global) could not be read: ")
                .contains("not found or is not visible to this token");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aProxyAskingForCredentialsIsReportedWithWhatTheCommandLineSendsIt() {
        bitbucket.stubFor(get("/2.0/repositories/acme/proxied/refs/branches/main")
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));

        CliRunner.Result result = cli.run("env", "--config", config.toString(), "--resolve-commit", "proxied");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(result.err())
                .startsWith(
                        "bitbucket-resources: The commit of Bitbucket resource `proxied` (global) could not be read: A "
                                + "proxy between here and " + bitbucket.baseUrl() + " refused the request")
                .endsWith("Check the proxy's credentials. " + HttpClients.PROXY_ADVICE + "\n");
    }
}
