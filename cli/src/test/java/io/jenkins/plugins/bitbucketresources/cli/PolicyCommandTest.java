package io.jenkins.plugins.bitbucketresources.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The least-privilege policy in the resources file: {@code check} validates it, {@code env} and {@code run} apply it. */
class PolicyCommandTest {

    private static final String TOKEN = "example-T0ken-5f4e3d";

    @TempDir
    Path dir;

    private Path config;
    private final CliRunner cli = new CliRunner(Path.of("").toAbsolutePath(), Map.of("BITBUCKET_TOKEN", TOKEN));

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("resources.yml");
        Files.writeString(config, """
                integrations:
                  - {id: dc, url: https://bitbucket.example.com, token: "${BITBUCKET_TOKEN}"}
                policy:
                  globalResourcesFolders: [team-a, platform/release]
                resources:
                  - {name: shared, type: gitRepo, integration: dc, sourceName: P/shared}
                folders:
                  team-a:
                    resources:
                      - {name: deploy, type: gitRepo, integration: dc, sourceName: P/deploy, allowedJobs: ["team-a/release/*"]}
                      - {name: app, type: ciRepo, integration: dc, sourceName: P/app, onlyOwnCheckout: true}
                  team-b:
                    resources:
                      - {name: lib, type: gitRepo, integration: dc, sourceName: P/lib}
                """);
    }

    @Test
    void allowedJobGetsTheVariables() {
        CliRunner.Result result =
                cli.run("env", "--config", config.toString(), "--job", "team-a/release/eu", "deploy", "shared");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("DEPLOY_SOURCENAME=P/deploy", "SHARED_SOURCENAME=P/shared");
    }

    @Test
    void refusedResourceGetsTheEnginesLineAndNothingIsPrinted() {
        CliRunner.Result result = cli.run("env", "--config", config.toString(), "--job", "team-a/nightly", "deploy");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains(
                        "Bitbucket resource `deploy` (defined on folder team-a) may not be used by job team-a/nightly: "
                                + "its allowedJobs `team-a/release/*` match no job of that name.");
    }

    @Test
    void globalResourceIsRefusedOutsideTheListedFolders() {
        CliRunner.Result result =
                cli.run("env", "--config", config.toString(), "--job", "team-b/build", "shared", "lib");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(result.err())
                .contains("global resources are usable only by jobs under the folders `team-a`, `platform/release`")
                .doesNotContain("`lib`");
    }

    @Test
    void withoutAJobTheRefusalSaysToGiveOne() {
        CliRunner.Result result = cli.run("env", "--config", config.toString(), "shared");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(result.err()).contains("a run outside any job").contains("--job FOLDER/.../JOB");
    }

    @Test
    void ownCheckoutResourceNeedsTheCheckoutNamed() {
        CliRunner.Result refused = cli.run("env", "--config", config.toString(), "--job", "team-a/app", "app");
        CliRunner.Result allowed = cli.run(
                "env",
                "--config",
                config.toString(),
                "--job",
                "team-a/app",
                "--checkout",
                "https://bitbucket.example.com/scm/p/app.git",
                "app");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(refused.err()).contains("(onlyOwnCheckout)").contains("--checkout REMOTE_URL");
        assertThat(allowed.exitCode()).isZero();
        assertThat(allowed.out()).contains("APP_SOURCENAME=P/app");
    }

    @Test
    void listShowsWhatTheJobMayNotUse() {
        CliRunner.Result result = cli.run("env", "--list", "--config", config.toString(), "--job", "team-b/build");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains(config + ":14:9: lib (folder team-b)\n")
                .contains(config + ":6:5: shared (global): refused to this job by globalResourcesFolders");
    }

    @Test
    void refusalPointsAtNoOtherResourceAndTellsTheRuleOnce() {
        CliRunner.Result result =
                cli.run("env", "--config", config.toString(), "--job", "team-a/nightly", "deploy", "shared");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(result.err().lines().filter(l -> l.contains("may not be used")))
                .hasSize(1);
    }

    @Test
    void runDoesNotStartTheCommandForARefusedResource() {
        Path marker = dir.resolve("ran");
        CliRunner.Result result = cli.run(
                "run", "--config", config.toString(), "--job", "team-b/x", "shared", "--", "touch", marker.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(marker).doesNotExist();
    }

    @Test
    void checkValidatesThePolicyKeys() throws IOException {
        Files.writeString(config, """
                integrations:
                  - {id: dc, url: http://bitbucket.example.com, token: "${BITBUCKET_TOKEN}"}
                policy:
                  globalResourcesFolders: [team-a, "team-*"]
                resources:
                  - {name: deploy, type: gitRepo, integration: dc, sourceName: P/deploy, allowedJobs: ["team-a//x"], onlyOwnCheckout: true}
                """);

        CliRunner.Result result = cli.run("check", "--offline", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out())
                .contains(config
                        + ":2:19: warning: integrations[0].url: The API URL http://bitbucket.example.com is http://")
                .contains(config + ":4:36: error: policy.globalResourcesFolders[1]: `team-*` is a pattern")
                .contains("error: resources[0].allowedJobs[0]: `team-a//x` has an empty name between `/`")
                .contains("error: resources[0].onlyOwnCheckout: is set on a gitRepo");
    }

    @Test
    void aPolicyThatCannotBeReadStopsEveryCommandRatherThanOpeningTheGlobalResources() throws IOException {
        Files.writeString(config, """
                integrations:
                  - {id: dc, url: https://bitbucket.example.com, token: "${BITBUCKET_TOKEN}"}
                policy:
                  globalResourcesFolders: ["team-*"]
                resources:
                  - {name: shared, type: gitRepo, integration: dc, sourceName: P/shared}
                """);

        CliRunner.Result result = cli.run("env", "--config", config.toString(), "--job", "team-b/build", "shared");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains(config + ":4:28: error: policy.globalResourcesFolders[0]: `team-*` is a pattern");
    }

    @Test
    void unknownPolicyKeyIsNamed() throws IOException {
        Files.writeString(config, """
                integrations:
                  - {id: dc, url: https://bitbucket.example.com, token: "${BITBUCKET_TOKEN}"}
                policy:
                  globalResourceFolders: [team-a]
                resources:
                  - {name: deploy, type: gitRepo, integration: dc, sourceName: P/deploy}
                """);

        CliRunner.Result result = cli.run("check", "--offline", "--config", config.toString());

        assertThat(result.out())
                .contains("policy.globalResourceFolders: unknown key: did you mean `globalResourcesFolders`?");
    }
}
