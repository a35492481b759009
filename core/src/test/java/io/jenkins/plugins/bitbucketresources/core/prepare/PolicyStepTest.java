package io.jenkins.plugins.bitbucketresources.core.prepare;

import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.TEAM_A;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.resource;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.scope;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.teamA;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.policy.UseDecision;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The use policy as a step of a block's preparation: {@code allowedJobs}, {@code globalResourcesFolders} and
 * {@code onlyOwnCheckout} decide with the policy's own line, and a refused block gets nothing.
 */
class PolicyStepTest {

    private static final JobPath NIGHTLY = JobPath.parse("team-a/nightly");
    private static final JobPath RELEASE = JobPath.parse("team-a/release/eu");
    private static final String HEAD = "5a1c0ffee0ddba11c0de5eed0fca11ab1e5ca1ab";
    private static final String CHECKED_OUT = "0b5e55ed0ddf00dcafebabe0123456789abcdef0";
    private static final Integration CLOUD = Integration.builder()
            .id("bitbucket-cloud")
            .token("ATCTT3xFfGN0-example-token")
            .build()
            .orElseThrow();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    /** {@code deploy} for the release jobs only, a ciRepo {@code app} for its own checkout, and global {@code shared}. */
    private static final List<ScopeDefinitions> SCOPES = List.of(
            scope(
                    TEAM_A,
                    valid(resource("deploy", "acme/deploy")
                            .allowedJobs(List.of("team-a/release/*"))
                            .branch("main")
                            .resolveCommit(true)),
                    valid(resource("app", "acme/app")
                            .type("ciRepo")
                            .onlyOwnCheckout(true)
                            .branch("main")),
                    valid(resource("tools", "acme/tools").branch("main").resolveCommit(true))),
            scope(Scope.GLOBAL, valid("shared", "acme/shared")));

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> integrationsAsked = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    private final BlockPreparation preparation = new BlockPreparation(
            (integration, source, branch) -> {
                asked.add(source + "@" + branch);
                return new Outcome.Ok<>(HEAD);
            },
            POOL,
            Clock.systemUTC());

    private BlockRequest.Builder request(JobPath job, String... names) {
        return BlockRequest.builder().job(job).scopes(SCOPES).names(names).integrations(id -> {
            integrationsAsked.add(id);
            return new IntegrationLookup.Found(CLOUD);
        });
    }

    private static BlockProblem onlyError(Prepared<?> prepared) {
        assertThat(prepared).isInstanceOf(Prepared.Refused.class);
        assertThat(prepared.errors()).hasSize(1);
        return prepared.errors().get(0);
    }

    private static BlockEnvironment ready(Prepared<BlockEnvironment> prepared) {
        assertThat(prepared).as("%s", prepared.problems()).isInstanceOf(Prepared.Ready.class);
        return ((Prepared.Ready<BlockEnvironment>) prepared).value();
    }

    @Test
    void aJobThatAllowedJobsMatchGetsTheVariables() throws InterruptedException {
        BlockEnvironment environment =
                ready(preparation.prepare(request(RELEASE, "deploy", "shared").build()));

        assertThat(environment.asMap())
                .containsEntry("DEPLOY_SOURCENAME", "acme/deploy")
                .containsEntry("DEPLOY_COMMIT", HEAD)
                .containsKey("SHARED_INTEGRATION_TOKEN");
    }

