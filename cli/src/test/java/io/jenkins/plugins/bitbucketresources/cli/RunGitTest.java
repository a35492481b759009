package io.jenkins.plugins.bitbucketresources.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.GitClient;
import io.jenkins.plugins.bitbucketresources.core.testing.GitHttpServer;
import io.jenkins.plugins.bitbucketresources.core.testing.GitHttpServer.Access;
import io.jenkins.plugins.bitbucketresources.core.testing.GitHttpServer.Request;
import io.jenkins.plugins.bitbucketresources.core.testing.Leaks;
import io.jenkins.plugins.bitbucketresources.core.testing.ProcessArguments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} with the real git client against a Git smart-HTTP server on loopback: a plain {@code git clone} just works. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RunGitTest {

    private static final String ACCESS_TOKEN = "ATCTT3xFfGF0-cli-access-UnVuR2l0VGVzdA";
    private static final String PROJECT_TOKEN = "BBDC-cli-project-UnVuR2l0QmVhcmVy";
    private static final String BUILD =
            "git clone -q \"$APPREPO_HTTPS_URL\" app && cd app && git ls-remote \"$APPREPO_HTTPS_URL\" >/dev/null "
                    + "&& echo built > CHANGES && git add CHANGES && git commit -q -m build && git push -q origin HEAD:main && git fetch -q "
                    + "&& echo \"pushed $(git rev-parse HEAD)\"";

    @TempDir
    Path temp;

    private GitHttpServer server;
    private GitClient git;
    private Path work;
    private Path config;

    @BeforeEach
    void start() throws IOException {
        server = GitHttpServer.start(temp.resolve("server"));
        git = GitClient.withHome(temp.resolve("home"));
        work = Files.createDirectories(temp.resolve("work"));
        config = temp.resolve("resources.yml");
        Files.writeString(config, """
                integrations:
                  - id: cloud
                    url: %1$s/2.0
                    platform: cloud
                    kind: accessToken
                    token: ${CLOUD_TOKEN}
                  - id: datacenter
                    url: %1$s
                    kind: projectHttpToken
                    token: ${DC_TOKEN}
                resources:
                  - {name: app-repo, type: gitRepo, integration: cloud, sourceName: acme/app}
                  - {name: infra, type: gitRepo, integration: datacenter, sourceName: PROJ/infra}
                  - {name: docs, type: gitRepo, integration: cloud, sourceName: acme/docs, gitAuth: false}
                """.formatted(server.baseUrl()));
        server.createRepository("acme/app.git", new Access.Basic("x-token-auth", ACCESS_TOKEN));
        server.createRepository("scm/proj/infra.git", new Access.Bearer(PROJECT_TOKEN));
        server.createRepository("acme/docs.git", new Access.Basic("x-token-auth", ACCESS_TOKEN));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> environment(String cloudToken) {
        Map<String, String> environment = new HashMap<>(git.environment());
        environment.put("CLOUD_TOKEN", cloudToken);
        environment.put("DC_TOKEN", PROJECT_TOKEN);
        return environment;
    }

    private CliRunner.Result sh(Map<String, String> environment, List<String> names, String script) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--config", config.toString()));
        args.addAll(names);
        args.addAll(List.of("--", "sh", "-c", script));
        return new CliRunner(work, environment).run(args.toArray(String[]::new));
    }

    private static List<String> forms() {
        return Leaks.formsOf(ACCESS_TOKEN, "x-token-auth");
    }

    @Test
    void cloneLsRemotePushAndFetchWorkUnchangedAndTheTokenStaysOutOfSight() {
        Assumptions.assumeTrue(ProcessArguments.available(), "/proc is readable");
        CliRunner.Result result;
        ProcessArguments processes = ProcessArguments.watch();
        try (processes) {
            server.onRequest(request -> processes.snapshot());
            result = sh(environment(ACCESS_TOKEN), List.of("app-repo"), BUILD);
        }

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("pushed ");
        assertThat(result.out().strip()).isEqualTo("pushed " + server.head("acme/app.git", "main"));
        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("x-token-auth:" + ACCESS_TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(server.requestsTo("acme/app.git"))
                .filteredOn(r -> r.status() == 200)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).contains(basic));
        assertThat(processes.seen())
                .anyMatch(p -> p.contains("remote-http"))
                .allSatisfy(arguments -> assertThat(Leaks.inText(arguments, forms()))
                        .as(arguments)
                        .isEmpty());
        assertThat(Leaks.inText(result.out() + result.err(), forms())).isEmpty();
        assertThat(Leaks.fileCount(work.resolve("app"))).isGreaterThan(10);
        assertThat(Leaks.inFiles(work, forms())).isEmpty();
        assertThat(Leaks.inFiles(git.home(), forms())).isEmpty();
    }

    @Test
    void aBearerOnlyTokenAndAnotherResourceWorkInOneRun() {
        CliRunner.Result result = sh(
                environment(ACCESS_TOKEN),
                List.of("app-repo", "infra"),
                "git clone -q \"$APPREPO_HTTPS_URL\" app && git clone -q \"$INFRA_HTTPS_URL\" infra && ls infra && env | grep '^GIT_CONFIG_'");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .startsWith("README\n")
                .contains("GIT_CONFIG_COUNT=16\n")
                .contains("=Authorization: Bearer ****\n")
                .doesNotContain(PROJECT_TOKEN);
        assertThat(server.requestsTo("scm/proj/infra.git"))
                .filteredOn(r -> r.status() == 200)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).contains("Bearer " + PROJECT_TOKEN));
        assertThat(server.requestsTo("acme/app.git"))
                .filteredOn(r -> r.status() == 200)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization())
                        .hasValueSatisfying(a -> assertThat(a).startsWith("Basic ")));
    }

    @Test
    void aResourceWithGitAuthFalseGetsNoCredentials() {
        CliRunner.Result result = sh(
                environment(ACCESS_TOKEN),
                List.of("docs"),
                "git clone -q \"$DOCS_HTTPS_URL\" docs; echo \"exit $?\"; echo \"count ${GIT_CONFIG_COUNT:-none}\"");

        assertThat(result.out()).isEqualTo("exit 128\ncount none\n");
        assertThat(server.requestsTo("acme/docs.git"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEmpty());
    }

    @Test
    void aWrongTokenFailsWithGitsOwnMessageMasked() {
        String wrong = "ATCTT3xFfGF0-cli-wrong-V3JvbmdUb2tlbg";
        CliRunner.Result result =
                sh(environment(wrong), List.of("app-repo"), "git clone -q \"$APPREPO_HTTPS_URL\" app");

        assertThat(result.exitCode()).isEqualTo(128);
        assertThat(result.err())
                .contains("refused the token of resource app-repo (APPREPO_INTEGRATION_TOKEN, as user x-token-auth)")
                .contains("fatal: Authentication failed for '" + server.url("acme/app.git"));
        assertThat(Leaks.inText(result.out() + result.err(), Leaks.formsOf(wrong, "x-token-auth")))
                .isEmpty();
    }

    @Test
    void theUsersOwnGitConfigEntriesStayInForce() {
        Map<String, String> environment = environment(ACCESS_TOKEN);
        environment.put("GIT_CONFIG_COUNT", "1");
        environment.put("GIT_CONFIG_KEY_0", "http." + server.url("acme/docs.git") + ".extraHeader");
        environment.put("GIT_CONFIG_VALUE_0", "X-Build: kept");

        CliRunner.Result result = sh(
                environment,
                List.of("app-repo"),
                "git clone -q \"$APPREPO_HTTPS_URL\" app && git ls-remote \"$DOCS_URL\" >/dev/null; echo \"$GIT_CONFIG_KEY_0\""
                        .replace("$DOCS_URL", server.url("acme/docs.git")));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("http." + server.url("acme/docs.git") + ".extraHeader\n");
        assertThat(server.requestsTo("acme/docs.git")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers().get("X-build")).containsExactly("kept");
            assertThat(r.authorization()).isEmpty();
        });
    }

    @Test
    void aBrokenGitConfigCountIsReportedAndLeftForGitToRefuse() {
        Map<String, String> environment = environment(ACCESS_TOKEN);
        environment.put("GIT_CONFIG_COUNT", "two");

        CliRunner.Result result = sh(
                environment, List.of("app-repo"), "echo \"$GIT_CONFIG_COUNT\"; git ls-remote \"$APPREPO_HTTPS_URL\"");

        assertThat(result.err())
                .startsWith("bitbucket-resources: warning: GIT_CONFIG_COUNT is `two`, which is not a number, so git "
                        + "refuses to run")
                .contains("bogus count in GIT_CONFIG_COUNT");
        assertThat(result.out()).isEqualTo("two\n");
        assertThat(result.exitCode()).isNotZero();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void nothingIsLeftOnDiskAfterTheRun() throws IOException {
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Map<String, String> environment = environment(ACCESS_TOKEN);
        environment.put("TMPDIR", tmp.toString());

        CliRunner.Result result =
                sh(environment, List.of("app-repo", "infra"), "git clone -q \"$APPREPO_HTTPS_URL\" app");

        assertThat(result.exitCode()).as(result.err()).isZero();
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
        assertThat(Leaks.inFiles(temp, Leaks.formsOf(PROJECT_TOKEN))).isEmpty();
        assertThat(Leaks.inFiles(temp.resolve("work"), forms())).isEmpty();
        assertThat(server.requestsTo("acme/app.git"))
                .extracting(Request::status)
                .contains(200);
    }
}
