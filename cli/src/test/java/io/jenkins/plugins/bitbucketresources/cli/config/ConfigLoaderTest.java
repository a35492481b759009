package io.jenkins.plugins.bitbucketresources.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Platform;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.TokenKind;
import io.jenkins.plugins.bitbucketresources.core.prepare.DefinitionRef;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.resolve.ScopedResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String TOKEN = "s3cr3t-T0ken-value";
    private static final Map<String, String> ENV = Map.of("BITBUCKET_TOKEN", TOKEN);

    @TempDir
    Path dir;

    private static final String INTEGRATION = """
            integrations:
              - id: cloud
                url: https://api.bitbucket.org/2.0
                username: ci@example.com
                token: ${BITBUCKET_TOKEN}
            """;

    private ConfigFile load(String yaml) throws IOException {
        return load(yaml, ENV);
    }

    private ConfigFile load(String yaml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("resources.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return new ConfigLoader(env).load(file);
    }

    private List<String> messages(ConfigFile file) {
        return file.allFindings().stream()
                .map(f -> f.line() + ": " + (f.isError() ? "" : "warning: ") + f.field() + ": " + f.message())
                .toList();
    }

    @Test
    void bundledExampleLoadsCleanly() {
        ConfigFile file = new ConfigLoader(ENV).load(Path.of("..", "examples", "bitbucket-resources.yml"));
        assertThat(file.allFindings()).isEmpty();
        assertThat(file.integrations()).containsOnlyKeys("bitbucket-cloud", "bitbucket-datacenter");
        assertThat(file.globalResources())
                .extracting(r -> r.name().value())
                .containsExactly("app-repo", "pipeline-defs");
        assertThat(file.folders()).containsOnlyKeys("team-a", "team-a/backend");
    }

    @Test
    void integrationTokenComesFromTheEnvironment() throws IOException {
        ConfigFile file = load(INTEGRATION + "resources: []\n");
        Integration integration = file.integrations().get("cloud").integration().orElseThrow();
        assertThat(integration.token().reveal()).isEqualTo(TOKEN);
        assertThat(integration.platform()).isEqualTo(Platform.CLOUD);
        assertThat(integration.kind()).isEqualTo(TokenKind.CLOUD_API_TOKEN);
        assertThat(file.allFindings()).isEmpty();
    }

    @Test
    void tokenMissingFromTheEnvironmentIsAnErrorWithLineAndFix() throws IOException {
        ConfigFile file = load(INTEGRATION + "resources: []\n", Map.of());
        assertThat(messages(file))
                .containsExactly("5: integrations[0].token: environment variable BITBUCKET_TOKEN is not set: "
                        + "export it (`export BITBUCKET_TOKEN=<token>`) before running, or use `tokenFile`");
        assertThat(file.errorsFor(List.of())).isEmpty();
        assertThat(file.errorsFor(List.of("cloud"))).hasSize(1);
    }

    @Test
    void emptyEnvironmentVariableIsAnError() throws IOException {
        ConfigFile file = load(INTEGRATION + "resources: []\n", Map.of("BITBUCKET_TOKEN", ""));
        assertThat(messages(file)).singleElement().asString().contains("environment variable BITBUCKET_TOKEN is empty");
    }

    @Test
    void tokenFileIsReadRelativeToTheResourcesFile() throws IOException {
        Path tokenFile = dir.resolve("secrets/token");
        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, TOKEN + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        ConfigFile file = load("""
                integrations:
                  - id: dc
                    url: https://bitbucket.example.com
                    tokenFile: secrets/token
                resources: []
                """);
        assertThat(file.allFindings()).isEmpty();
        assertThat(file.integrations()
                        .get("dc")
                        .integration()
                        .orElseThrow()
                        .token()
                        .reveal())
                .isEqualTo(TOKEN);
    }

    @Test
    void tokenFileReadableByOthersGetsAWarning() throws IOException {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, TOKEN);
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigFile file = load("""
                integrations:
                  - id: dc
                    url: https://bitbucket.example.com
                    tokenFile: token
                resources: []
                """);
        assertThat(messages(file))
                .containsExactly(
                        "4: warning: integrations[0].tokenFile: the token file can be read by other users: `chmod 600` it");
    }

    @Test
    void missingTokenFileIsAnError() throws IOException {
        ConfigFile file = load("""
                integrations:
                  - id: dc
                    url: https://bitbucket.example.com
                    tokenFile: nowhere/token
                resources: []
                """);
        assertThat(messages(file))
                .containsExactly("4: integrations[0].tokenFile: `nowhere/token` does not exist (paths are relative to "
                        + "the resources file): create it or fix the path");
    }

    @Test
    void inlineTokenIsAcceptedWithAWarning() throws IOException {
        ConfigFile file = load("""
                integrations:
                  - id: dc
                    url: https://bitbucket.example.com
                    token: plain-text-token
                resources: []
                """);
        assertThat(file.integrations().get("dc").integration()).isPresent();
        assertThat(messages(file))
                .singleElement()
                .asString()
                .startsWith("4: warning: integrations[0].token: is written in the file in plain text");
    }

    @Test
    void tokenAndTokenFileTogetherAreRefused() throws IOException {
        ConfigFile file = load("""
                integrations:
                  - id: dc
                    url: https://bitbucket.example.com
                    token: ${BITBUCKET_TOKEN}
                    tokenFile: token
                resources: []
                """);
        assertThat(messages(file))
                .containsExactly("5: integrations[0].tokenFile: is set together with `token`: keep one of them");
    }

    @Test
    void noMessageEverContainsTheToken() throws IOException {
        ConfigFile file = load("""
                integrations:
                  - id: cloud
                    url: https://api.bitbucket.org/2.0
                    username: not-an-email
                    token: ${BITBUCKET_TOKEN}
                  - id: cloud2
                    url: https://bitbucket.example.com
                    token: ATATT${BITBUCKET_TOKEN}
                resources: []
                """);
        assertThat(file.allFindings()).isNotEmpty();
        assertThat(file.allFindings()).allSatisfy(f -> assertThat(f.format()).doesNotContain(TOKEN));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsLine() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - name: app repo
                    type: gitrepo2
                    integration: cloud
                    sourceName: acme
                    branches: {only: [main, main]}
                  - name: lib
                    type: gitRepo
                    integration: clod
                    sourceName: acme/lib
                """);
        assertThat(messages(file))
                .containsExactly(
                        "7: resources[0].name: `app repo` contains whitespace: use letters, digits, `-` and `_`, e.g. `app-repo`",
                        "8: resources[0].type: `gitrepo2` is not a resource type: use `gitRepo`, `ciRepo`, `syncRepo`",
                        "10: resources[0].sourceName: `acme` is not of the form owner/repository: write `workspace/repo_slug` "
                                + "(Bitbucket Cloud, e.g. `acme/app`) or `PROJECT/repo` (Data Center, e.g. `PROJ/app`)",
                        "11: resources[0].branches.only[1]: `main` is listed twice: remove one",
                        "14: resources[1].integration: `clod` is not an integration of this file (did you mean `cloud`?): "
                                + "add it under `integrations:` or fix the ID");
        assertThat(file.globalResources()).extracting(r -> r.name().value()).containsExactly("lib");
    }

    @Test
    void unknownKeysAreErrorsWithASuggestion() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - name: app
                    type: gitRepo
                    integration: cloud
                    sourcename: acme/app
                """);
        assertThat(messages(file))
                .contains(
                        "10: resources[0].sourcename: unknown key: did you mean `sourceName`? Allowed here: allowedJobs, "
                                + "branch, branches, buildOnCommit, buildOnPullRequest, buildOnRelease, buildOnTagPush, gitAuth, integration, name, "
                                + "onlyOwnCheckout, resolveCommit, shipctl, sourceName, tags, type");
    }

    @Test
    void wrongTypesAreErrors() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - name: app
                    type: gitRepo
                    integration: cloud
                    sourceName: [acme, app]
                    buildOnCommit: sometimes
                    branches: main
                """);
        assertThat(messages(file))
                .contains(
                        "10: resources[0].sourceName: must be a single value (a list found)",
                        "11: resources[0].buildOnCommit: must be `true` or `false` (text found)",
                        "12: resources[0].branches: must be a mapping of keys to values (text found); allowed keys: except, only");
    }

    @Test
    void duplicateNamesInOneScopeAreErrors() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/other}
                """);
        assertThat(messages(file))
                .containsExactly(
                        "8: resources[1].name: `app` is already defined in this scope (resources[0], line 7): rename one of them or remove the "
                                + "duplicate");
        assertThat(file.globalResources())
                .extracting(r -> r.sourceName().toString())
                .containsExactly("acme/app");
    }

    @Test
    void sameNameInAFolderAndGloballyIsShadowingNotAnError() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
                folders:
                  team-a:
                    resources:
                      - {name: app, type: gitRepo, integration: cloud, sourceName: acme/team-a-app}
                """);
        assertThat(file.allFindings()).isEmpty();
        List<ScopedResources> scopes = file.scopesFor(Optional.of(JobPath.parse("team-a/build")));
        assertThat(scopes).extracting(ScopedResources::scope).containsExactly(new Scope.Folder("team-a"), Scope.GLOBAL);
    }

    @Test
    void prefixCollisionInOneScopeIsAnError() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - {name: my-repo, type: gitRepo, integration: cloud, sourceName: acme/a}
                  - {name: myrepo, type: gitRepo, integration: cloud, sourceName: acme/b}
                """);
        assertThat(messages(file))
                .containsExactly("8: resources[1].name: `myrepo` gives the variable prefix `MYREPO`, as `my-repo` "
                        + "(resources[0], line 7) does, so their variables would overwrite each other and they could never be used together: "
                        + "rename one of them");
        assertThat(file.fileErrors())
                .as("each of them can still be used on its own")
                .isEmpty();
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - name: app
                    type: gitRepo
                    integration: cloud
                    sourceName: acme/app
                    branch: main
                    branch: develop
                """);
        assertThat(messages(file)).containsExactly("12: resources[0].branch: appears twice (also line 11): keep one");
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() throws IOException {
        ConfigFile file = load("integrations:\n  - id: x\n    url: [unclosed\nresources: []\n");
        assertThat(file.allFindings()).singleElement().satisfies(f -> {
            assertThat(f.isError()).isTrue();
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.message()).startsWith("is not valid YAML: ");
        });
    }

    @Test
    void missingFileSaysSo() {
        ConfigFile file = new ConfigLoader(ENV).load(dir.resolve("absent.yml"));
        assertThat(file.allFindings())
                .singleElement()
                .satisfies(f -> assertThat(f.format())
                        .isEqualTo(dir.resolve("absent.yml")
                                + ": error: does not exist: check the path given to --config"));
    }

    @Test
    void emptyFileSaysWhereToStart() throws IOException {
        ConfigFile file = load("");
        assertThat(messages(file)).containsExactly("0: : is empty: start from examples/bitbucket-resources.yml");
    }

    @Test
    void aFileWithoutResourcesSaysSo() throws IOException {
        ConfigFile file = load(INTEGRATION);
        assertThat(messages(file))
                .containsExactly("1: : defines no resources: add a `resources:` list, or `folders:` with resources");
    }

    @Test
    void sourceNameMustFitTheIntegrationPlatform() throws IOException {
        ConfigFile file = load("""
                integrations:
                  - id: dc
                    url: https://bitbucket.example.com
                    token: ${BITBUCKET_TOKEN}
                resources:
                  - {name: app, type: gitRepo, integration: dc, sourceName: "{0f0e0d0c-0b0a-0908-0706-050403020100}/app"}
                """);
        assertThat(messages(file))
                .singleElement()
                .asString()
                .startsWith(
                        "6: resources[0].sourceName: `{0f0e0d0c-0b0a-0908-0706-050403020100}` is not a Bitbucket Data Center project key");
    }

    @Test
    void badFolderNamesAndDuplicateFoldersAreErrors() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                folders:
                  team-a//x:
                    resources: []
                  team-a:
                    resources: []
                  "team-a":
                    resources: []
                """);
        assertThat(messages(file))
                .containsExactly(
                        "7: folders.team-a//x: `team-a//x` is not a folder full name: write folder names separated by `/`, e.g. `team-a/backend`",
                        "11: folders.team-a: folder `team-a` is listed twice (also line 9): merge the two lists");
    }

    @Test
    void resourceSettingsAreRead() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - name: app
                    type: ciRepo
                    integration: cloud
                    sourceName: acme/app
                    branches: {only: [main, release/*], except: [release/old]}
                    tags: {only: [v*]}
                    buildOnCommit: false
                    buildOnPullRequest: true
                    buildOnTagPush: true
                    buildOnRelease: true
                    resolveCommit: true
                """);
        assertThat(file.allFindings()).isEmpty();
        Resource app = file.globalResources().get(0);
        assertThat(app.branches().only()).containsExactly("main", "release/*");
        assertThat(app.branches().except()).containsExactly("release/old");
        assertThat(app.tags().only()).containsExactly("v*");
        assertThat(app.buildOn().commit()).isFalse();
        assertThat(app.buildOn().pullRequest()).isTrue();
        assertThat(app.buildOn().tagPush()).isTrue();
        assertThat(app.buildOn().release()).isTrue();
        assertThat(app.resolveCommit()).isTrue();
    }

    @Test
    void aListWhereANameBelongsIsOneErrorNotTwo() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - name: [a, b]
                    type: gitRepo
                    integration: cloud
                    sourceName: acme/app
                """);
        assertThat(messages(file)).containsExactly("7: resources[0].name: must be a single value (a list found)");
    }

    @Test
    void anIntegrationIdOfTheWrongShapeIsOneError() throws IOException {
        ConfigFile file = load("""
                integrations:
                  - id: {name: dc}
                    url: https://bitbucket.example.com
                    token: ${BITBUCKET_TOKEN}
                resources: []
                """);
        assertThat(messages(file)).containsExactly("2: integrations[0].id: must be a single value (a mapping found)");
    }

    @Test
    void anUnknownKeyWithoutASuggestionEndsItsSentence() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - name: app
                    type: gitRepo
                    integration: cloud
                    sourceName: acme/app
                    zzz: 1
                """);
        assertThat(messages(file))
                .containsExactly("11: resources[0].zzz: unknown key. Allowed here: allowedJobs, branch, branches, "
                        + "buildOnCommit, buildOnPullRequest, buildOnRelease, buildOnTagPush, gitAuth, integration, name, onlyOwnCheckout, "
                        + "resolveCommit, "
                        + "shipctl, sourceName, tags, type");
    }

    @Test
    void yamlMergeKeysAreFollowedAndWrittenKeysWin() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - &defaults
                    name: app
                    type: gitRepo
                    integration: cloud
                    sourceName: acme/app
                    branch: main
                  - <<: *defaults
                    name: lib
                    sourceName: acme/lib
                  - <<: [*defaults]
                    name: tools
                    branch: develop
                """);
        assertThat(file.allFindings()).isEmpty();
        assertThat(file.globalResources())
                .extracting(r -> r.name().value() + " " + r.type() + " " + r.sourceName() + " "
                        + r.branch().orElse(""))
                .containsExactly(
                        "app GIT_REPO acme/app main", "lib GIT_REPO acme/lib main", "tools GIT_REPO acme/app develop");
    }

    @Test
    void aMergeKeyThatBringsNoMappingIsOneClearError() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - <<: gitRepo
                    name: app
                    type: gitRepo
                    integration: cloud
                    sourceName: acme/app
                """);
        assertThat(messages(file))
                .containsExactly("7: resources[0].<<: a YAML merge key takes a mapping or a list of them, usually an "
                        + "alias such as `<<: *defaults` (text found)");
    }

    @Test
    void aDuplicateNameIsFoundEvenWhenItsFirstDefinitionIsInvalid() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - {name: app, type: svnRepo, integration: cloud, sourceName: acme/app}
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/other}
                """);
        assertThat(messages(file))
                .containsExactly(
                        "7: resources[0].type: `svnRepo` is not a resource type: use `gitRepo`, `ciRepo`, `syncRepo`",
                        "8: resources[1].name: `app` is already defined in this scope (resources[0], line 7): rename one of them or remove the "
                                + "duplicate");
    }

    @Test
    void aFileBeyondSnakeYamlsDefaultCodePointLimitLoads() throws IOException {
        StringBuilder yaml = new StringBuilder(INTEGRATION).append("resources:\n");
        int count = 30_000;
        for (int i = 0; i < count; i++) {
            yaml.append("  - name: repository-")
                    .append(i)
                    .append("\n    type: gitRepo\n    integration: cloud\n")
                    .append("    sourceName: acme/repository-")
                    .append(i)
                    .append("\n    branch: main\n");
        }
        assertThat(yaml.length()).isGreaterThan(3 * 1024 * 1024);
        ConfigFile file = load(yaml.toString());
        assertThat(file.allFindings()).isEmpty();
        assertThat(file.globalResources()).hasSize(count);
    }

    @Test
    void shipctlIsReadAndOffByDefault() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app, shipctl: true}
                  - {name: lib, type: gitRepo, integration: cloud, sourceName: acme/lib}
                """);
        assertThat(file.allFindings()).isEmpty();
        assertThat(file.globalResources()).extracting(Resource::shipctl).containsExactly(true, false);
    }

    @Test
    void shipctlThatIsNotABooleanIsAnError() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app, shipctl: "yes please"}
                """);
        assertThat(messages(file))
                .anyMatch(m -> m.contains("resources[0].shipctl: must be `true` or `false` (text found)"));
    }

    @Test
    void problemsInsideAnEntryBelongToItAndLeaveTheFileUsable() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
                  - {name: legacy, type: svnRepo, integration: cloud, sourceName: acme/legacy, colour: red}
                """);

        assertThat(file.fileErrors()).isEmpty();
        assertThat(file.globalDefinitions()).extracting(DefinitionEntry::name).containsExactly("app", "legacy");
        DefinitionEntry legacy = file.globalDefinitions().get(1);
        assertThat(legacy.resource().isValid()).isFalse();
        assertThat(legacy.line()).isEqualTo(8);
        assertThat(legacy.findings())
                .extracting(Finding::field)
                .containsExactly("resources[1].colour", "resources[1].type");
        assertThat(legacy.resource().problems())
                .extracting(p -> p.field() + ": " + p.message())
                .first()
                .asString()
                .startsWith("resources[1].colour: unknown key");
        assertThat(file.globalResources()).extracting(r -> r.name().value()).containsExactly("app");
    }

    @Test
    void howEntriesRelateIsReportedButLeavesTheFileUsable() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/other}
                  - {name: lib, type: gitRepo, integration: nowhere, sourceName: acme/lib}
                """);

        assertThat(file.allFindings()).hasSize(2).allMatch(Finding::isError);
        assertThat(file.fileErrors()).isEmpty();
        assertThat(file.globalDefinitions()).allMatch(e -> e.resource().isValid());
    }

    @Test
    void anEntryWithoutANameSpoilsTheWholeFile() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - {type: gitRepo, integration: cloud, sourceName: acme/app}
                  - just-text
                """);

        assertThat(file.fileErrors()).extracting(Finding::field).containsExactly("resources[0].name", "resources[1]");
        assertThat(file.globalDefinitions()).isEmpty();
    }

    @Test
    void anIntegrationKeepsItsOwnProblems() throws IOException {
        ConfigFile file = load("""
                integrations:
                  - {id: dc, url: "ftp://bitbucket.example.com", token: "${BITBUCKET_TOKEN}"}
                  - {url: https://api.bitbucket.org/2.0, token: "${BITBUCKET_TOKEN}"}
                resources:
                  - {name: app, type: gitRepo, integration: dc, sourceName: P/app}
                """);

        assertThat(file.integrations().get("dc").errors())
                .extracting(Finding::field)
                .containsExactly("integrations[0].url");
        assertThat(file.fileErrors()).extracting(Finding::field).containsExactly("integrations[1].id");
    }

    @Test
    void aJobSeesEveryEntryOfItsScopesNearestFirstBrokenOnesIncluded() throws IOException {
        ConfigFile file = load(INTEGRATION + """
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
                folders:
                  team-a:
                    resources:
                      - {name: app, type: gitRepo, integration: cloud, sourceName: acme}
                  team-b:
                    resources:
                      - {name: tools, type: gitRepo, integration: cloud, sourceName: acme/tools}
                """);

        List<ScopeDefinitions> scopes = file.definitionsFor(Optional.of(JobPath.parse("team-a/build")));

        assertThat(scopes)
                .extracting(ScopeDefinitions::scope)
                .containsExactly(new Scope.Folder("team-a"), Scope.GLOBAL);
        assertThat(scopes.get(0).definitions())
                .singleElement()
                .satisfies(d -> assertThat(d.isValid()).isFalse());
        assertThat(file.entry(new DefinitionRef(new Scope.Folder("team-a"), 0)))
                .get()
                .extracting(DefinitionEntry::line)
                .isEqualTo(11);
        assertThat(file.entry(new DefinitionRef(Scope.GLOBAL, 5))).isEmpty();
    }
}