    @Test
    void aJobThatAllowedJobsMissIsRefusedWithOneLineNamingTheResourceWhereItIsAndTheRule() throws InterruptedException {
        BlockProblem problem =
                onlyError(preparation.prepare(request(NIGHTLY, "deploy").build()));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.POLICY_REFUSED);
        assertThat(problem.isError()).isTrue();
        assertThat(problem.rule()).contains(UseDecision.Rule.ALLOWED_JOBS);
        assertThat(problem.resources()).containsExactly("deploy");
        assertThat(problem.definition()).contains(new DefinitionRef(TEAM_A, 0));
        assertThat(problem.message())
                .isEqualTo("Bitbucket resource `deploy` (defined on folder team-a) may not be used by job "
                        + "team-a/nightly: its allowedJobs `team-a/release/*` match no job of that name. Add a pattern that matches the job to "
                        + "the resource's allowedJobs, or use another resource.");
    }

    @Test
    void aResourceRefusedByTheJobsNameHasItsIntegrationNeitherLookedUpNorItsCommitAskedFor()
            throws InterruptedException {
        onlyError(preparation.prepare(request(NIGHTLY, "deploy").build()));

        assertThat(integrationsAsked).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void aRefusalAmongAllowedResourcesSelectsNothingAndInjectsNothing() throws InterruptedException {
        Prepared<List<SelectedResource>> selected =
                preparation.select(request(NIGHTLY, "tools", "deploy", "shared").build());
        Prepared<BlockEnvironment> prepared = preparation.prepare(
                request(NIGHTLY, "tools", "deploy", "shared").build());

        assertThat(onlyError(selected).kind()).isEqualTo(BlockProblem.Kind.POLICY_REFUSED);
        assertThat(onlyError(prepared).kind()).isEqualTo(BlockProblem.Kind.POLICY_REFUSED);
        assertThat(asked)
                .as("the allowed resource asks for its commit, but the block does not start")
                .isEmpty();
    }

    @Test
    void aGlobalResourceOutsideTheListedFoldersIsRefusedAndFolderResourcesAreNot() throws InterruptedException {
        GlobalPolicy platformOnly =
                GlobalPolicy.parse(List.of("platform", "team-b")).orElseThrow();

        BlockProblem problem = onlyError(preparation.prepare(
                request(NIGHTLY, "tools", "shared").policy(platformOnly).build()));
        Prepared<BlockEnvironment> folderOnly = preparation.prepare(
                request(NIGHTLY, "tools").policy(platformOnly).build());

        assertThat(problem.rule()).contains(UseDecision.Rule.GLOBAL_FOLDERS);
        assertThat(problem.definition()).contains(new DefinitionRef(Scope.GLOBAL, 0));
        assertThat(problem.message())
                .isEqualTo("Bitbucket resource `shared` (defined in the global configuration) may not be used by job "
                        + "team-a/nightly: global resources are usable only by jobs under the folders `platform`, `team-b` "
                        + "(globalResourcesFolders). Run the job in one of those folders, add its folder to globalResourcesFolders, or define the "
                        + "resource on a folder above the job.");
        ready(folderOnly);
    }

    @Test
    void byDefaultGlobalResourcesAreForEveryJob() throws InterruptedException {
        ready(preparation.prepare(request(JobPath.parse("elsewhere/build"), "shared")
                .scopes(List.of(scope(Scope.GLOBAL, valid("shared", "acme/shared"))))
                .build()));
    }

    @Test
    void aCiRepoForItsOwnCheckoutIsRefusedUntilTheBuildHasCheckedItOut() throws InterruptedException {
        BlockProblem problem =
                onlyError(preparation.prepare(request(NIGHTLY, "app").build()));

        assertThat(problem.rule()).contains(UseDecision.Rule.ONLY_OWN_CHECKOUT);
        assertThat(problem.definition()).contains(new DefinitionRef(TEAM_A, 1));
        assertThat(problem.message())
                .isEqualTo("Bitbucket resource `app` (defined on folder team-a) may be used only by a build that has "
                        + "checked its repository acme/app out itself (onlyOwnCheckout), and job team-a/nightly has checked out nothing yet: check "
                        + "the repository out before using the resource, or turn onlyOwnCheckout off.");
        assertThat(integrationsAsked)
                .as("the checkout is compared by the integration's clone URLs")
                .containsExactly("bitbucket-cloud");
    }

    @Test
    void aCiRepoForItsOwnCheckoutIsUsableOnceCheckedOutWithTheCommitOfThatCheckout() throws InterruptedException {
        BlockEnvironment environment = ready(preparation.prepare(request(NIGHTLY, "app")
                .checkouts(List.of(new Checkout(Set.of("https://bitbucket.org/acme/app.git"), CHECKED_OUT)))
                .build()));

        assertThat(environment.asMap()).containsEntry("APP_COMMIT", CHECKED_OUT);
        assertThat(asked).isEmpty();
    }

    @Test
    void aCheckoutWhoseCommitIsUnknownCountsAsTheJobsOwnAndTheCommitIsLookedUpAsAsked() throws InterruptedException {
        Checkout named = Checkout.withoutCommit("git@bitbucket.org:acme/app.git");

        BlockEnvironment plain = ready(preparation.prepare(
                request(NIGHTLY, "app").checkouts(List.of(named)).build()));
        BlockEnvironment withCommit = ready(preparation.prepare(request(NIGHTLY, "app")
                .checkouts(List.of(named))
                .commitOfEveryResource(true)
                .build()));

        assertThat(plain.asMap()).doesNotContainKey("APP_COMMIT");
        assertThat(withCommit.asMap()).containsEntry("APP_COMMIT", HEAD);
        assertThat(asked).containsExactly("acme/app@main");
    }

    @Test
    void aCheckoutOfAnotherRepositoryDoesNotCount() throws InterruptedException {
        BlockProblem problem = onlyError(preparation.prepare(request(NIGHTLY, "app")
                .checkouts(List.of(new Checkout(Set.of("https://bitbucket.org/acme/other.git"), CHECKED_OUT)))
                .build()));

        assertThat(problem.message()).contains("job team-a/nightly has not checked it out");
    }

    @Test
    void withoutAJobAResourceThatNamesItsJobsIsRefused() throws InterruptedException {
        BlockProblem problem = onlyError(preparation.prepare(
                request(NIGHTLY, "deploy").job(Optional.empty()).build()));

        assertThat(problem.rule()).contains(UseDecision.Rule.ALLOWED_JOBS);
        assertThat(problem.message())
                .startsWith("Bitbucket resource `deploy` (defined on folder team-a) may not be used by a run "
                        + "outside any job: its allowedJobs `team-a/release/*` name the jobs that may use it.");
    }

    @Test
    void aRefusedNearestDefinitionIsNotReplacedByAFartherAllowedOne() throws InterruptedException {
        List<ScopeDefinitions> scopes = List.of(
                scope(TEAM_A, valid(resource("app-repo", "team-a/app").allowedJobs(List.of("team-a/release/*")))),
                scope(Scope.GLOBAL, valid("app-repo", "acme/app")));

        BlockProblem problem = onlyError(
                preparation.prepare(request(NIGHTLY, "app-repo").scopes(scopes).build()));

        assertThat(problem.kind()).isEqualTo(BlockProblem.Kind.POLICY_REFUSED);
        assertThat(problem.definition()).contains(new DefinitionRef(TEAM_A, 0));
    }

    @Test
    void refusalsAreReportedWithTheOtherProblemsOfTheBlock() throws InterruptedException {
        Prepared<BlockEnvironment> prepared =
                preparation.prepare(request(NIGHTLY, "deploy", "nope", "app").build());

        assertThat(prepared.errors())
                .extracting(BlockProblem::kind)
                .containsExactly(
                        BlockProblem.Kind.POLICY_REFUSED,
                        BlockProblem.Kind.UNKNOWN_NAMES,
                        BlockProblem.Kind.POLICY_REFUSED);
        assertThat(prepared.errors()).allSatisfy(p -> assertThat(p.message()).isNotEmpty());
        assertThat(prepared.errors().get(0).message()).doesNotContain("\n");
    }

    @Test
    void theVisibleListOfAnUnknownNameMarksRefusedNames() throws InterruptedException {
        BlockProblem problem =
                onlyError(preparation.prepare(request(NIGHTLY, "deplo").build()));

        assertThat(problem.message())
                .contains("Did you mean `deploy`?")
                .contains("deploy (folder team-a, refused by allowedJobs)");
    }

    @Test
    void theSameRulesDecideWhatTheJobSees() {
        VisibleResources view = BlockPreparation.visible(
                teamA(),
                Optional.of(NIGHTLY),
                GlobalPolicy.parse(List.of("platform")).orElseThrow());

        assertThat(view.refused()).extracting(VisibleResource::name).containsExactly("infra");
        assertThat(BlockPreparation.visible(teamA()).refused()).isEmpty();
    }
}
