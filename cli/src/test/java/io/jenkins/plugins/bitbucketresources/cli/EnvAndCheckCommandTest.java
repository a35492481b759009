package io.jenkins.plugins.bitbucketresources.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvAndCheckCommandTest {

    private static final String TOKEN = "example-T0ken-5f4e3d";
    private static final Path EXAMPLE = Path.of("..", "examples", "bitbucket-resources.yml")
            .toAbsolutePath()
            .normalize();

    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner(Path.of("").toAbsolutePath(), Map.of("BITBUCKET_TOKEN", TOKEN));

    @Test
    void envPrintsTheVariablesInContractOrderWithTheTokenMasked() {
        CliRunner.Result result =
                cli.run("env", "--config", EXAMPLE.toString(), "--job", "team-a/backend/build", "app-repo", "backend");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                APPREPO_INTEGRATION_URL=https://api.bitbucket.org/2.0
                APPREPO_INTEGRATION_TOKEN=****
                APPREPO_INTEGRATION_USERNAME=ci-bot@example.com
                APPREPO_NAME=app-repo
                APPREPO_TYPE=gitRepo
                APPREPO_SOURCENAME=acme/app
                APPREPO_HTTPS_URL=https://bitbucket.org/acme/app.git
                APPREPO_SSH_URL=git@bitbucket.org:acme/app.git
                APPREPO_BRANCH=develop
                APPREPO_POINTER_BRANCH=develop
                APPREPO_POINTER_BUILDONCOMMIT=TRUE
                APPREPO_POINTER_BUILDONPULLREQUEST=FALSE
                APPREPO_POINTER_BUILDONTAGPUSH=FALSE
                APPREPO_POINTER_BUILDONRELEASE=FALSE
                BACKEND_INTEGRATION_URL=https://bitbucket.example.com
                BACKEND_INTEGRATION_TOKEN=****
                BACKEND_NAME=backend
                BACKEND_TYPE=ciRepo
                BACKEND_SOURCENAME=BACK/backend-service
                BACKEND_HTTPS_URL=https://bitbucket.example.com/scm/back/backend-service.git
                BACKEND_SSH_URL=ssh://git@bitbucket.example.com:7999/back/backend-service.git
                BACKEND_POINTER_BRANCHES_ONLY_0=main
                BACKEND_POINTER_BRANCHES_ONLY_1=release/*
                BACKEND_POINTER_BRANCHES_EXCEPT_0=release/legacy
                BACKEND_POINTER_TAGS_ONLY_0=v*
                BACKEND_POINTER_BUILDONCOMMIT=TRUE
                BACKEND_POINTER_BUILDONPULLREQUEST=TRUE
                BACKEND_POINTER_BUILDONTAGPUSH=TRUE
                BACKEND_POINTER_BUILDONRELEASE=FALSE
                """);
    }

    @Test
    void withoutAJobOnlyGlobalResourcesAreVisible() {
        CliRunner.Result result = cli.run("env", "--config", EXAMPLE.toString(), "app-repo");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("APPREPO_BRANCH=main\n");
    }

    @Test
    void nearestFolderWins() {
        CliRunner.Result parent = cli.run("env", "-c", EXAMPLE.toString(), "-j", "team-a/build", "app-repo");
        assertThat(parent.out()).contains("APPREPO_BRANCH=develop\n");
    }

    @Test
    void unknownNameExitsWithResolutionErrorAndSuggestion() {
        CliRunner.Result result =
                cli.run("env", "--config", EXAMPLE.toString(), "--job", "team-a/backend/build", "app-rep");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo(
                        "bitbucket-resources: No Bitbucket resource named `app-rep` is visible to job "
                                + "team-a/backend/build. Did you mean `app-repo`?\nVisible: backend (folder team-a/backend), app-repo (folder team-a), "
                                + "pipeline-defs (global). Fix the name, or define `app-rep` in a folder above the job or in the global configuration.\n");
    }

    @Test
    void collidingResourcesExitWithResolutionError() throws IOException {
        Path config = dir.resolve("r.yml");
        Files.writeString(config, """
                integrations:
                  - {id: dc, url: https://bitbucket.example.com, token: "${BITBUCKET_TOKEN}"}
                resources:
                  - {name: my-repo, type: gitRepo, integration: dc, sourceName: P/a}
                  - {name: myrepo, type: gitRepo, integration: dc, sourceName: P/b}
                """);
        CliRunner.Result result = cli.run("env", "--config", config.toString(), "my-repo", "myrepo");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(result.err())
                .contains("resources `my-repo` (global) and `myrepo` (global) both give the variable prefix `MYREPO`");
    }

    @Test
    void missingTokenOfAnUsedIntegrationIsAUsageError() {
        CliRunner.Result result = new CliRunner(Path.of("").toAbsolutePath(), Map.of())
                .run("env", "--config", EXAMPLE.toString(), "app-repo");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("environment variable BITBUCKET_TOKEN is not set");
    }

    @Test
    void missingArgumentsAreAUsageErrorWithTheUsage() {
        CliRunner.Result result = cli.run("env");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .startsWith("bitbucket-resources: Missing required option: '--config=FILE'\n"
                        + "Usage: bitbucket-resources env")
                .contains("(--list | NAME...)");
    }

    @Test
    void namesOrListAreRequired() {
        CliRunner.Result result = cli.run("env", "--config", EXAMPLE.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .startsWith("bitbucket-resources: Error: Missing required argument (specify one of these): "
                        + "(--list | NAME...)");
    }

    @Test
    void namesAndListExcludeEachOther() {
        CliRunner.Result result = cli.run("env", "--config", EXAMPLE.toString(), "--list", "app-repo");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("bitbucket-resources: Unmatched argument at index 4: 'app-repo'");
    }

    @Test
    void badJobPathIsAUsageError() {
        CliRunner.Result result = cli.run("env", "--config", EXAMPLE.toString(), "--job", "team-a//build", "app-repo");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("bitbucket-resources: --job `team-a//build` has an empty folder name");
    }

    @Test
    void unknownCommandSuggestsTheClosestOne() {
        CliRunner.Result result = cli.run("envv");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Did you mean: bitbucket-resources env?");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRunner.Result result = cli.run();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("bitbucket-resources: a command is required: env, check or run");
    }

    @Test
    void offlineCheckOfTheExampleIsClean() {
        CliRunner.Result result = cli.run("check", "--offline", "--config", EXAMPLE.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .isEqualTo(EXAMPLE + ": 2 integrations, 4 resources in 3 scopes; 0 errors, 0 warnings\n");
    }

    @Test
    void offlineCheckPrintsEveryProblemAndExitsTwo() throws IOException {
        Path config = dir.resolve("bad.yml");
        Files.writeString(config, """
                integrations:
                  - {id: dc, url: "ftp://bitbucket.example.com", token: "${BITBUCKET_TOKEN}"}
                resources:
                  - {name: job, type: gitRepo, integration: dc, sourceName: P/a}
                  - {name: app, type: svnRepo, integration: dc, sourceName: P/b}
                """);
        CliRunner.Result result = cli.run("check", "--offline", "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out().lines())
                .containsExactly(
                        config
                                + ":2:19: error: integrations[0].url: uses `ftp:`, not http or https: write the http(s) address of the API, e.g. "
                                + "https://api.bitbucket.org/2.0 for Bitbucket Cloud or https://bitbucket.example.com for Data Center",
                        config
                                + ":4:12: error: resources[0].name: `job` gives the variable prefix `JOB`, which would overwrite or shadow "
                                + "`JOB_BASE_NAME`, `JOB_DISPLAY_URL`, `JOB_NAME`, `JOB_URL` set by Jenkins, its SCM or the shell: rename the resource, e.g. `job-repo`",
                        config
                                + ":5:23: error: resources[1].type: `svnRepo` is not a resource type: use `gitRepo`, `ciRepo`, `syncRepo`",
                        config + ": 1 integration, 0 resources in 1 scope; 3 errors, 0 warnings");
    }

    @Test
    void noOutputEverContainsTheToken() {
        for (String[] args : new String[][] {
            {
                "env",
                "--config",
                EXAMPLE.toString(),
                "--job",
                "team-a/backend/build",
                "app-repo",
                "backend",
                "pipeline-defs"
            },
            {"check", "--offline", "--config", EXAMPLE.toString()},
            {"env", "--config", EXAMPLE.toString(), "nope"},
        }) {
            CliRunner.Result result = cli.run(args);
            assertThat(result.out() + result.err()).doesNotContain(TOKEN);
        }
    }

    @Test
    void noStackTraceReachesTheUser() throws IOException {
        Path config = dir.resolve("broken.yml");
        Files.writeString(config, "resources: [ {name: a\n");
        CliRunner.Result result = cli.run("env", "--config", config.toString(), "a");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("is not valid YAML")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    void envLeavesTheProblemsOfFoldersTheJobDoesNotSeeToCheck() throws IOException {
        Path config = dir.resolve("r.yml");
        Files.writeString(config, """
                integrations:
                  - {id: dc, url: https://bitbucket.example.com, token: "${BITBUCKET_TOKEN}"}
                resources:
                  - {name: app, type: gitRepo, integration: dc, sourceName: P/app}
                folders:
                  team-b:
                    resources:
                      - {name: broken, type: svnRepo, integration: nowhere, sourceName: P/b}
                """);
        CliRunner.Result env = cli.run("env", "--config", config.toString(), "--job", "team-a/build", "app");
        assertThat(env.exitCode()).as(env.err()).isZero();
        assertThat(env.out()).contains("APP_SOURCENAME=P/app\n");

        CliRunner.Result check = cli.run("check", "--offline", "--config", config.toString());
        assertThat(check.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(check.out()).contains("folders.team-b.resources[0].type: `svnRepo` is not a resource type");
    }

    @Test
    void envStopsAtABrokenEntryOfTheJobsOwnFolderThatItUses() throws IOException {
        Path config = dir.resolve("r.yml");
        Files.writeString(config, """
                integrations:
                  - {id: dc, url: https://bitbucket.example.com, token: "${BITBUCKET_TOKEN}"}
                resources:
                  - {name: app, type: gitRepo, integration: dc, sourceName: P/app}
                folders:
                  team-a:
                    resources:
                      - {name: broken, type: svnRepo, integration: dc, sourceName: P/b}
                """);
        CliRunner.Result env = cli.run("env", "--config", config.toString(), "--job", "team-a/build", "broken");
        assertThat(env.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(env.err())
                .contains(config + ":8:30: error: folders.team-a.resources[0].type: `svnRepo` is not a resource type");
    }

    @Test
    void aConfigThatIsADirectoryIsSaidToBeOne() {
        CliRunner.Result result = cli.run("env", "--config", dir.toString(), "app");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .isEqualTo("bitbucket-resources: " + dir + " has 1 error:\n" + dir
                        + ": error: is a directory: give the path "
                        + "of the resources file (YAML) in it, e.g. `--config " + dir.resolve("bitbucket-resources.yml")
                        + "`\n");
    }
}
