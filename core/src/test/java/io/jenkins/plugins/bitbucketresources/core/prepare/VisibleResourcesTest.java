package io.jenkins.plugins.bitbucketresources.core.prepare;

import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.BACKEND;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.TEAM_A;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.broken;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.scope;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.teamA;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.policy.UseDecision;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VisibleResourcesTest {

    private static final Optional<JobPath> NIGHTLY = Optional.of(JobPath.parse("team-a/backend/nightly"));

    @Test
    void nearestFolderWinsAndListsTheScopesItHides() {
        VisibleResource appRepo = VisibleResources.of(teamA()).find("app-repo").orElseThrow();

        assertThat(appRepo)
                .isInstanceOfSatisfying(
                        VisibleResource.Usable.class,
                        usable -> assertThat(usable.resolved().resource().sourceName())
                                .hasToString("backend/app"));
        assertThat(appRepo.definition()).isEqualTo(new DefinitionRef(BACKEND, 0));
        assertThat(appRepo.hides()).containsExactly(TEAM_A, Scope.GLOBAL);
    }

    @Test
    void everyNameOnceNearestScopeFirstThenAsWritten() {
        assertThat(VisibleResources.of(teamA()).all())
                .extracting(VisibleResource::describe)
                .containsExactly(
                        "app-repo (folder team-a/backend, hiding folder team-a, global)",
                        "lib (folder team-a/backend, hiding global)",
                        "tools (folder team-a)",
                        "infra (global)");
    }

    @Test
    void brokenNearestDefinitionIsNotReplacedByAFartherValidOne() {
        VisibleResources view = VisibleResources.of(
                List.of(scope(TEAM_A, broken("app-repo")), scope(Scope.GLOBAL, valid("app-repo", "acme/app"))));

        VisibleResource appRepo = view.find("app-repo").orElseThrow();

        assertThat(appRepo).isInstanceOf(VisibleResource.Broken.class);
        assertThat(appRepo.definition()).isEqualTo(new DefinitionRef(TEAM_A, 0));
        assertThat(appRepo.hides()).containsExactly(Scope.GLOBAL);
        assertThat(view.usable()).isEmpty();
        assertThat(view.broken()).containsExactly((VisibleResource.Broken) appRepo);
    }

    @Test
    void brokenDefinitionSaysWhatIsWrongAndThatTheHiddenOneIsNotUsed() {
        VisibleResource.Broken appRepo = (VisibleResource.Broken) VisibleResources.of(
                        List.of(scope(TEAM_A, broken("app-repo")), scope(Scope.GLOBAL, valid("app-repo", "acme/app"))))
                .find("app-repo")
                .orElseThrow();

        assertThat(appRepo.problems()).extracting(Problem::field).containsExactly("sourceName");
        assertThat(appRepo.describe())
                .isEqualTo("app-repo (folder team-a, hiding global): cannot be used until its definition is fixed");
        assertThat(appRepo.message())
                .isEqualTo("Bitbucket resource `app-repo` in folder team-a cannot be used until its definition is "
                        + "fixed (the definition in global that it hides is not used instead):\nsourceName: `not-a-repository` is not of the form "
                        + "owner/repository: write `workspace/repo_slug` (Bitbucket Cloud, e.g. `acme/app`) or `PROJECT/repo` (Data Center, e.g. "
                        + "`PROJ/app`)");
    }

    @Test
    void brokenFartherDefinitionIsHiddenLikeAnyOther() {
        VisibleResource appRepo = VisibleResources.of(List.of(
                        scope(TEAM_A, valid("app-repo", "team-a/app")), scope(Scope.GLOBAL, broken("app-repo"))))
                .find("app-repo")
                .orElseThrow();

        assertThat(appRepo).isInstanceOf(VisibleResource.Usable.class);
        assertThat(appRepo.hides()).containsExactly(Scope.GLOBAL);
    }

    @Test
    void firstDefinitionOfANameInOneScopeCountsEvenWhenBroken() {
        VisibleResources view =
                VisibleResources.of(List.of(scope(Scope.GLOBAL, broken("app-repo"), valid("app-repo", "acme/app"))));

        assertThat(view.find("app-repo")).get().isInstanceOf(VisibleResource.Broken.class);
        assertThat(view.size()).isEqualTo(1);
    }

    @Test
    void definitionWithoutANameCannotBeAskedFor() {
        VisibleResources view = VisibleResources.of(List.of(scope(
                Scope.GLOBAL,
                new Definition(" ", Scopes.resource("", "acme/app").build()),
                valid("lib", "acme/lib"))));

        assertThat(view.names()).containsExactly("lib");
        assertThat(view.find("lib").orElseThrow().definition()).isEqualTo(new DefinitionRef(Scope.GLOBAL, 1));
    }

    @Test
    void aValidDefinitionIsKnownByItsOwnName() {
        Definition definition = new Definition(
                "written otherwise",
                new Validated.Valid<>(
                        Scopes.resource(" lib ", "acme/lib").build().orElseThrow(), List.of()));

        assertThat(definition.name()).isEqualTo("lib");
    }

    @Test
    void namesAreFoundStripped() {
        assertThat(VisibleResources.of(teamA()).find(" tools "))
                .get()
                .extracting(VisibleResource::scope)
                .isEqualTo(TEAM_A);
        assertThat(VisibleResources.of(teamA()).find("nothing")).isEmpty();
    }

    // --- with the job and the use policy -----------------------------------------------------------------------------

    @Test
    void withoutAJobAndAPolicyNothingIsRefused() {
        List<ScopeDefinitions> scopes = List.of(
                scope(TEAM_A, valid(Scopes.resource("deploy", "team-a/deploy").allowedJobs(List.of("x/*")))));

        assertThat(VisibleResources.of(scopes).all()).singleElement().isInstanceOf(VisibleResource.Usable.class);
    }

    @Test
    void resourceWhoseAllowedJobsMissTheJobIsListedAsRefusedWithThePolicysLine() {
        List<ScopeDefinitions> scopes = List.of(scope(
                TEAM_A,
                valid(Scopes.resource("deploy", "team-a/deploy").allowedJobs(List.of("team-a/release/*"))),
                valid("tools", "team-a/tools")));

        VisibleResources view = VisibleResources.of(scopes, NIGHTLY, GlobalPolicy.EVERY_JOB);

        assertThat(view.usable()).extracting(VisibleResource::name).containsExactly("tools");
        assertThat(view.refused()).singleElement().satisfies(deploy -> {
            assertThat(deploy.refusal().rule()).isEqualTo(UseDecision.Rule.ALLOWED_JOBS);
            assertThat(deploy.definition()).isEqualTo(new DefinitionRef(TEAM_A, 0));
            assertThat(deploy.describe()).isEqualTo("deploy (folder team-a): refused to this job by allowedJobs");
            assertThat(deploy.message())
                    .isEqualTo("Bitbucket resource `deploy` (defined on folder team-a) may not be used by job "
                            + "team-a/backend/nightly: its allowedJobs `team-a/release/*` match no job of that name. Add a pattern that "
                            + "matches the job to the resource's allowedJobs, or use another resource.");
        });
    }

    @Test
    void globalResourceOutsideTheListedFoldersIsRefusedAndAFolderOneIsNot() {
        GlobalPolicy onlyPlatform = GlobalPolicy.parse(List.of("platform")).orElseThrow();

        VisibleResources view = VisibleResources.of(teamA(), NIGHTLY, onlyPlatform);

        assertThat(view.refused()).extracting(VisibleResource::name).containsExactly("infra");
        assertThat(view.refused().get(0).refusal().rule()).isEqualTo(UseDecision.Rule.GLOBAL_FOLDERS);
        assertThat(view.usable()).extracting(VisibleResource::name).containsExactly("app-repo", "lib", "tools");
    }

    @Test
    void refusedNearestDefinitionIsNotReplacedByAFartherAllowedOne() {
        List<ScopeDefinitions> scopes = List.of(
                scope(
                        BACKEND,
                        valid(Scopes.resource("app", "backend/app").allowedJobs(List.of("team-a/backend/release/*")))),
                scope(TEAM_A, valid("app", "team-a/app")),
                scope(Scope.GLOBAL, valid("app", "acme/app")));

        VisibleResource app = VisibleResources.of(scopes, NIGHTLY, GlobalPolicy.EVERY_JOB)
                .find("app")
                .orElseThrow();

        assertThat(app).isInstanceOf(VisibleResource.Refused.class);
        assertThat(app.scope()).isEqualTo(BACKEND);
        assertThat(app.hides()).containsExactly(TEAM_A, Scope.GLOBAL);
    }

    @Test
    void ownCheckoutResourceStaysUsableBeforeTheBuild() {
        List<ScopeDefinitions> scopes = List.of(scope(
                TEAM_A,
                valid(Scopes.resource("app", "team-a/app").type("ciRepo").onlyOwnCheckout(true))));

        assertThat(VisibleResources.of(scopes, NIGHTLY, GlobalPolicy.EVERY_JOB).all())
                .singleElement()
                .isInstanceOf(VisibleResource.Usable.class);
    }
}
