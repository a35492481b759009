package io.jenkins.plugins.bitbucketresources.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.prepare.Prepared;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line follows the engine's rule: only what a block uses must be valid. A broken nearest definition of a
 * name asked for is an error pointing at its lines; broken parts the block does not use stop nothing.
 */
class BrokenDefinitionsTest {

    private static final String TOKEN = "broken-T0ken-value";

    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner(Path.of("").toAbsolutePath(), Map.of("BITBUCKET_TOKEN", TOKEN));

    private Path write(String yaml) throws IOException {
        Path config = dir.resolve("resources.yml");
        Files.writeString(config, yaml);
        return config;
    }

    private static final String INTEGRATIONS = """
            integrations:
              - {id: cloud, url: https://api.bitbucket.org/2.0, platform: cloud, token: "${BITBUCKET_TOKEN}"}
              - {id: dc, url: https://bitbucket.example.com, token: "${DC_TOKEN}"}
            """;

    @Test
    void aBrokenDefinitionTheBlockDoesNotUseStopsNothing() throws IOException {
        Path config = write(INTEGRATIONS + """
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
                  - {name: legacy, type: svnRepo, integration: cloud, sourceName: acme/legacy}
                  - {name: lib, type: gitRepo, integration: nowhere, sourceName: acme/lib}
                """);

        CliRunner.Result result = cli.run("env", "--config", config.toString(), "app");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("APP_SOURCENAME=acme/app\n");
        assertThat(result.err())
                .isEqualTo(
                        "bitbucket-resources: warning: Bitbucket resource `legacy` (global) is visible to a run outside "
                                + "any job but cannot be used until its definition is fixed; this block does not use it.\n");
    }

    @Test
    void anIntegrationTheBlockDoesNotUseMayLackItsToken() throws IOException {
        Path config = write(INTEGRATIONS + """
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
                """);

        assertThat(cli.run("env", "--config", config.toString(), "app").exitCode())
                .isZero();
    }

    @Test
    void aBrokenNearestDefinitionIsAnErrorAtItsLinesEvenWhenAFartherOneIsValid() throws IOException {
        Path config = write(INTEGRATIONS + """
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
                folders:
                  team-a:
                    resources:
                      - name: app
                        type: gitRepo
                        integration: cloud
                        sourceName: acme
                        branch: main..dev
                """);

        CliRunner.Result result = cli.run("env", "--config", config.toString(), "--job", "team-a/build", "app");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo("bitbucket-resources: Bitbucket resource `app` in folder team-a cannot be used until its "
                        + "definition is fixed (the definition in global that it hides is not used instead):\n"
                        + config
                        + ":12:21: error: folders.team-a.resources[0].sourceName: `acme` is not of the form owner/repository: write "
                        + "`workspace/repo_slug` (Bitbucket Cloud, e.g. `acme/app`) or `PROJECT/repo` (Data Center, e.g. `PROJ/app`)\n"
                        + config
                        + ":13:17: error: folders.team-a.resources[0].branch: `main..dev` contains `..`, which git does not allow in a "
                        + "branch or tag name\n");
    }

    @Test
    void aResourceWhoseIntegrationTheFileLacksPointsAtTheReference() throws IOException {
        Path config = write(INTEGRATIONS + """
                resources:
                  - {name: lib, type: gitRepo, integration: clod, sourceName: acme/lib}
                """);

        CliRunner.Result result = cli.run("env", "--config", config.toString(), "lib");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .isEqualTo("bitbucket-resources: Bitbucket resource `lib` (global) uses the integration `clod`, but no "
                        + "Bitbucket integration with that ID is available here: create one with the ID `clod`, or point the resource at an "
                        + "integration that exists.\n"
                        + config
                        + ":5:45: error: resources[0].integration: `clod` is not an integration of this file (did you mean `cloud`?): add "
                        + "it under `integrations:` or fix the ID\n");
    }

    @Test
    void anIntegrationWithoutItsTokenIsAnErrorAtItsLine() throws IOException {
        Path config = write(INTEGRATIONS + """
                resources:
                  - {name: backend, type: gitRepo, integration: dc, sourceName: BACK/backend}
                """);

        CliRunner.Result result = cli.run("env", "--config", config.toString(), "backend");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .isEqualTo(
                        "bitbucket-resources: Bitbucket resource `backend` (global) uses the integration `dc`, which "
                                + "cannot be used until it is fixed:\n"
                                + config
                                + ":3:57: error: integrations[1].token: environment variable DC_TOKEN is not set: export it (`export "
                                + "DC_TOKEN=<token>`) before running, or use `tokenFile`\n");
    }

