package io.jenkins.plugins.bitbucketresources.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OnlineCheckTest {

    private static final String TOKEN = "online-T0ken-9a8b7c";

    @RegisterExtension
    static WireMockExtension bitbucket = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

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
        bitbucket.stubFor(get(urlPathEqualTo("/rest/api/1.0/projects/BACK/repos/service"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"errors":[{"context":null,"message":"Repository BACK/service does not exist.",\
                        "exceptionName":"com.atlassian.bitbucket.repository.NoSuchRepositoryException"}]}""")));

        CliRunner.Result result = cli.run("check", "--config", config().toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(result.out().lines()).hasSize(6);
        assertThat(result.out().lines().skip(1).toList())
                .satisfiesExactly(
                        line -> assertThat(line)
                                .isEqualTo(
                                        "ok      integration cloud: API token (Atlassian account) acts as CI Bot (ci-bot)"),
                        line -> assertThat(line)
                                .startsWith("FAILED  integration dc: ")
                                .contains("BACK/service")
                                .contains("not found or is not visible to this token"),
                        line -> assertThat(line)
                                .isEqualTo(
                                        "ok      resource app-repo (global): acme/app, branch main at bf4f4ce8a3a8d5c7dbfe7d609973a81a6c6664cf"),
                        line -> assertThat(line)
                                .startsWith("FAILED  resource service (folder team-a): ")
                                .contains("not found or is not visible to this token"),
                        line -> assertThat(line).isEqualTo("4 checks: 2 ok, 2 failed"));
        String basic =
                Base64.getEncoder().encodeToString(("ci-bot@example.com:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        bitbucket.verify(
                getRequestedFor(urlEqualTo("/2.0/user")).withHeader("Authorization", equalTo("Basic " + basic)));
        bitbucket.verify(getRequestedFor(urlPathEqualTo("/rest/api/1.0/projects/BACK/repos/service"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(result.out() + result.err()).doesNotContain(TOKEN).doesNotContain(basic);
    }

    @Test
    void allWellExitsZero() throws IOException {
        bitbucket.stubFor(get("/2.0/user")
                .willReturn(okJson("{\"username\": \"ci-bot\", \"display_name\": \"CI Bot\", \"type\": \"user\"}")));
        bitbucket.stubFor(get("/2.0/repositories/acme/app").willReturn(okJson(cloudRepository("acme", "app"))));
        bitbucket.stubFor(get("/2.0/repositories/acme/app/refs/branches/main")
                .willReturn(okJson(
                        "{\"name\": \"main\", \"target\": {\"hash\": \"0123456789abcdef0123456789abcdef01234567\"}}")));
        bitbucket.stubFor(get(urlPathEqualTo("/rest/api/1.0/projects/BACK/repos/service"))
                .willReturn(okJson("""
                {"slug":"service","name":"service","project":{"key":"BACK"},
                 "links":{"clone":[{"href":"ssh://git@localhost:7999/back/service.git","name":"ssh"},
                                   {"href":"http://localhost:7990/scm/back/service.git","name":"http"}]}}""").withHeader("X-AUSERNAME", "project-bot")));
        bitbucket.stubFor(get(urlPathEqualTo("/rest/api/1.0/projects/BACK/repos/service/branches/default"))
                .willReturn(okJson("""
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
        assertThat(result.out())
                .contains("FAILED  integration dc: ")
                .contains("FAILED  resource app (global): ")
                .endsWith("2 checks: 0 ok, 2 failed\n");
    }

    @Test
    void aServerThatNeverAnswersIsCutOffByOneDeadlineAndEveryUnfinishedItemIsSaidSo() throws IOException {
        bitbucket.stubFor(get(urlPathMatching("/.*"))
                .willReturn(aResponse().withFixedDelay(60_000).withStatus(200)));
        StringBuilder yaml = new StringBuilder("""
                integrations:
                  - {id: dc, url: "%s", platform: datacenter, token: "${BITBUCKET_TOKEN}"}
                resources:
                """.formatted(bitbucket.baseUrl()));
        for (int i = 0; i < 20; i++) {
            yaml.append("  - {name: app-")
                    .append(i)
                    .append(", type: gitRepo, integration: dc, sourceName: PROJ/app-")
                    .append(i)
                    .append("}\n");
        }
        Path file = dir.resolve("slow.yml");
        Files.writeString(file, yaml);
        // Requests that would wait far longer than the deadline: only the deadline can end this check.
        CliRunner patient = new CliRunner(
                Path.of("").toAbsolutePath(),
                Map.of("BITBUCKET_TOKEN", TOKEN),
                InputStream.nullInputStream(),
                CliRunner.FAST.withTimeouts(Duration.ofSeconds(120), Duration.ofSeconds(120)));

        CliRunner.Result result = patient.run("check", "--config", file.toString(), "--timeout", "2s");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        List<String> lines = result.out().lines().skip(1).toList();
        assertThat(lines).hasSize(22);
        assertThat(lines.subList(0, 21))
                .allSatisfy(line -> assertThat(line)
                        .startsWith("TIMEOUT ")
                        .contains(" within 2 s (--timeout)")
                        .contains("allow more time, e.g. --timeout 4s"));
        assertThat(lines.subList(0, 21)).anySatisfy(line -> assertThat(line).contains(": no answer within 2 s"));
        assertThat(lines.subList(0, 21)).anySatisfy(line -> assertThat(line).contains(": not started within 2 s"));
        assertThat(lines.get(21)).isEqualTo("21 checks: 0 ok, 0 failed, 21 did not finish within 2 s");
    }

    @Test
    void withAJobOnlyWhatTheJobSeesIsChecked() throws IOException {
        bitbucket.stubFor(get(urlPathEqualTo("/rest/api/1.0/projects/BACK/repos/service"))
                .willReturn(okJson("""
                {"slug":"service","name":"service","project":{"key":"BACK"},
                 "links":{"clone":[{"href":"ssh://git@localhost:7999/back/service.git","name":"ssh"},
                                   {"href":"http://localhost:7990/scm/back/service.git","name":"http"}]}}""").withHeader("X-AUSERNAME", "project-bot")));
        bitbucket.stubFor(get(urlPathEqualTo("/rest/api/1.0/projects/BACK/repos/service/branches/default"))
                .willReturn(okJson("""
                {"id":"refs/heads/main","displayId":"main","type":"BRANCH","latestCommit":"0123456789abcdef0123456789abcdef01234567"}""")));
        Path file = dir.resolve("jobs.yml");
        Files.writeString(file, """
                integrations:
                  - {id: dc, url: "%1$s", platform: datacenter, token: "${BITBUCKET_TOKEN}"}
                  - {id: unused, url: "%1$s/other", platform: datacenter, token: "${BITBUCKET_TOKEN}"}
                resources: []
                folders:
                  team-a:
                    resources:
                      - {name: service, type: ciRepo, integration: dc, sourceName: BACK/service}
                  team-b:
                    resources:
                      - {name: other, type: gitRepo, integration: unused, sourceName: BACK/other}
                """.formatted(bitbucket.baseUrl()));

        CliRunner.Result result = cli.run("check", "--config", file.toString(), "--job", "team-a/build");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out().lines().skip(1).toList())
                .satisfiesExactly(
                        line -> assertThat(line).isEqualTo("job team-a/build sees 1 resource: service (folder team-a)"),
                        line -> assertThat(line).startsWith("ok      integration dc: "),
                        line -> assertThat(line).startsWith("ok      resource service (folder team-a): BACK/service"),
                        line -> assertThat(line).isEqualTo("2 checks: 2 ok, 0 failed"));
        assertThat(bitbucket.findAll(getRequestedFor(urlPathMatching(".*other.*"))))
                .isEmpty();
    }

    @Test
    void offlineWithAJobSaysWhatTheJobSees() throws IOException {
        CliRunner.Result result =
                cli.run("check", "--offline", "--config", config().toString(), "--job", "team-a/build");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().skip(1).toList())
                .containsExactly("job team-a/build sees 2 resources: service (folder team-a), app-repo (global)");
        assertThat(bitbucket.getAllServeEvents()).isEmpty();
    }

    @Test
    void oneItemThatFailsInAnUnforeseenWayDoesNotStopTheOthers() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                InputStream.nullInputStream(),
                Map.of(),
                dir,
                false,
                CliRunner.FAST);
        OnlineCheck.Report fine = new OnlineCheck.Report(OnlineCheck.State.OK, "fine", List.of());

        int exitCode = new OnlineCheck(terminal, Duration.ofMinutes(1), false)
                .report(List.of(
                        new OnlineCheck.Item("resource a (global)", () -> fine),
                        new OnlineCheck.Item("resource b (global)", () -> {
                            throw new IllegalStateException("unforeseen");
                        }),
                        new OnlineCheck.Item("resource c (global)", () -> fine)));

        assertThat(exitCode).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                ok      resource a (global): fine
                FAILED  resource b (global): could not be checked: an internal error (IllegalStateException); \
                run again with --debug for details and report it
                ok      resource c (global): fine
                3 checks: 2 ok, 1 failed
                """);
    }

    @Test
    void aPortOutOfRangeIsAnErrorOfTheFileAndNothingIsSent() throws IOException {
        Path file = dir.resolve("port.yml");
        Files.writeString(file, """
                integrations:
                  - {id: dc, url: "http://127.0.0.1:99999/2.0", platform: cloud, token: "${BITBUCKET_TOKEN}"}
                resources:
                  - {name: app, type: gitRepo, integration: dc, sourceName: acme/app}
                """);
        CliRunner.Result result = cli.run("check", "--config", file.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out())
                .startsWith(file
                        + ":2:19: error: integrations[0].url: has the port 99999, which no server listens on: use a "
                        + "port from 1 to 65535");
    }
}
