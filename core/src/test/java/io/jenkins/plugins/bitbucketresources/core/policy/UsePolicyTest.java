package io.jenkins.plugins.bitbucketresources.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsePolicyTest {

    private static final UsePolicy OPEN = new UsePolicy(GlobalPolicy.EVERY_JOB);
    private static final Integration CLOUD = Integration.builder()
            .id("bb")
            .url("https://api.bitbucket.org/2.0")
            .token("ATCTT3xFfGF0-test-access-token")
            .build()
            .orElseThrow();

    private static Resource resource(String name, String type, String... allowedJobs) {
        return Resource.builder()
                .name(name)
                .type(type)
                .integration("bb")
                .sourceName("acme/" + name)
                .allowedJobs(List.of(allowedJobs))
                .build()
                .orElseThrow();
    }

    private static ResolvedResource in(Scope scope, Resource resource) {
        return new ResolvedResource(resource, scope, List.of());
    }

    private static Optional<JobPath> job(String fullName) {
        return Optional.of(JobPath.parse(fullName));
    }

    @Test
    void resourceWithoutAllowedJobsIsAllowedToEveryJob() {
        ResolvedResource app = in(new Scope.Folder("team-a"), resource("app", "gitRepo"));

        assertThat(OPEN.byName(app, job("team-a/build"))).isEqualTo(new UseDecision.Allowed());
        assertThat(OPEN.byName(app, Optional.empty())).isEqualTo(new UseDecision.Allowed());
    }

    @Test
    void matchingPatternAllows() {
        ResolvedResource deploy = in(Scope.GLOBAL, resource("deploy", "gitRepo", "team-a/**", "release/*"));

        assertThat(OPEN.byName(deploy, job("release/eu")).isAllowed()).isTrue();
        assertThat(OPEN.byName(deploy, job("team-a/x/y/build")).isAllowed()).isTrue();
    }

    @Test
    void refusalIsOneLineNamingResourceWhereJobAndRule() {
        ResolvedResource deploy = in(new Scope.Folder("platform"), resource("deploy", "gitRepo", "platform/release/*"));

        UseDecision decision = OPEN.byName(deploy, job("platform/nightly/build"));

        assertThat(decision).isInstanceOfSatisfying(UseDecision.Refused.class, refused -> {
            assertThat(refused.rule()).isEqualTo(UseDecision.Rule.ALLOWED_JOBS);
            assertThat(refused.message())
                    .isEqualTo("Bitbucket resource `deploy` (defined on folder platform) may not be used by job "
                            + "platform/nightly/build: its allowedJobs `platform/release/*` match no job of that name. Add a pattern that matches "
                            + "the job to the resource's allowedJobs, or use another resource.");
        });
    }

    @Test
    void withoutAJobAResourceThatNamesItsJobsIsRefused() {
        ResolvedResource deploy = in(Scope.GLOBAL, resource("deploy", "gitRepo", "release/*"));

        UseDecision decision = OPEN.byName(deploy, Optional.empty());

        assertThat(decision)
                .isInstanceOfSatisfying(
                        UseDecision.Refused.class,
                        refused -> assertThat(refused.message())
                                .contains("(defined in the global configuration)")
                                .contains("a run outside any job")
                                .contains("name the jobs that may use it"));
    }

    @Test
    void decisionFollowsTheJobsCurrentNameAfterAMoveOrRename() {
        ResolvedResource deploy = in(Scope.GLOBAL, resource("deploy", "gitRepo", "release/*"));

        assertThat(OPEN.byName(deploy, job("release/deploy")).isAllowed()).isTrue();
        assertThat(OPEN.byName(deploy, job("attic/deploy")).isAllowed())
                .as("moved out of release")
                .isFalse();
        assertThat(OPEN.byName(deploy, job("release/deploy-old")).isAllowed())
                .as("renamed, still in release")
                .isTrue();
        assertThat(OPEN.byName(deploy, job("release/archive/deploy")).isAllowed())
                .as("moved one folder deeper")
                .isFalse();
    }

    @Test
    void globalPolicyLimitsGlobalResourcesToJobsUnderListedFolders() {
        UsePolicy policy = new UsePolicy(
                GlobalPolicy.parse(List.of("team-a", "platform/release")).orElseThrow());
        ResolvedResource shared = in(Scope.GLOBAL, resource("shared", "gitRepo"));

        assertThat(policy.byName(shared, job("team-a/build")).isAllowed()).isTrue();
        assertThat(policy.byName(shared, job("team-a/deep/nested/build")).isAllowed())
                .isTrue();
        assertThat(policy.byName(shared, job("platform/release/eu/deploy")).isAllowed())
                .isTrue();
        assertThat(policy.byName(shared, job("platform/nightly")).isAllowed()).isFalse();
        assertThat(policy.byName(shared, job("team-ab/build")).isAllowed())
                .as("a folder whose name only starts alike")
                .isFalse();
        assertThat(policy.byName(shared, job("team-a")).isAllowed())
                .as("a job named like the folder, not under it")
                .isFalse();
        assertThat(policy.byName(shared, Optional.empty()).isAllowed()).isFalse();
    }

    @Test
    void globalPolicyRefusalNamesTheFolders() {
        UsePolicy policy =
                new UsePolicy(GlobalPolicy.parse(List.of("team-a", "release")).orElseThrow());

        UseDecision decision = policy.byName(in(Scope.GLOBAL, resource("shared", "gitRepo")), job("other/build"));

        assertThat(decision).isInstanceOfSatisfying(UseDecision.Refused.class, refused -> {
            assertThat(refused.rule()).isEqualTo(UseDecision.Rule.GLOBAL_FOLDERS);
            assertThat(refused.message())
                    .startsWith("Bitbucket resource `shared` (defined in the global configuration) may not be used "
                            + "by job other/build: global resources are usable only by jobs under the folders `team-a`, `release` "
                            + "(globalResourcesFolders).");
        });
    }

    @Test
    void globalPolicyLeavesFolderResourcesAlone() {
        UsePolicy policy = new UsePolicy(GlobalPolicy.parse(List.of("team-a")).orElseThrow());

        assertThat(policy.byName(in(new Scope.Folder("team-b"), resource("app", "gitRepo")), job("team-b/build"))
                        .isAllowed())
                .isTrue();
    }

    @Test
    void bothGlobalPolicyAndAllowedJobsMustAllow() {
        UsePolicy policy = new UsePolicy(GlobalPolicy.parse(List.of("team-a")).orElseThrow());
        ResolvedResource shared = in(Scope.GLOBAL, resource("shared", "gitRepo", "team-a/release/*"));

        assertThat(policy.byName(shared, job("team-a/release/x")).isAllowed()).isTrue();
        assertThat(((UseDecision.Refused) policy.byName(shared, job("team-a/build"))).rule())
                .isEqualTo(UseDecision.Rule.ALLOWED_JOBS);
        assertThat(((UseDecision.Refused) policy.byName(shared, job("team-b/release/x"))).rule())
                .isEqualTo(UseDecision.Rule.GLOBAL_FOLDERS);
    }

    @Test
    void nestedFolderPatternsAllowOnlyTheirSubtree() {
        ResolvedResource app = in(Scope.GLOBAL, resource("app", "gitRepo", "org/team-a/**"));

        assertThat(OPEN.byName(app, job("org/team-a/x/y/z")).isAllowed()).isTrue();
        assertThat(OPEN.byName(app, job("org/team-b/x")).isAllowed()).isFalse();
        assertThat(OPEN.byName(app, job("team-a/x")).isAllowed()).isFalse();
    }

    @Test
    void ownCheckoutRuleIsAConditionBeforeTheBuild() {
        Resource app = Resource.builder()
                .name("app")
                .type("ciRepo")
                .integration("bb")
                .sourceName("acme/app")
                .onlyOwnCheckout(true)
                .build()
                .orElseThrow();

        assertThat(OPEN.byName(in(Scope.GLOBAL, app), job("x/build")))
                .isEqualTo(new UseDecision.AllowedAfterCheckout("acme/app"));
    }

    @Test
    void ownCheckoutRuleAllowsABuildThatCheckedTheRepositoryOut() {
        Resource app = Resource.builder()
                .name("app")
                .type("ciRepo")
                .integration("bb")
                .sourceName("acme/app")
                .onlyOwnCheckout(true)
                .build()
                .orElseThrow();
        List<Checkout> checkouts = List.of(
                new Checkout(Set.of("https://bitbucket.org/acme/lib.git"), "1111111"),
                new Checkout(Set.of("git@bitbucket.org:Acme/App.git"), "2222222"));

        assertThat(OPEN.forBuild(in(Scope.GLOBAL, app), job("x/build"), CLOUD, checkouts))
                .isEqualTo(new UseDecision.Allowed());
    }

    @Test
    void ownCheckoutRuleRefusesABuildThatCheckedOutAnotherRepository() {
        Resource app = Resource.builder()
                .name("app")
                .type("ciRepo")
                .integration("bb")
                .sourceName("acme/app")
                .onlyOwnCheckout(true)
                .build()
                .orElseThrow();
        List<Checkout> checkouts =
                List.of(new Checkout(Set.of("https://x-token-auth@bitbucket.org/acme/app-fork.git"), "1111111"));

        UseDecision decision = OPEN.forBuild(in(new Scope.Folder("x"), app), job("x/build"), CLOUD, checkouts);

        assertThat(decision).isInstanceOfSatisfying(UseDecision.Refused.class, refused -> {
            assertThat(refused.rule()).isEqualTo(UseDecision.Rule.ONLY_OWN_CHECKOUT);
            assertThat(refused.message())
                    .isEqualTo("Bitbucket resource `app` (defined on folder x) may be used only by a build that has "
                            + "checked its repository acme/app out itself (onlyOwnCheckout), and job x/build has not checked it out: check the "
                            + "repository out before using the resource, or turn onlyOwnCheckout off.");
            assertThat(refused.message()).doesNotContain("x-token-auth");
        });
        assertThat(((UseDecision.Refused) OPEN.forBuild(in(Scope.GLOBAL, app), job("x/build"), CLOUD, List.of()))
                        .message())
                .contains("has checked out nothing yet");
    }

    @Test
    void ownCheckoutIsCheckedOnlyAfterTheNameRules() {
        Resource app = Resource.builder()
                .name("app")
                .type("ciRepo")
                .integration("bb")
                .sourceName("acme/app")
                .onlyOwnCheckout(true)
                .allowedJobs(List.of("ci/*"))
                .build()
                .orElseThrow();

        UseDecision decision = OPEN.forBuild(in(Scope.GLOBAL, app), job("other/build"), CLOUD, List.of());

        assertThat(((UseDecision.Refused) decision).rule()).isEqualTo(UseDecision.Rule.ALLOWED_JOBS);
    }
}
