package io.jenkins.plugins.bitbucketresources.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.env.ResourceVariables;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.testing.Command;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real git client against a Git smart-HTTP server on loopback that checks credentials as Bitbucket does: clone,
 * fetch, ls-remote and push work with every token kind, and the token reaches only the resource's repository, through
 * no argument, file or output.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class GitOverHttpTest {

    private static final String ACCESS_TOKEN = "ATCTT3xFfGF0-access-Qm9vbXNoYWthbGFrYQ";
    private static final String API_TOKEN = "ATATT3xFfGF0-api-WmVicmFzQW5kTGlvbnM";
    private static final String PERSONAL_TOKEN = "BBDC-personal-NzQ0MzE1OTk3MjQz";
    private static final String PROJECT_TOKEN = "BBDC-project-OTk4NzY1NDMyMTAw";
    private static final String EMAIL = "ci-bot@example.com";
    private static final String DC_USER = "builder";

    /** Each token kind: how the integration is set up, and what the server asks of git for it. */
    enum Kind {
        CLOUD_ACCESS_TOKEN("acme/app.git", "acme/app", ACCESS_TOKEN, "x-token-auth"),
        CLOUD_API_TOKEN("acme/app.git", "acme/app", API_TOKEN, "x-bitbucket-api-token-auth"),
        DATA_CENTER_PERSONAL_TOKEN("scm/proj/app.git", "PROJ/app", PERSONAL_TOKEN, DC_USER),
        DATA_CENTER_PROJECT_TOKEN("scm/proj/app.git", "PROJ/app", PROJECT_TOKEN, "");

        final String repository;
        final String sourceName;
        final String token;
        final String gitUser;

        Kind(String repository, String sourceName, String token, String gitUser) {
            this.repository = repository;
            this.sourceName = sourceName;
            this.token = token;
            this.gitUser = gitUser;
        }

        Integration integration(GitHttpServer server, String token) {
            return switch (this) {
                case CLOUD_ACCESS_TOKEN -> Blocks.cloudAccessToken(server.baseUrl() + "/2.0", token);
                case CLOUD_API_TOKEN -> Blocks.cloudApiToken(server.baseUrl() + "/2.0", EMAIL, token);
                case DATA_CENTER_PERSONAL_TOKEN -> Blocks.dataCenterPersonal(server.baseUrl(), DC_USER, token);
                case DATA_CENTER_PROJECT_TOKEN -> Blocks.dataCenterProject(server.baseUrl(), token);
            };
        }

        Access access() {
            return gitUser.isEmpty() ? new Access.Bearer(token) : new Access.Basic(gitUser, token);
        }

        List<String> leakForms() {
            return Leaks.formsOf(token, gitUser, EMAIL, DC_USER, "x-token-auth", "x-bitbucket-api-token-auth");
        }
    }

    @TempDir
    Path temp;

    private GitHttpServer server;
    private GitHttpServer otherHost;
    private GitClient git;
    private Path work;

    @BeforeEach
    void start() throws IOException {
        server = GitHttpServer.start(temp.resolve("server"));
        otherHost = GitHttpServer.start(temp.resolve("other-host"));
        git = GitClient.withHome(temp.resolve("home"));
        work = Files.createDirectories(temp.resolve("work"));
    }

    @AfterEach
    void stop() {
        server.close();
        otherHost.close();
    }

    private Map<String, String> inside(ResourceVariables... resources) {
        return Blocks.enter(git.environment(), Blocks.block(resources));
    }

    private ResourceVariables resource(Kind kind) {
        return resource(kind, kind.token);
    }

    private ResourceVariables resource(Kind kind, String token) {
        return Blocks.resource("app-repo", kind.sourceName, kind.integration(server, token));
    }

    private Command.Result git(Path directory, Map<String, String> environment, String... args) {
        return git.run(directory, environment, args);
    }

    private Command.Result ok(Path directory, Map<String, String> environment, String... args) {
        Command.Result result = git(directory, environment, args);
        assertThat(result.exitCode())
                .as("git %s\n%s", String.join(" ", args), result.all())
                .isZero();
        return result;
    }

    /** Clone, ls-remote, commit and push, fetch: what a build does; every output collected. */
    private List<Command.Result> cloneChangeAndPush(Map<String, String> environment, String url) throws IOException {
        List<Command.Result> results = new ArrayList<>();
        results.add(ok(work, environment, "clone", url, "app"));
        Path clone = work.resolve("app");
        results.add(ok(clone, environment, "ls-remote", url));
        Files.writeString(clone.resolve("CHANGES"), "built\n");
        results.add(ok(clone, environment, "add", "CHANGES"));
        results.add(ok(clone, environment, "commit", "-q", "-m", "build"));
        results.add(ok(clone, environment, "push", "origin", "HEAD:main"));
        results.add(ok(clone, environment, "fetch", "origin"));
        return results;
    }

    private static String expectedAuthorization(Kind kind) {
        return kind.gitUser.isEmpty()
                ? "Bearer " + kind.token
                : "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString((kind.gitUser + ":" + kind.token).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cloneLsRemotePushAndFetchWorkWithEveryTokenKind(Kind kind) throws IOException {
        server.createRepository(kind.repository, kind.access());
        Map<String, String> environment = inside(resource(kind));

        cloneChangeAndPush(environment, environment.get("APPREPO_HTTPS_URL"));

        String pushed =
                ok(work.resolve("app"), environment, "rev-parse", "HEAD").out().strip();
        assertThat(server.head(kind.repository, "main")).isEqualTo(pushed);
        List<Request> admitted = server.requestsTo(kind.repository).stream()
                .filter(r -> r.status() == 200)
                .toList();
        assertThat(admitted).extracting(Request::method).contains("GET", "POST");
        assertThat(admitted).allSatisfy(r -> assertThat(r.authorization()).contains(expectedAuthorization(kind)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theCloneUrlWithoutDotGitAuthenticatesToo(Kind kind) {
        server.createRepository(kind.repository, kind.access());
        Map<String, String> environment = inside(resource(kind));
        String url = environment.get("APPREPO_HTTPS_URL").replaceFirst("\\.git$", "");

        ok(work, environment, "clone", url, "app");
        ok(work.resolve("app"), environment, "fetch");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @EnabledOnOs(OS.LINUX)
    void theTokenIsInNoProcessArgumentNoFileAndNoOutput(Kind kind) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcessArguments.available(), "/proc is readable");
        server.createRepository(kind.repository, kind.access());
        Path trace = Files.createDirectories(temp.resolve("trace")).resolve("git-trace.txt");
        Map<String, String> environment = new HashMap<>(inside(resource(kind)));
        // git writes every command it runs, with its arguments, credential helpers included.
        environment.put("GIT_TRACE", trace.toString());
        List<Command.Result> results;
        ProcessArguments processes = ProcessArguments.watch();
        try (processes) {
            // While git waits for an answer, its processes are certainly running.
            server.onRequest(request -> processes.snapshot());
            results = cloneChangeAndPush(environment, environment.get("APPREPO_HTTPS_URL"));
        }

        List<String> forms = kind.leakForms();
        assertThat(processes.seen())
                .as("the processes seen include git's HTTP transport")
                .anyMatch(p -> p.contains("remote-http"));
        assertThat(processes.seen())
                .allSatisfy(arguments ->
                        assertThat(Leaks.inText(arguments, forms)).as(arguments).isEmpty());
        String traced = Files.readString(trace);
        assertThat(traced).as("the trace shows git's HTTP transport").contains("git-remote-http");
        if (!kind.gitUser.isEmpty()) {
            assertThat(traced)
                    .as("the trace shows the credential helper git ran")
                    .contains("f get'")
                    .contains("f store'");
        }
        assertThat(Leaks.inText(traced, forms)).isEmpty();
        for (Command.Result result : results) {
            assertThat(Leaks.inText(result.all(), forms)).isEmpty();
        }
        Path clone = work.resolve("app");
        assertThat(Leaks.fileCount(clone.resolve(".git"))).isGreaterThan(10);
        assertThat(Leaks.inFiles(clone, forms)).isEmpty();
        assertThat(Leaks.inFiles(git.home(), forms)).isEmpty();
        assertThat(Files.readString(clone.resolve(".git").resolve("config")))
                .contains(environment.get("APPREPO_HTTPS_URL"));
    }

    /**
     * Through {@code GIT_CONFIG_PARAMETERS}, as Jenkins starts a freestyle build's process: variables whose value is
     * empty unset, and variable references in the values replaced, twice. Everything still works, and the token still
     * reaches no process's arguments.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    @EnabledOnOs(OS.LINUX)
    void asParametersEveryTokenKindWorksWhereAHostDropsEmptyVariablesAndExpandsReferences(Kind kind)
            throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcessArguments.available(), "/proc is readable");
        server.createRepository(kind.repository, kind.access());
        Map<String, String> inside = Blocks.enterAsParameters(git.environment(), Blocks.block(resource(kind)));
        Map<String, String> environment = Blocks.throughHostExpansion(Blocks.throughHostExpansion(inside));
        List<Command.Result> results;
        ProcessArguments processes = ProcessArguments.watch();
        try (processes) {
            server.onRequest(request -> processes.snapshot());
            results = cloneChangeAndPush(environment, environment.get("APPREPO_HTTPS_URL"));
        }

        assertThat(environment)
                .doesNotContainKey("GIT_CONFIG_COUNT")
                .containsEntry("GIT_CONFIG_PARAMETERS", inside.get("GIT_CONFIG_PARAMETERS"));
        assertThat(server.head(kind.repository, "main"))
                .isEqualTo(ok(work.resolve("app"), environment, "rev-parse", "HEAD")
                        .out()
                        .strip());
        assertThat(server.requestsTo(kind.repository).stream().filter(r -> r.status() == 200))
                .allSatisfy(r -> assertThat(r.authorization()).contains(expectedAuthorization(kind)));
        assertThat(processes.seen()).anyMatch(p -> p.contains("remote-http"));
        assertThat(processes.seen())
                .allSatisfy(arguments -> assertThat(Leaks.inText(arguments, kind.leakForms()))
                        .as(arguments)
                        .isEmpty());
        for (Command.Result result : results) {
            assertThat(Leaks.inText(result.all(), kind.leakForms())).isEmpty();
        }
        assertThat(Leaks.inFiles(work.resolve("app"), kind.leakForms())).isEmpty();
    }

    @Test
    void asParametersAStoreHelperIsNeverHandedTheTokenAndTheUsersOwnEntriesStay() throws IOException {
        Kind kind = Kind.CLOUD_ACCESS_TOKEN;
        server.createRepository(kind.repository, kind.access());
        otherHost.createRepository("acme/tools.git", new Access.Open());
        Path store = git.home().resolve("git-credentials");
        Files.writeString(git.home().resolve(".gitconfig"), "[credential]\n\thelper = store --file " + store + "\n");
        Map<String, String> outside = new HashMap<>(git.environment());
        outside.put("GIT_CONFIG_COUNT", "1");
        outside.put("GIT_CONFIG_KEY_0", "http." + otherHost.baseUrl() + "/.extraHeader");
        outside.put("GIT_CONFIG_VALUE_0", "X-Build: kept");
        Map<String, String> environment =
                Blocks.throughHostExpansion(Blocks.enterAsParameters(outside, Blocks.block(resource(kind))));

        cloneChangeAndPush(environment, environment.get("APPREPO_HTTPS_URL"));
        ok(work, environment, "clone", otherHost.url("acme/tools.git"), "tools");

        assertThat(store).doesNotExist();
        assertThat(otherHost.requests())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.headers().get("X-build")).containsExactly("kept"));
    }

    @Test
    void aWrongTokenFailsWithGitsOwnMessageAndNothingLeaks() {
        Kind kind = Kind.CLOUD_ACCESS_TOKEN;
        server.createRepository(kind.repository, kind.access());
        String wrong = "ATCTT3xFfGF0-wrong-SGVsbG9Xb3JsZEFnYWlu";
        Map<String, String> environment = inside(resource(kind, wrong));

        Command.Result result = git(work, environment, "clone", environment.get("APPREPO_HTTPS_URL"), "app");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err())
                .contains("fatal: Authentication failed for '" + environment.get("APPREPO_HTTPS_URL"))
                .contains("bitbucket-resources: " + environment.get("APPREPO_HTTPS_URL")
                        + " refused the token of resource app-repo "
                        + "(APPREPO_INTEGRATION_TOKEN, as user x-token-auth)");
        assertThat(Leaks.inText(result.all(), Leaks.formsOf(wrong, "x-token-auth")))
                .isEmpty();
        assertThat(server.requestsTo(kind.repository))
                .extracting(Request::status)
                .containsOnly(401);
    }

    @Test
    void aWrongBearerTokenFailsWithoutAPromptAndNothingLeaks() {
        Kind kind = Kind.DATA_CENTER_PROJECT_TOKEN;
        server.createRepository(kind.repository, kind.access());
        String wrong = "BBDC-wrong-MTIzNDU2Nzg5MDEy";
        Map<String, String> environment = new HashMap<>(inside(resource(kind, wrong)));
        // A user's terminal would be asked for a password here without the helper's answer.
        environment.remove("GIT_TERMINAL_PROMPT");

        Command.Result result = git(work, environment, "clone", environment.get("APPREPO_HTTPS_URL"), "app");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err())
                .contains("bitbucket-resources: " + environment.get("APPREPO_HTTPS_URL")
                        + " refused the Bearer token of resource app-repo (APPREPO_INTEGRATION_TOKEN)")
                .contains("told us to quit");
        assertThat(Leaks.inText(result.all(), Leaks.formsOf(wrong))).isEmpty();
    }

    @Test
    void anotherRepositoryOfTheSameHostGetsNoCredentials() {
        Kind kind = Kind.CLOUD_ACCESS_TOKEN;
        server.createRepository(kind.repository, kind.access());
        server.createRepository("acme/app-tools.git", new Access.Open());
        // It would let the token in: only git's choice keeps the token away from it.
        server.createRepository("acme/private.git", kind.access());
        Map<String, String> environment = inside(resource(kind));

        ok(work, environment, "clone", server.url("acme/app-tools.git"), "tools");
        Command.Result refused = git(work, environment, "clone", server.url("acme/private.git"), "private");
        ok(work, environment, "clone", environment.get("APPREPO_HTTPS_URL"), "app");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("terminal prompts disabled");
        assertThat(server.requestsTo("acme/app-tools.git"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEmpty());
        assertThat(server.requestsTo("acme/private.git"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEmpty());
        assertThat(server.requestsTo(kind.repository))
                .anySatisfy(r -> assertThat(r.authorization()).isPresent());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anotherHostGetsNoCredentials(Kind kind) {
        server.createRepository(kind.repository, kind.access());
        otherHost.createRepository(kind.repository, new Access.Open());
        otherHost.createRepository("acme/locked.git", kind.access());
        Map<String, String> environment = inside(resource(kind));

        ok(work, environment, "clone", otherHost.url(kind.repository), "same-path-elsewhere");
        Command.Result refused = git(work, environment, "clone", otherHost.url("acme/locked.git"), "locked");
        ok(work, environment, "clone", environment.get("APPREPO_HTTPS_URL"), "app");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(otherHost.requests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.authorization()).isEmpty();
            assertThat(Leaks.inText(r.allHeaders(), kind.leakForms())).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRedirectToAnotherHostCarriesNoCredentials(Kind kind) {
        server.createRepository(kind.repository, kind.access());
        server.redirectAfterAuthentication(kind.repository, otherHost.baseUrl());
        otherHost.createRepository(kind.repository, new Access.Open());
        Map<String, String> environment = inside(resource(kind));

        Command.Result result = git(work, environment, "clone", environment.get("APPREPO_HTTPS_URL"), "app");

        assertThat(server.requestsTo(kind.repository))
                .extracting(Request::status)
                .contains(302);
        assertThat(otherHost.requests()).allSatisfy(r -> {
            assertThat(r.authorization()).isEmpty();
            assertThat(Leaks.inText(r.allHeaders(), kind.leakForms())).isEmpty();
        });
        if (kind.gitUser.isEmpty()) {
            // git would send the Bearer header to the new host with every later request: the redirect is not followed.
            assertThat(result.exitCode()).isNotZero();
            assertThat(otherHost.requests()).isEmpty();
        } else {
            // git forgets the credentials when it follows a redirect, and the helper answers only for the resource's
            // URL.
            assertThat(otherHost.requests()).as(result.all()).isNotEmpty();
        }
    }

    @Test
    void aRedirectToAnotherHostThatAsksForCredentialsGetsNone() {
        Kind kind = Kind.CLOUD_ACCESS_TOKEN;
        server.createRepository(kind.repository, kind.access());
        server.redirectAfterAuthentication(kind.repository, otherHost.baseUrl());
        otherHost.createRepository(kind.repository, new Access.Basic("someone", "their-password"));
        Map<String, String> environment = inside(resource(kind));

        Command.Result result = git(work, environment, "clone", environment.get("APPREPO_HTTPS_URL"), "app");

        assertThat(result.exitCode()).isNotZero();
        assertThat(otherHost.requests())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEmpty());
    }

    @Test
    void severalResourcesEachGetTheirOwnToken() {
        server.createRepository("acme/app.git", Kind.CLOUD_ACCESS_TOKEN.access());
        server.createRepository("scm/proj/lib.git", new Access.Bearer(PROJECT_TOKEN));
        otherHost.createRepository("scm/proj/app.git", Kind.DATA_CENTER_PERSONAL_TOKEN.access());
        Map<String, String> environment = inside(
                Blocks.resource(
                        "app-repo", "acme/app", Blocks.cloudAccessToken(server.baseUrl() + "/2.0", ACCESS_TOKEN)),
                Blocks.resource("lib", "PROJ/lib", Blocks.dataCenterProject(server.baseUrl(), PROJECT_TOKEN)),
                Blocks.resource(
                        "mirror", "PROJ/app", Blocks.dataCenterPersonal(otherHost.baseUrl(), DC_USER, PERSONAL_TOKEN)));

        ok(work, environment, "clone", environment.get("APPREPO_HTTPS_URL"), "app");
        ok(work, environment, "clone", environment.get("LIB_HTTPS_URL"), "lib");
        ok(work, environment, "clone", environment.get("MIRROR_HTTPS_URL"), "mirror");

        assertThat(authorizations(server, "acme/app.git")).containsOnly(expectedAuthorization(Kind.CLOUD_ACCESS_TOKEN));
        assertThat(authorizations(server, "scm/proj/lib.git")).containsOnly("Bearer " + PROJECT_TOKEN);
        assertThat(authorizations(otherHost, "scm/proj/app.git"))
                .containsOnly(expectedAuthorization(Kind.DATA_CENTER_PERSONAL_TOKEN));
    }

    @Test
    void nestedBlocksAndTheUsersOwnEntriesCompose() {
        server.createRepository("acme/app.git", Kind.CLOUD_ACCESS_TOKEN.access());
        server.createRepository("scm/proj/lib.git", new Access.Bearer(PROJECT_TOKEN));
        otherHost.createRepository("acme/tools.git", new Access.Open());
        Map<String, String> outside = new HashMap<>(git.environment());
        outside.put("GIT_CONFIG_COUNT", "1");
        outside.put("GIT_CONFIG_KEY_0", "http." + otherHost.baseUrl() + "/.extraHeader");
        outside.put("GIT_CONFIG_VALUE_0", "X-Build: kept");

        Map<String, String> outer = Blocks.enter(
                outside,
                Blocks.block(Blocks.resource(
                        "app-repo", "acme/app", Blocks.cloudAccessToken(server.baseUrl() + "/2.0", ACCESS_TOKEN))));
        Map<String, String> inner = Blocks.enter(
                outer,
                Blocks.block(
                        Blocks.resource("lib", "PROJ/lib", Blocks.dataCenterProject(server.baseUrl(), PROJECT_TOKEN))));

        assertThat(Integer.parseInt(inner.get("GIT_CONFIG_COUNT")))
                .isGreaterThan(Integer.parseInt(outer.get("GIT_CONFIG_COUNT")));
        ok(work, inner, "clone", inner.get("APPREPO_HTTPS_URL"), "app");
        ok(work, inner, "clone", inner.get("LIB_HTTPS_URL"), "lib");
        ok(work, inner, "clone", otherHost.url("acme/tools.git"), "tools");
        assertThat(otherHost.requests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers().get("X-build")).containsExactly("kept");
            assertThat(r.authorization()).isEmpty();
        });
        assertThat(authorizations(server, "scm/proj/lib.git")).containsOnly("Bearer " + PROJECT_TOKEN);
    }

    @Test
    void aConfiguredStoreHelperIsNeverHandedTheToken() throws IOException {
        Kind kind = Kind.CLOUD_ACCESS_TOKEN;
        server.createRepository(kind.repository, kind.access());
        otherHost.createRepository("acme/locked.git", new Access.Basic("someone", "their-password"));
        Path store = git.home().resolve("git-credentials");
        Files.writeString(
                store, "http://someone:their-password@" + otherHost.baseUrl().substring("http://".length()) + "\n");
        Files.writeString(git.home().resolve(".gitconfig"), "[credential]\n\thelper = store --file " + store + "\n");
        Map<String, String> environment = inside(resource(kind));

        // The store helper is in force for every other URL ...
        ok(work, environment, "clone", otherHost.url("acme/locked.git"), "locked");
        // ... and is not asked, nor told, anything about the resource's repository.
        cloneChangeAndPush(environment, environment.get("APPREPO_HTTPS_URL"));

        assertThat(Files.readString(store)).doesNotContain(server.baseUrl().substring("http://".length()));
        assertThat(Leaks.inFiles(git.home(), kind.leakForms())).isEmpty();
    }

    @Test
    void aResourceWithGitAuthOffAddsNothing() {
        Kind kind = Kind.CLOUD_ACCESS_TOKEN;
        server.createRepository(kind.repository, kind.access());
        ResourceVariables off =
                Blocks.resource("app-repo", kind.sourceName, kind.integration(server, kind.token), false);
        Map<String, String> environment = inside(off);

        Command.Result result = git(work, environment, "clone", environment.get("APPREPO_HTTPS_URL"), "app");

        assertThat(environment.keySet())
                .noneMatch(name -> name.startsWith("GIT_CONFIG_COUNT") || name.startsWith("GIT_CONFIG_KEY_"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(server.requestsTo(kind.repository))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEmpty());
    }

    private static List<String> authorizations(GitHttpServer host, String repository) {
        return host.requestsTo(repository).stream()
                .filter(r -> r.status() == 200)
                .map(r -> r.authorization().orElse("(none)"))
                .collect(Collectors.toList());
    }
}
