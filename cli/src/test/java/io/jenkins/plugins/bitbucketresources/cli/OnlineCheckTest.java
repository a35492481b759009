package io.jenkins.plugins.bitbucketresources.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OnlineCheckTest {

    private static final String TOKEN = "online-T0ken-9a8b7c";

    @RegisterExtension
    static WireMockExtension bitbucket = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner(Path.of("").toAbsolutePath(), Map.of("BITBUCKET_TOKEN", TOKEN));

    private Path config() throws IOException {
        Path file = dir.resolve("resources.yml");
        Files.writeString(file, """
                integrations:
                  - id: cloud
                    url: %1$s/2.0
                    platform: cloud
                    username: ci-bot@example.com
                    token: ${BITBUCKET_TOKEN}
                  - id: dc
                    url: %1$s
                    platform: datacenter
                    token: ${BITBUCKET_TOKEN}
                resources:
                  - {name: app-repo, type: gitRepo, integration: cloud, sourceName: acme/app, branch: main}
                folders:
                  team-a:
                    resources:
                      - {name: service, type: ciRepo, integration: dc, sourceName: BACK/service}
                """.formatted(bitbucket.baseUrl()));
        return file;
    }

    private static String cloudRepository(String workspace, String slug) {
        return """
                {"type": "repository", "full_name": "%1$s/%2$s", "name": "%2$s", "slug": "%2$s",
                 "mainbranch": {"type": "branch", "name": "main"},
                 "links": {"clone": [{"href": "https://ci-bot@bitbucket.org/%1$s/%2$s.git", "name": "https"},
                                     {"href": "git@bitbucket.org:%1$s/%2$s.git", "name": "ssh"}]}}
                """.formatted(workspace, slug);
    }

    @Test
    void everyIntegrationAndResourceIsCheckedWithOneLineEach() throws IOException {
        bitbucket.stubFor(get("/2.0/user").willReturn(okJson("""
                {"username": "ci-bot", "display_name": "CI Bot", "type": "user", "account_id": "5f0000000000000000000000"}""")));
        bitbucket.stubFor(get("/2.0/repositories/acme/app").willReturn(okJson(cloudRepository("acme", "app"))));
        bitbucket.stubFor(get("/2.0/repositories/acme/app/refs/branches/main").willReturn(okJson("""
                {"name": "main", "type": "branch", "target": {"hash": "bf4f4ce8a3a8d5c7dbfe7d609973a81a6c6664cf", "type": "commit"}}""")));
        bitbucket.stubFor(get(urlPathEqualTo("/rest/api/1.0/projects/BACK/repos/service")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"errors":[{"context":null,"message":"Repository BACK/service does not exist.",\
                        "exceptionName":"com.atlassian.bitbucket.repository.NoSuchRepositoryException"}]}""")));

        CliRunner.Result result = cli.run("check", "--config", config().toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(result.out().lines()).hasSize(6);
        assertThat(result.out().lines().skip(1).toList()).satisfiesExactly(
                line -> assertThat(line).isEqualTo("ok      integration cloud: API token (Atlassian account) acts as CI Bot (ci-bot)"),
                line -> assertThat(line).startsWith("FAILED  integration dc: ").contains("BACK/service").contains("not found or is not visible to this token"),
                line -> assertThat(line).isEqualTo("ok      resource app-repo (global): acme/app, branch main at bf4f4ce8a3a8d5c7dbfe7d609973a81a6c6664cf"),
                line -> assertThat(line).startsWith("FAILED  resource service (folder team-a): ").contains("not found or is not visible to this token"),
                line -> assertThat(line).isEqualTo("4 checks: 2 ok, 2 failed"));
        String basic = Base64.getEncoder().encodeToString(("ci-bot@example.com:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        bitbucket.verify(getRequestedFor(urlEqualTo("/2.0/user")).withHeader("Authorization", equalTo("Basic " + basic)));
        bitbucket.verify(getRequestedFor(urlPathEqualTo("/rest/api/1.0/projects/BACK/repos/service"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(result.out() + result.err()).doesNotContain(TOKEN).doesNotContain(basic);
    }

    @Test
    void allWellExitsZero() throws IOException {
        bitbucket.stubFor(get("/2.0/user").willReturn(okJson("{\"username\": \"ci-bot\", \"display_name\": \"CI Bot\", \"type\": \"user\"}")));
        bitbucket.stubFor(get("/2.0/repositories/acme/app").willReturn(okJson(cloudRepository("acme", "app"))));
        bitbucket.stubFor(get("/2.0/repositories/acme/app/refs/branches/main").willReturn(okJson(
                "{\"name\": \"main\", \"target\": {\"hash\": \"0123456789abcdef0123456789abcdef01234567\"}}")));
        bitbucket.stubFor(get(urlPathEqualTo("/rest/api/1.0/projects/BACK/repos/service")).willReturn(okJson("""
                {"slug":"service","name":"service","project":{"key":"BACK"},
                 "links":{"clone":[{"href":"ssh://git@localhost:7999/back/service.git","name":"ssh"},
                                   {"href":"http://localhost:7990/scm/back/service.git","name":"http"}]}}""")
                .withHeader("X-AUSERNAME", "project-bot")));
        bitbucket.stubFor(get(urlPathEqualTo("/rest/api/1.0/projects/BACK/repos/service/branches/default")).willReturn(okJson("""
                {"id":"refs/heads/main","displayId":"main","type":"BRANCH","latestCommit":"0123456789abcdef0123456789abcdef01234567","isDefault":true}""")));

        CliRunner.Result result = cli.run("check", "--config", config().toString());

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).endsWith("4 checks: 4 ok, 0 failed\n");
    }

    @Test
    void anInvalidFileIsNotCheckedOnline() throws IOException {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, """
                integrations:
                  - {id: cloud, url: "%s/2.0", platform: cloud, token: "${BITBUCKET_TOKEN}"}
                resources:
                  - {name: job, type: gitRepo, integration: cloud, sourceName: acme/app}
                """.formatted(bitbucket.baseUrl()));
        CliRunner.Result result = cli.run("check", "--config", file.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bitbucket.getAllServeEvents()).isEmpty();
    }

    @Test
    void anUnreachableServerIsReportedPerItem() throws IOException {
        Path file = dir.resolve("down.yml");
        Files.writeString(file, """
                integrations:
                  - {id: dc, url: "http://127.0.0.1:9", platform: datacenter, token: "${BITBUCKET_TOKEN}"}
                resources:
                  - {name: app, type: gitRepo, integration: dc, sourceName: PROJ/app}
                """);
        CliRunner.Result result = cli.run("check", "--config", file.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(result.out()).contains("FAILED  integration dc: ").contains("FAILED  resource app (global): ")
                .endsWith("2 checks: 0 ok, 2 failed\n");
    }
}
