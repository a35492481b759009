package io.jenkins.plugins.bitbucketresources.core.prepare;

import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.TEAM_A;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.broken;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.resource;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.scope;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.teamA;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import io.jenkins.plugins.bitbucketresources.core.revision.CommitPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The decisions of a block's preparation, with the host's parts as a host passes them: definitions, an integration
 * lookup, checkouts, and a commit lookup that answers from a table (the lookup over HTTP is tested in
 * {@link ConcurrentLookupsTest}).
 */
class BlockPreparationTest {

    private static final JobPath JOB = JobPath.parse("team-a/backend/build");
    private static final String HEAD = "5a1c0ffee0ddba11c0de5eed0fca11ab1e5ca1ab";
    private static final String CHECKED_OUT = "0b5e55ed0ddf00dcafebabe0123456789abcdef0";
    private static final Integration CLOUD = Integration.builder()
            .id("bitbucket-cloud")
            .token("ATCTT3xFfGN0-example-token")
            .build()
            .orElseThrow();
    private static final Integration DATA_CENTER = Integration.builder()
            .id("bitbucket-dc")
            .url("https://git.example.com")
            .token("BBDC-example-token")
            .build()
            .orElseThrow();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    /** What the commit lookup was asked, as {@code source@branch}. */
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private final List<String> integrationsAsked = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    private BlockPreparation preparation(Map<String, Outcome<String>> heads) {
        return new BlockPreparation(
                (integration, source, branch) -> {
                    asked.add(source + "@" + branch);
                    return heads.getOrDefault(
                            source + "@" + branch,
                            new Outcome.NotFound<>("branch `" + branch + "` of `" + source + "` was not "
                                    + "found or is not visible to this token"));
                },
                POOL,
                Clock.systemUTC());
    }

    private BlockPreparation preparation() {
        return preparation(Map.of());
    }

    private Integrations cloudOnly() {
        return id -> {
            integrationsAsked.add(id);
            return id.equals(CLOUD.id()) ? new IntegrationLookup.Found(CLOUD) : new IntegrationLookup.Missing();
        };
    }

    private BlockRequest.Builder request(List<ScopeDefinitions> scopes, String... names) {
        return BlockRequest.builder().job(JOB).scopes(scopes).names(names).integrations(cloudOnly());
    }

    private Prepared<BlockEnvironment> prepare(BlockRequest.Builder request) throws InterruptedException {
        return preparation().prepare(request.build());
    }

    private static BlockEnvironment ready(Prepared<BlockEnvironment> prepared) {
        assertThat(prepared).as("%s", prepared.problems()).isInstanceOf(Prepared.Ready.class);
        return ((Prepared.Ready<BlockEnvironment>) prepared).value();
    }

    private static BlockProblem onlyError(Prepared<?> prepared) {
        assertThat(prepared).isInstanceOf(Prepared.Refused.class);
        assertThat(prepared.errors()).hasSize(1);
        return prepared.errors().get(0);
    }

    // --- the names -------------------------------------------------------------------------------------------------

    @Test
    void theNearestDefinitionsGiveTheVariablesInTheOrderAsked() throws InterruptedException {
        BlockEnvironment environment = ready(prepare(request(teamA(), "tools", "app-repo")));

        assertThat(environment.describe())
                .isEqualTo("tools (folder team-a) via bitbucket-cloud: TOOLS_INTEGRATION_URL, "
                        + "TOOLS_INTEGRATION_TOKEN, TOOLS_NAME, TOOLS_TYPE, TOOLS_SOURCENAME, TOOLS_HTTPS_URL, TOOLS_SSH_URL, "
                        + "TOOLS_POINTER_BUILDONCOMMIT, TOOLS_POINTER_BUILDONPULLREQUEST, TOOLS_POINTER_BUILDONTAGPUSH, "
                        + "TOOLS_POINTER_BUILDONRELEASE; "
                        + "app-repo (folder team-a/backend, hiding folder team-a, global) via bitbucket-cloud: APPREPO_INTEGRATION_URL, "
                        + "APPREPO_INTEGRATION_TOKEN, APPREPO_NAME, APPREPO_TYPE, APPREPO_SOURCENAME, APPREPO_HTTPS_URL, APPREPO_SSH_URL, "
                        + "APPREPO_POINTER_BUILDONCOMMIT, APPREPO_POINTER_BUILDONPULLREQUEST, APPREPO_POINTER_BUILDONTAGPUSH, "
                        + "APPREPO_POINTER_BUILDONRELEASE");
        assertThat(environment.asMap())
                .containsEntry("APPREPO_SOURCENAME", "backend/app")
                .containsEntry("TOOLS_SOURCENAME", "team-a/tools");
        assertThat(environment.secretNames()).containsExactly("TOOLS_INTEGRATION_TOKEN", "APPREPO_INTEGRATION_TOKEN");
        assertThat(asked).isEmpty();
    }

