package io.jenkins.plugins.bitbucketresources.core.revision;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommitSourceTest {

    private static final String FIRST = "0123456789abcdef0123456789abcdef01234567";
    private static final String SECOND = "89abcdef0123456789abcdef0123456789abcdef";

    private static final Integration CLOUD = Integration.builder()
            .id("bitbucket-cloud")
            .token("ATCTT3xFfGN0-example")
            .build()
            .orElseThrow();
    private static final Integration DATA_CENTER = Integration.builder()
            .id("bitbucket-dc")
            .url("https://git.example.com/bitbucket")
            .username("builder")
            .token("BBDC-example-token")
            .build()
            .orElseThrow();

    private static Resource.Builder resource(String type) {
        return Resource.builder()
                .name("app-repo")
                .type(type)
                .integration("bitbucket-cloud")
                .sourceName("acme/app");
    }

    @Test
    void aCommitCanBeKnownForACiRepoOrAResourceThatAsksForIt() {
        assertThat(CommitSource.mayHaveCommit(resource("ciRepo").build().orElseThrow()))
                .isTrue();
        assertThat(CommitSource.mayHaveCommit(resource("gitRepo")
                        .branch("main")
                        .resolveCommit(true)
                        .build()
                        .orElseThrow()))
                .isTrue();
        assertThat(CommitSource.mayHaveCommit(resource("syncRepo").build().orElseThrow()))
                .isFalse();
    }

    @Test
    void ciRepoTakesTheCommitTheBuildCheckedOut() {
        Resource ci = resource("ciRepo").build().orElseThrow();

        CommitPlan plan = CommitSource.plan(
                ci, CLOUD, List.of(new Checkout(Set.of("https://bitbucket.org/acme/app.git"), FIRST)));

        assertThat(plan).isEqualTo(new CommitPlan.Known(FIRST));
    }

    @Test
    void latestMatchingCheckoutWins() {
        Resource ci = resource("ciRepo").build().orElseThrow();
        List<Checkout> checkouts = List.of(
                new Checkout(Set.of("git@bitbucket.org:acme/app.git"), FIRST),
                new Checkout(
                        Set.of("https://bitbucket.org/acme/tools.git"), "fedcba9876543210fedcba9876543210fedcba98"),
                new Checkout(Set.of("https://bitbucket.org/acme/app"), SECOND));

        assertThat(CommitSource.plan(ci, CLOUD, checkouts)).isEqualTo(new CommitPlan.Known(SECOND));
    }

    @Test
    void checkoutWhoseCommitIsUnknownCountsAsCheckedOutButGivesNoCommit() {
        Checkout named = Checkout.withoutCommit("https://bitbucket.org/acme/app.git");
        Resource ci = resource("ciRepo").build().orElseThrow();
        Resource asking =
                resource("ciRepo").branch("main").resolveCommit(true).build().orElseThrow();
        Resource withoutBranch = resource("ciRepo").resolveCommit(true).build().orElseThrow();

        assertThat(CommitSource.checkedOut(ci, CLOUD, List.of(named))).isTrue();
        assertThat(CommitSource.plan(ci, CLOUD, List.of(named))).isEqualTo(new CommitPlan.None());
        assertThat(CommitSource.plan(asking, CLOUD, List.of(named))).isEqualTo(new CommitPlan.FromApi("main"));
        assertThat(CommitSource.plan(withoutBranch, CLOUD, List.of(named)))
                .isEqualTo(
                        new CommitPlan.Refused(
                                "asks for its commit "
                                        + "(resolveCommit) but does not name exactly one branch: set `branch`, or turn resolveCommit off"));
    }

    @Test
    void checkoutOfAnotherRepositoryIsNotTheCiRepo() {
        Resource ci = resource("ciRepo").build().orElseThrow();

        CommitPlan plan = CommitSource.plan(
                ci, CLOUD, List.of(new Checkout(Set.of("https://bitbucket.org/acme/application.git"), FIRST)));

        assertThat(plan).isEqualTo(new CommitPlan.None());
    }

    @Test
    void remotesWithUserSchemeCaseAndSuffixDifferencesAreTheSameRepository() {
        Resource ci = resource("ciRepo").build().orElseThrow();
        for (String remote : List.of(
                "https://x-token-auth@bitbucket.org/Acme/App.git",
                "https://bitbucket.org/acme/app/",
                "ssh://git@bitbucket.org/acme/app.git",
                "git@bitbucket.org:acme/app",
                "http://bitbucket.org/acme/app.git")) {
            CommitPlan plan = CommitSource.plan(ci, CLOUD, List.of(new Checkout(Set.of(remote), FIRST)));

            assertThat(plan).as(remote).isEqualTo(new CommitPlan.Known(FIRST));
        }
    }

    @Test
    void dataCenterRemotesOverHttpsAndSshMatch() {
        Resource ci = Resource.builder()
                .name("app-repo")
                .type("ciRepo")
                .integration("bitbucket-dc")
                .sourceName("PROJ/app")
                .build()
                .orElseThrow();
        for (String remote : List.of(
                "https://git.example.com/bitbucket/scm/PROJ/app.git", "ssh://git@git.example.com:7999/proj/app.git")) {
            CommitPlan plan = CommitSource.plan(ci, DATA_CENTER, List.of(new Checkout(Set.of(remote), FIRST)));

            assertThat(plan).as(remote).isEqualTo(new CommitPlan.Known(FIRST));
        }
    }

    @Test
    void dataCenterHttpsRemoteWithoutScmPathIsAnotherRepository() {
        Resource ci = Resource.builder()
                .name("app-repo")
                .type("ciRepo")
                .integration("bitbucket-dc")
                .sourceName("PROJ/app")
                .build()
                .orElseThrow();

        CommitPlan plan = CommitSource.plan(
                ci, DATA_CENTER, List.of(new Checkout(Set.of("https://git.example.com/proj/app.git"), FIRST)));

        assertThat(plan).isEqualTo(new CommitPlan.None());
    }

    @Test
    void gitRepoIgnoresCheckoutsAndAsksTheApiWhenItWantsItsCommit() {
        Resource git =
                resource("gitRepo").branch("main").resolveCommit(true).build().orElseThrow();

        CommitPlan plan = CommitSource.plan(
                git, CLOUD, List.of(new Checkout(Set.of("https://bitbucket.org/acme/app.git"), FIRST)));

        assertThat(plan).isEqualTo(new CommitPlan.FromApi("main"));
    }

    @Test
    void syncRepoWithoutResolveCommitHasNoCommit() {
        Resource sync = resource("syncRepo").branch("main").build().orElseThrow();

        assertThat(CommitSource.plan(sync, CLOUD, List.of())).isEqualTo(new CommitPlan.None());
    }

    @Test
    void ciRepoNotCheckedOutFallsBackToTheApiWhenItAsks() {
        Resource ci = resource("ciRepo")
                .branches(List.of("release"), List.of())
                .resolveCommit(true)
                .build()
                .orElseThrow();

        assertThat(CommitSource.plan(ci, CLOUD, List.of())).isEqualTo(new CommitPlan.FromApi("release"));
    }

    @Test
    void resolveCommitWithoutOneBranchIsRefusedWithTheFix() {
        Resource git = resource("gitRepo")
                .branches(List.of("release/*"), List.of())
                .resolveCommit(true)
                .build()
                .orElseThrow();

        CommitPlan plan = CommitSource.plan(git, CLOUD, List.of());

        assertThat(plan)
                .isEqualTo(new CommitPlan.Refused("asks for its commit (resolveCommit) but does not name "
                        + "exactly one branch: set `branch`, or turn resolveCommit off"));
    }

    @Test
    void refusalOfAnUncheckedOutCiRepoSaysItWasNotCheckedOut() {
        Resource ci = resource("ciRepo").resolveCommit(true).build().orElseThrow();

        CommitPlan plan = CommitSource.plan(ci, CLOUD, List.of());

        assertThat(plan).isInstanceOf(CommitPlan.Refused.class);
        assertThat(((CommitPlan.Refused) plan).message()).contains("this build has not checked acme/app out");
    }
}