    @Test
    void aFileThatCannotBeReadAsAWholeStillStopsEveryCommand() throws IOException {
        Path config = write(INTEGRATIONS + """
                resources:
                  - {type: gitRepo, integration: cloud, sourceName: acme/nameless}
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
                """);

        CliRunner.Result result = cli.run("env", "--config", config.toString(), "app");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .isEqualTo("bitbucket-resources: " + config + " has 1 error:\n"
                        + config
                        + ":5:5: error: resources[0].name: is missing: every resource needs `name`, `type`, `integration` and "
                        + "`sourceName`\n");
    }

    @Test
    void theMessageIsTheEnginesWhenTheCommandLineHasNothingToAdd() throws IOException {
        Path config = write(INTEGRATIONS + """
                resources:
                  - {name: my-repo, type: gitRepo, integration: cloud, sourceName: acme/a}
                folders:
                  team-a:
                    resources:
                      - {name: tools, type: gitRepo, integration: cloud, sourceName: acme/tools}
                """);
        Resource myRepo = Resource.builder()
                .name("my-repo")
                .type("gitRepo")
                .integration("cloud")
                .sourceName("acme/a")
                .build()
                .orElseThrow();
        Resource tools = Resource.builder()
                .name("tools")
                .type("gitRepo")
                .integration("cloud")
                .sourceName("acme/tools")
                .build()
                .orElseThrow();
        List<ScopeDefinitions> scopes = List.of(
                new ScopeDefinitions(new Scope.Folder("team-a"), List.of(Definition.of(tools))),
                new ScopeDefinitions(Scope.GLOBAL, List.of(Definition.of(myRepo))));
        Prepared<?> engine =
                BlockPreparation.resolve(scopes, List.of("my-rep", "tols"), Optional.of(JobPath.parse("team-a/build")));

        CliRunner.Result result =
                cli.run("env", "--config", config.toString(), "--job", "team-a/build", "my-rep", "tols");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(result.err()).isEqualTo("bitbucket-resources: " + ((Prepared.Refused<?>) engine).message() + "\n");
    }

    @Test
    void listShowsEveryVisibleNameWithItsDefinitionAndMarksBrokenOnes() throws IOException {
        Path config = write(INTEGRATIONS + """
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
                  - {name: infra, type: gitRepo, integration: cloud, sourceName: acme/infra}
                folders:
                  team-a:
                    resources:
                      - {name: app, type: gitRepo, integration: cloud, sourceName: acme}
                      - {name: tools, type: gitRepo, integration: cloud, sourceName: acme/tools}
                """);

        CliRunner.Result result = cli.run("env", "--list", "--config", config.toString(), "--job", "team-a/build");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .isEqualTo(config + ":10:9: app (folder team-a, hiding global): cannot be used until its definition is "
                        + "fixed\n"
                        + config + ":11:9: tools (folder team-a)\n"
                        + config + ":6:5: infra (global)\n");
    }

    @Test
    void anUnknownNameAmongManyListsTheClosestAndHowToSeeThemAll() throws IOException {
        StringBuilder yaml = new StringBuilder(INTEGRATIONS).append("resources:\n");
        for (int i = 0; i < 40; i++) {
            yaml.append("  - {name: service-")
                    .append(i)
                    .append(", type: gitRepo, integration: cloud, sourceName: acme/s")
                    .append(i)
                    .append("}\n");
        }
        Path config = write(yaml.toString());

        CliRunner.Result result = cli.run("env", "--config", config.toString(), "service-4o");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RESOLUTION);
        assertThat(result.err())
                .startsWith(
                        "bitbucket-resources: No Bitbucket resource named `service-4o` is visible to a run outside any "
                                + "job. Did you mean `service-4` or `service-0` or `service-1`?\nVisible (the 10 closest of 40): service-4 (global), ")
                .endsWith("\nGive --job FOLDER/.../JOB to see the resources of a job's folders too.\n"
                        + "List all 40: bitbucket-resources env --list --config " + config + "\n");
    }
}