    @Test
    void noNameIsRefused() throws InterruptedException {
        BlockProblem problem = onlyError(prepare(request(teamA())));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.NO_NAMES);
        assertThat(problem.message())
                .isEqualTo("No resource name given: name at least one Bitbucket resource, e.g. `app-repo`.");
    }

    @Test
    void everyProblemOfTheRequestIsReportedAtOnce() throws InterruptedException {
        Prepared<BlockEnvironment> prepared = prepare(request(teamA(), "lib", " lib", "", "nope", "lib"));

        assertThat(prepared.errors())
                .extracting(BlockProblem::kind)
                .containsExactly(
                        BlockProblem.Kind.NAMED_TWICE, BlockProblem.Kind.EMPTY_NAME, BlockProblem.Kind.UNKNOWN_NAMES);
        assertThat(((Prepared.Refused<BlockEnvironment>) prepared).message())
                .startsWith("Resource `lib` is named more than once: name "
                        + "each resource once.\nAn empty resource name was given: name a Bitbucket resource, e.g. `app-repo`.\nNo Bitbucket "
                        + "resource named `nope` is visible to job team-a/backend/build.");
    }

    @Test
    void unknownNamesAreReportedTogetherWithTheClosestAndWhatTheJobSees() throws InterruptedException {
        BlockProblem problem = onlyError(prepare(request(teamA(), "app-rpo", "tools", "infr")));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.UNKNOWN_NAMES);
        assertThat(problem.resources()).containsExactly("app-rpo", "infr");
        assertThat(problem.message())
                .isEqualTo(
                        "No Bitbucket resource named `app-rpo` is visible to job team-a/backend/build. Did you mean `app-repo`?\n"
                                + "No Bitbucket resource named `infr` is visible to job team-a/backend/build. Did you mean `infra`?\n"
                                + "Visible: app-repo (folder team-a/backend), lib (folder team-a/backend), tools (folder team-a), infra (global). "
                                + "Fix the names, or define `app-rpo`, `infr` in a folder above the job or in the global configuration.");
    }

    @Test
    void aNameWithTheSameVariablePrefixIsSuggested() throws InterruptedException {
        assertThat(onlyError(prepare(request(teamA(), "AppRepo"))).message())
                .startsWith(
                        "No Bitbucket resource named `AppRepo` is visible to job team-a/backend/build. Did you mean `app-repo`?\n");
    }

    @Test
    void withoutAnyResourceTheMessageSaysWhereToDefineOne() throws InterruptedException {
        BlockProblem problem = onlyError(
                prepare(request(List.of(scope(Scope.GLOBAL)), "app-repo").job(Optional.empty())));

        assertThat(problem.message())
                .isEqualTo("No Bitbucket resource named `app-repo` is visible to a run outside any job: no "
                        + "resources are defined in its folders or globally.\nDefine `app-repo` in a folder above the job or in the global "
                        + "configuration.");
    }

    @Test
    void amongThousandsOfVisibleNamesOnlyTheClosestAndACountAreListed() throws InterruptedException {
        List<Definition> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(valid("service-" + i, "acme/service-" + i));
        }
        many.add(valid("app-repo", "acme/app"));

        BlockProblem problem =
                onlyError(prepare(request(List.of(new ScopeDefinitions(Scope.GLOBAL, many)), "app-rep")));

        assertThat(problem.message())
                .hasSizeLessThan(1000)
                .startsWith(
                        "No Bitbucket resource named `app-rep` is visible to job team-a/backend/build. Did you mean `app-repo`?\n"
                                + "Visible (the 10 closest of 5,001): app-repo (global), ")
                .endsWith(
                        ". Fix the name, or define `app-rep` in a folder above the job or in the global configuration.");
        String visible = problem.message()
                .substring(
                        problem.message().indexOf("): ") + 3, problem.message().indexOf(". Fix"));
        assertThat(visible.split(", ")).hasSize(10);
    }

    // --- broken definitions ----------------------------------------------------------------------------------------

    @Test
    void aBrokenNearestDefinitionIsAnErrorNamingItEvenWhenAFartherOneIsValid() throws InterruptedException {
        List<ScopeDefinitions> scopes =
                List.of(scope(TEAM_A, broken("app-repo")), scope(Scope.GLOBAL, valid("app-repo", "acme/app")));

        BlockProblem problem = onlyError(prepare(request(scopes, "app-repo")));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.BROKEN_DEFINITION);
        assertThat(problem.definition()).contains(new DefinitionRef(TEAM_A, 0));
        assertThat(problem.details()).extracting(Problem::field).containsExactly("sourceName");
        assertThat(problem.message())
                .startsWith(
                        "Bitbucket resource `app-repo` in folder team-a cannot be used until its definition is "
                                + "fixed (the definition in global that it hides is not used instead):\nsourceName: `not-a-repository` is not of the form");
    }

    @Test
    void brokenDefinitionsOfOtherNamesOnlyGiveOneWarning() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(
                scope(TEAM_A, broken("old-repo"), valid("app-repo", "team-a/app")),
                scope(Scope.GLOBAL, broken("legacy"), broken("app-repo")));

        Prepared<BlockEnvironment> prepared = prepare(request(scopes, "app-repo"));

        ready(prepared);
        assertThat(prepared.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(BlockProblem.Kind.BROKEN_ELSEWHERE);
            assertThat(warning.resources()).containsExactly("old-repo", "legacy");
            assertThat(warning.message())
                    .isEqualTo(
                            "Bitbucket resources `old-repo` (folder team-a), `legacy` (global) are visible to job "
                                    + "team-a/backend/build but cannot be used until their definitions are fixed; this block does not use them.");
        });
    }

    @Test
    void theVisibleListMarksBrokenNames() throws InterruptedException {
        BlockProblem problem = onlyError(prepare(request(List.of(scope(Scope.GLOBAL, broken("app-repo"))), "app-rep")));

        assertThat(problem.message()).contains("Visible: app-repo (global, broken).");
    }

    // --- integrations ----------------------------------------------------------------------------------------------

    @Test
    void aMissingIntegrationNamesTheResourceAndTheId() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(
                scope(Scope.GLOBAL, valid(resource("app-repo", "acme/app").integration("nowhere"))));

        BlockProblem problem = onlyError(prepare(request(scopes, "app-repo")));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.INTEGRATION_MISSING);
        assertThat(problem.message())
                .isEqualTo("Bitbucket resource `app-repo` (global) uses the integration `nowhere`, but no Bitbucket "
                        + "integration with that ID is available here: create one with the ID `nowhere`, or point the resource at an integration "
                        + "that exists.");
    }

    @Test
    void somethingElseWithTheIdIsNotAnIntegration() throws InterruptedException {
        BlockProblem problem = onlyError(
                prepare(request(teamA(), "tools").integrations(id -> new IntegrationLookup.WrongKind("Secret text"))));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.INTEGRATION_WRONG_KIND);
        assertThat(problem.message())
                .isEqualTo("Bitbucket resource `tools` (folder team-a) uses `bitbucket-cloud`, which is a Secret text "
                        + "credential, not a Bitbucket integration: point the resource at a Bitbucket integration, or replace `bitbucket-cloud` "
                        + "with one.");
    }

    @Test
    void anInvalidIntegrationListsItsErrors() throws InterruptedException {
        List<Problem> problems =
                List.of(Problem.warning("url", "is plain http"), Problem.error("token", "is empty: paste the token"));

        BlockProblem problem = onlyError(
                prepare(request(teamA(), "tools").integrations(id -> new IntegrationLookup.Invalid(problems))));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.INTEGRATION_INVALID);
        assertThat(problem.details()).containsExactly(problems.get(1));
        assertThat(problem.message())
                .isEqualTo("Bitbucket resource `tools` (folder team-a) uses the integration `bitbucket-cloud`, which "
                        + "cannot be used until it is fixed:\ntoken: is empty: paste the token");
    }

    @Test
    void aRepositoryOfTheOtherPlatformCannotBeReached() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(Scope.GLOBAL, valid(resource("app-repo", "~jane/app"))));

        BlockProblem problem = onlyError(prepare(request(scopes, "app-repo")));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.INTEGRATION_MISMATCH);
        assertThat(problem.message())
                .startsWith(
                        "Bitbucket resource `app-repo` (global) cannot be reached through the integration "
                                + "`bitbucket-cloud` (Bitbucket Cloud): sourceName: `~jane` is not a Bitbucket Cloud workspace ID");
    }

    @Test
    void eachIntegrationIsLookedUpOnce() throws InterruptedException {
        ready(prepare(request(teamA(), "app-repo", "lib", "tools", "infra")));

        assertThat(integrationsAsked).containsExactly("bitbucket-cloud");
    }

    @Test
    void problemsOfEveryStepBeforeBitbucketAreReportedTogether() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL,
                valid(resource("app-repo", "acme/app").integration("nowhere")),
                broken("lib"),
                valid(resource("many", "acme/many")
                        .branches(List.of("main", "dev"), List.of())
                        .resolveCommit(true)),
                valid(resource("head", "acme/head").branch("main").resolveCommit(true))));

        Prepared<BlockEnvironment> prepared = prepare(request(scopes, "app-repo", "lib", "nope", "many", "head"));

        assertThat(prepared.errors())
                .extracting(BlockProblem::kind)
                .containsExactly(
                        BlockProblem.Kind.BROKEN_DEFINITION,
                        BlockProblem.Kind.UNKNOWN_NAMES,
                        BlockProblem.Kind.INTEGRATION_MISSING,
                        BlockProblem.Kind.COMMIT_REFUSED);
        assertThat(asked)
                .as("nothing is asked of Bitbucket for a block that cannot start")
                .isEmpty();
    }

    // --- commits ---------------------------------------------------------------------------------------------------

    @Test
    void aCiRepoTakesTheCommitTheBuildCheckedOutWithoutAskingBitbucket() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL,
                valid(resource("ci-repo", "acme/app")
                        .type("ciRepo")
                        .branch("main")
                        .resolveCommit(true))));

        BlockEnvironment environment = ready(prepare(request(scopes, "ci-repo")
                .checkouts(List.of(new Checkout(Set.of("git@bitbucket.org:acme/app.git"), CHECKED_OUT)))));

        assertThat(environment.asMap()).containsEntry("CIREPO_COMMIT", CHECKED_OUT);
        assertThat(asked).isEmpty();
    }

    @Test
    void aResourceAskingForItsCommitGetsTheBranchHead() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL,
                valid(resource("lib", "acme/lib").branch("main").resolveCommit(true)),
                valid(resource("app", "acme/app").branch("main"))));

        BlockEnvironment environment = ready(preparation(Map.of("acme/lib@main", new Outcome.Ok<>(HEAD)))
                .prepare(request(scopes, "lib", "app").build()));

        assertThat(environment.asMap()).containsEntry("LIB_COMMIT", HEAD).doesNotContainKey("APP_COMMIT");
        assertThat(asked).containsExactly("acme/lib@main");
    }

    @Test
    void everyResourceGetsItsCommitWhenTheRequestAsks() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL,
                valid(resource("lib", "acme/lib").branch("main")),
                valid(resource("ci-repo", "acme/app").type("ciRepo").branch("main"))));

        BlockEnvironment environment = ready(preparation(
                        Map.of("acme/lib@main", new Outcome.Ok<>(HEAD), "acme/app@main", new Outcome.Ok<>(CHECKED_OUT)))
                .prepare(request(scopes, "lib", "ci-repo")
                        .commitOfEveryResource(true)
                        .build()));

        assertThat(environment.asMap()).containsEntry("LIB_COMMIT", HEAD).containsEntry("CIREPO_COMMIT", CHECKED_OUT);
    }

    @Test
    void aResourceWithoutOneBranchCannotHaveItsCommit() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL,
                valid(resource("many", "acme/many")
                        .branches(List.of("main", "release/*"), List.of())
                        .resolveCommit(true))));

        BlockProblem problem = onlyError(prepare(request(scopes, "many")));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.COMMIT_REFUSED);
        assertThat(problem.message())
                .isEqualTo("Bitbucket resource `many` (global) asks for its commit (resolveCommit) but does not name "
                        + "exactly one branch: set `branch`, or turn resolveCommit off");
    }

    @Test
    void whenEveryCommitIsAskedForAResourceWithoutOneBranchIsToldSo() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(Scope.GLOBAL, valid(resource("many", "acme/many"))));

        BlockProblem problem = onlyError(prepare(request(scopes, "many").commitOfEveryResource(true)));

        assertThat(problem.message())
                .isEqualTo("The commit of every resource was asked for, but Bitbucket resource `many` (global) does "
                        + "not name exactly one branch: set its `branch` to get its commit.");
    }

    @Test
    void aFailedLookupSaysWhatBitbucketAnswered() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL, valid(resource("gone", "acme/gone").branch("main").resolveCommit(true))));

        BlockProblem problem = onlyError(prepare(request(scopes, "gone")));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.COMMIT_FAILED);
        assertThat(problem.message())
                .isEqualTo("The commit of Bitbucket resource `gone` (global) could not be read: branch `main` of "
                        + "`acme/gone` was not found or is not visible to this token");
    }

    @Test
    void anAnswerThatIsNotACommitIsRefused() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL, valid(resource("lib", "acme/lib").branch("main").resolveCommit(true))));

        BlockProblem problem = onlyError(preparation(Map.of("acme/lib@main", new Outcome.Ok<>("HEAD")))
                .prepare(request(scopes, "lib").build()));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.COMMIT_FAILED);
        assertThat(problem.message()).contains("`HEAD` is not a commit ID");
    }

    @Test
    void aLookupThatThrowsIsAProblemNotACrash() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL, valid(resource("lib", "acme/lib").branch("main").resolveCommit(true))));
        BlockPreparation failing = new BlockPreparation(
                (i, s, b) -> {
                    throw new IllegalStateException("the HTTP client failed unexpectedly");
                },
                POOL,
                Clock.systemUTC());

        BlockProblem problem = onlyError(failing.prepare(request(scopes, "lib").build()));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.COMMIT_FAILED);
        assertThat(problem.message())
                .isEqualTo(
                        "The commit of Bitbucket resource `lib` (global) could not be read: the lookup failed "
                                + "unexpectedly (IllegalStateException). Try again; if it keeps happening, report it with the time it happened.");
    }

    @Test
    void aLookupThatAnswersNothingIsAProblemNotACrash() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL, valid(resource("lib", "acme/lib").branch("main").resolveCommit(true))));
        BlockPreparation silent = new BlockPreparation((i, s, b) -> null, POOL, Clock.systemUTC());

        BlockProblem problem = onlyError(silent.prepare(request(scopes, "lib").build()));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.COMMIT_FAILED);
        assertThat(problem.message()).contains("the lookup failed unexpectedly (NullPointerException)");
    }

    @Test
    void identicalLookupsOfOneBlockAreMadeOnce() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL,
                valid(resource("lib", "acme/lib").branch("main").resolveCommit(true)),
                valid(resource("lib-again", "acme/lib").branch("main").resolveCommit(true))));

        ready(preparation(Map.of("acme/lib@main", new Outcome.Ok<>(HEAD)))
                .prepare(request(scopes, "lib", "lib-again").build()));

        assertThat(asked).containsExactly("acme/lib@main");
    }

    @Test
    void lookupsNotAnsweredByTheDeadlineAreGivenUp() throws InterruptedException {
        Hanging hanging = new Hanging();
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL,
                valid(resource("lib", "acme/lib").branch("main").resolveCommit(true)),
                valid(resource("app", "acme/app").branch("main").resolveCommit(true))));
        try {
            Prepared<BlockEnvironment> prepared = hanging.preparation()
                    .prepare(request(scopes, "lib", "app")
                            .timeLimit(Duration.ZERO)
                            .build());

            assertThat(prepared.errors())
                    .extracting(BlockProblem::kind)
                    .containsExactly(BlockProblem.Kind.COMMIT_TIMEOUT, BlockProblem.Kind.COMMIT_TIMEOUT);
            assertThat(prepared.errors().get(0).message())
                    .isEqualTo("The commit of Bitbucket resource `lib` (global) could not be read: "
                            + "Bitbucket did not answer within 0 ms, the time the commit lookups of a block may take. Try again; if it keeps "
                            + "happening, check the network path to Bitbucket and any proxy on the way.");
        } finally {
            hanging.release.countDown();
        }
    }

    @Test
    void anInterruptedPreparationStopsWaiting() throws InterruptedException {
        Hanging hanging = new Hanging();
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL, valid(resource("lib", "acme/lib").branch("main").resolveCommit(true))));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread block = new Thread(() -> {
            try {
                hanging.preparation().prepare(request(scopes, "lib").build());
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        try {
            block.start();
            assertThat(hanging.started.await(30, TimeUnit.SECONDS)).isTrue();
            block.interrupt();
            block.join(TimeUnit.SECONDS.toMillis(30));

            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        } finally {
            hanging.release.countDown();
        }
    }

    /** A commit lookup that answers only when the test releases it (or after 30 s, so that no thread is left behind). */
    private static final class Hanging {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        BlockPreparation preparation() {
            return new BlockPreparation(
                    (i, s, b) -> {
                        started.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new Outcome.Ok<>(HEAD);
                    },
                    POOL,
                    Clock.systemUTC());
        }
    }

    // --- variables used together -----------------------------------------------------------------------------------

    @Test
    void resourcesWhoseVariablesCollideAreRefusedBeforeBitbucketIsAsked() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL,
                valid(resource("my-repo", "acme/a").branch("main").resolveCommit(true)),
                valid("myrepo", "acme/b")));

        BlockProblem problem = onlyError(prepare(request(scopes, "my-repo", "myrepo")));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.COLLISION);
        assertThat(problem.resources()).containsExactly("my-repo", "myrepo");
        assertThat(problem.message())
                .isEqualTo(
                        "resources `my-repo` (global) and `myrepo` (global) both give the variable prefix "
                                + "`MYREPO`, "
                                + "so their variables would overwrite each other: use them in separate blocks, or rename one of them");
        assertThat(asked).isEmpty();
    }

    @Test
    void variablesOfDifferentPrefixesCanStillCollide() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL,
                valid(resource("a", "acme/a").branch("main")),
                valid(resource("a_pointer", "acme/b").branch("main"))));

        BlockProblem problem = onlyError(prepare(request(scopes, "a", "a_pointer")));

        assertThat(problem.message())
                .isEqualTo("resources `a` (global) and `a_pointer` (global) would both set `A_POINTER_BRANCH`: "
                        + "use them in separate blocks, or rename one of them");
    }

    // --- selection ---------------------------------------------------------------------------------------------------

    @Test
    void selectionFindsTheIntegrationsWithoutAskingBitbucket() {
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL,
                valid(resource("lib", "acme/lib").branch("main").resolveCommit(true)),
                valid(resource("dc", "PROJ/app").integration("bitbucket-dc"))));
        AtomicInteger lookups = new AtomicInteger();
        BlockPreparation counting = new BlockPreparation(
                (i, s, b) -> {
                    lookups.incrementAndGet();
                    return new Outcome.Ok<>(HEAD);
                },
                POOL,
                Clock.systemUTC());

        Prepared<List<SelectedResource>> selected = counting.select(request(scopes, "lib", "dc")
                .integrations(id -> new IntegrationLookup.Found(id.equals("bitbucket-dc") ? DATA_CENTER : CLOUD))
                .build());

        assertThat(selected).isInstanceOf(Prepared.Ready.class);
        assertThat(((Prepared.Ready<List<SelectedResource>>) selected).value())
                .extracting(SelectedResource::integration, SelectedResource::commit)
                .containsExactly(
                        tuple(CLOUD, new CommitPlan.FromApi("main")), tuple(DATA_CENTER, new CommitPlan.None()));
        assertThat(lookups).hasValue(0);
    }

    @Test
    void resolvingLooksNoIntegrationUp() {
        Prepared<List<ResolvedResource>> resolved =
                BlockPreparation.resolve(teamA(), List.of("tools"), Optional.of(JOB));

        assertThat(resolved.isReady()).isTrue();
        assertThat(integrationsAsked).isEmpty();
    }

    @Test
    void aRefusedOutcomeCarriesAnError() {
        assertThatThrownBy(() -> new Prepared.Refused<String>(
                        List.of(BlockProblem.of(BlockProblem.Kind.BROKEN_ELSEWHERE, List.of(), "w"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new Prepared.Ready<>("x", List.of(BlockProblem.of(BlockProblem.Kind.NO_NAMES, List.of(), "e"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLookupAnswersWithTheIntegrationOfTheResource() throws InterruptedException {
        List<Integration> used = new CopyOnWriteArrayList<>();
        BlockPreparation recording = new BlockPreparation(
                (integration, source, branch) -> {
                    used.add(integration);
                    return new Outcome.Ok<>(HEAD);
                },
                POOL,
                Clock.systemUTC());
        List<ScopeDefinitions> scopes = List.of(scope(
                Scope.GLOBAL,
                valid(resource("dc", "PROJ/app")
                        .integration("bitbucket-dc")
                        .branch("main")
                        .resolveCommit(true))));

        ready(recording.prepare(request(scopes, "dc")
                .integrations(id -> new IntegrationLookup.Found(DATA_CENTER))
                .build()));

        assertThat(used).containsExactly(DATA_CENTER);
    }
}
