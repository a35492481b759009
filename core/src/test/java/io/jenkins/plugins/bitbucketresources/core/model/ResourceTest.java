package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceTest {

    private static Resource.Builder appRepo() {
        return Resource.builder()
                .name("app-repo")
                .type("gitRepo")
                .integration("bitbucket-cloud")
                .sourceName("acme/app");
    }

    @Test
    void minimalResourceHasTheDefaults() {
        Resource resource = appRepo().build().orElseThrow();

        assertThat(resource.name().value()).isEqualTo("app-repo");
        assertThat(resource.type()).isEqualTo(ResourceType.GIT_REPO);
        assertThat(resource.integration()).isEqualTo("bitbucket-cloud");
        assertThat(resource.sourceName()).isEqualTo(SourceName.parse("acme/app"));
        assertThat(resource.branch()).isEmpty();
        assertThat(resource.branches()).isEqualTo(RefFilter.NONE);
        assertThat(resource.tags()).isEqualTo(RefFilter.NONE);
        assertThat(resource.buildOn()).isEqualTo(new BuildTriggers(true, false, false, false));
        assertThat(resource.resolveCommit()).isFalse();
    }

    @Test
    void everySettingIsKept() {
        Resource resource = appRepo()
                .type("ciRepo")
                .branches(List.of("main", "release/*"), List.of("release/old"))
                .tags(List.of("v*"), List.of("v0*"))
                .buildOn(new BuildTriggers(false, true, true, true))
                .resolveCommit(true)
                .build()
                .orElseThrow();

        assertThat(resource.type()).isEqualTo(ResourceType.CI_REPO);
        assertThat(resource.branches()).isEqualTo(new RefFilter(List.of("main", "release/*"), List.of("release/old")));
        assertThat(resource.tags()).isEqualTo(new RefFilter(List.of("v*"), List.of("v0*")));
        assertThat(resource.buildOn()).isEqualTo(new BuildTriggers(false, true, true, true));
        assertThat(resource.resolveCommit()).isTrue();
    }

    @Test
    void typesParseFromTheirIds() {
        assertThat(ResourceType.parse("gitRepo")).isEqualTo(ResourceType.GIT_REPO);
        assertThat(ResourceType.parse("ciRepo")).isEqualTo(ResourceType.CI_REPO);
        assertThat(ResourceType.parse(" SYNCREPO ")).isEqualTo(ResourceType.SYNC_REPO);
    }

    @Test
    void blankBranchMeansNone() {
        assertThat(appRepo().branch(" ").build().orElseThrow().branch()).isEmpty();
    }

    @Test
    void singleBranchIsTheBranch() {
        assertThat(appRepo().branch("main").build().orElseThrow().singleBranch())
                .contains("main");
    }

    @Test
    void singleLiteralOnlyBranchIsTheSingleBranch() {
        assertThat(appRepo()
                        .branches(List.of("main"), List.of())
                        .build()
                        .orElseThrow()
                        .singleBranch())
                .contains("main");
    }

    @Test
    void patternIsNoSingleBranch() {
        assertThat(appRepo()
                        .branches(List.of("release/*"), List.of())
                        .build()
                        .orElseThrow()
                        .singleBranch())
                .isEmpty();
    }

    @Test
    void severalBranchesAreNoSingleBranch() {
        assertThat(appRepo()
                        .branches(List.of("main", "develop"), List.of())
                        .build()
                        .orElseThrow()
                        .singleBranch())
                .isEmpty();
        assertThat(appRepo()
                        .branches(List.of("main"), List.of("wip"))
                        .build()
                        .orElseThrow()
                        .singleBranch())
                .isEmpty();
    }

    @Test
    void emptyNameIsRefused() {
        assertOnlyProblem(appRepo().name(""), "name", "is empty: name the resource, e.g. `app-repo`");
    }

    @Test
    void emptyTypeIsRefused() {
        assertOnlyProblem(appRepo().type(""), "type", "is empty: use `gitRepo`, `ciRepo`, `syncRepo`");
    }

    @Test
    void unknownTypeIsRefused() {
        assertOnlyProblem(
                appRepo().type("repo"), "type", "`repo` is not a resource type: use `gitRepo`, `ciRepo`, `syncRepo`");
    }

    @Test
    void emptyIntegrationIsRefused() {
        assertOnlyProblem(
                appRepo().integration(" "),
                "integration",
                "is empty: name the integration (credentials ID) this resource uses");
    }

    @Test
    void integrationWithWhitespaceIsRefused() {
        assertOnlyProblem(
                appRepo().integration("bitbucket cloud"),
                "integration",
                "`bitbucket cloud` contains whitespace, which no "
                        + "integration ID has: write the ID of the integration (its credentials ID), e.g. `bitbucket-cloud`");
    }

    @Test
    void badSourceNameIsRefused() {
        assertOnlyProblem(
                appRepo().sourceName("acme/app.git"),
                "sourceName",
                "repository slug `app.git` ends in `.git`: write the slug " + "without it, e.g. `app`");
    }

    @Test
    void badBranchIsRefused() {
        assertOnlyProblem(
                appRepo().branch("main branch"),
                "branch",
                "`main branch` contains whitespace, which git does not allow in a "
                        + "branch or tag name: copy the name from Bitbucket");
    }

    @Test
    void branchAndBranchesAreExclusive() {
        assertOnlyProblem(
                appRepo().branch("main").branches(List.of("develop"), List.of()),
                "branches",
                "is set together with `branch`: "
                        + "use `branch` for one branch, or `branches: {only: [...], except: [...]}` for several, not both");
    }

    @Test
    void branchAndBranchesExceptAreExclusive() {
        assertOnlyProblem(
                appRepo().branch("main").branches(List.of(), List.of("wip")),
                "branches",
                "is set together with `branch`: "
                        + "use `branch` for one branch, or `branches: {only: [...], except: [...]}` for several, not both");
    }

    @Test
    void badBranchPatternIsRefusedByIndex() {
        assertOnlyProblem(
                appRepo().branches(List.of("main", "feature/[x]"), List.of()),
                "branches.only[1]",
                "`feature/[x]` contains " + "`[`, which git does not allow in a branch or tag pattern");
    }

    @Test
    void duplicateTagPatternIsRefusedByIndex() {
        assertOnlyProblem(
                appRepo().tags(List.of(), List.of("rc-*", "beta", "rc-*")),
                "tags.except[2]",
                "`rc-*` is listed twice: remove one");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Validated<Resource> result = Resource.builder()
                .name("job")
                .type("pipeline")
                .integration("")
                .sourceName("acme")
                .branch("a b")
                .branches(List.of("main", "a..b"), List.of("main"))
                .tags(List.of("v*", "v*"), List.of("@"))
                .build();

        assertThat(result).isInstanceOf(Validated.Invalid.class);
        assertThat(result.problems())
                .extracting(Problem::field)
                .containsExactly(
                        "name",
                        "type",
                        "integration",
                        "sourceName",
                        "branch",
                        "branches.only[1]",
                        "branches.except[0]",
                        "tags.only[1]",
                        "tags.except[0]",
                        "branches");
        assertThat(result.problems()).allMatch(Problem::isError);
    }

    @Test
    void problemsNestUnderTheResourcePath() {
        Problem problem = appRepo()
                .branches(List.of("a", "b..c"), List.of())
                .build()
                .problems()
                .get(0);

        assertThat(problem.under("folders.team-a.resources[2]"))
                .hasToString("folders.team-a.resources[2].branches.only[1]: `b..c` "
                        + "contains `..`, which git does not allow in a branch or tag pattern");
    }

    @Test
    void constructorRefusesBranchTogetherWithBranches() {
        assertThatThrownBy(() -> new Resource(
                        ResourceName.of("app"),
                        ResourceType.GIT_REPO,
                        "c",
                        SourceName.parse("acme/app"),
                        Optional.of("main"),
                        new RefFilter(List.of("develop"), List.of()),
                        RefFilter.NONE,
                        BuildTriggers.DEFAULT,
                        false,
                        true,
                        false,
                        JobAccess.OPEN))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("branches"))
                .hasMessage(
                        "is set together with `branch`: use `branch` for one branch, or `branches: {only: [...], except: [...]}` "
                                + "for several, not both");
    }

    @Test
    void constructorChecksTheBranchName() {
        assertThatThrownBy(() -> new Resource(
                        ResourceName.of("app"),
                        ResourceType.GIT_REPO,
                        "c",
                        SourceName.parse("acme/app"),
                        Optional.of("refs/heads/main"),
                        RefFilter.NONE,
                        RefFilter.NONE,
                        BuildTriggers.DEFAULT,
                        false,
                        true,
                        false,
                        JobAccess.OPEN))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("branch"))
                .hasMessage("`refs/heads/main` is a full ref name: write the short name, e.g. `main`");
    }

    private static void assertOnlyProblem(Resource.Builder builder, String field, String message) {
        Validated<Resource> result = builder.build();

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).containsExactly(Problem.error(field, message));
    }
}
