package io.jenkins.plugins.bitbucketresources.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private static final String JOB = "team-a/backend/build";
    private static final Scope BACKEND = new Scope.Folder("team-a/backend");
    private static final Scope TEAM_A = new Scope.Folder("team-a");

    private static Resource resource(String name, String sourceName) {
        return Resource.builder().name(name).type("gitRepo").integration("bitbucket-cloud").sourceName(sourceName).build().orElseThrow();
    }

    /** What {@code team-a/backend/build} sees: its folder, the folder above, then the global list. */
    private static List<ScopedResources> scopes() {
        return List.of(
                new ScopedResources(BACKEND, List.of(resource("app-repo", "backend/app"), resource("lib", "backend/lib"))),
                new ScopedResources(TEAM_A, List.of(resource("app-repo", "team-a/app"), resource("tools", "team-a/tools"))),
                new ScopedResources(Scope.GLOBAL, List.of(resource("app-repo", "acme/app"), resource("lib", "acme/lib"),
                        resource("infra", "acme/infra"))));
    }

    private static List<ScopedResources> scopesFor(JobPath job, List<ScopedResources> definitions) {
        List<String> folders = job.foldersNearestFirst();
        List<ScopedResources> seen = new ArrayList<>();
        for (String folder : folders) {
            definitions.stream().filter(s -> s.scope().equals(new Scope.Folder(folder))).forEach(seen::add);
        }
        definitions.stream().filter(s -> s.scope().equals(Scope.GLOBAL)).forEach(seen::add);
        return seen;
    }

    private static List<ResolvedResource> resolved(List<ScopedResources> scopes, String... names) {
        Resolution resolution = Resolver.resolve(scopes, List.of(names), JOB);
        assertThat(resolution).isInstanceOf(Resolution.Resolved.class);
        return ((Resolution.Resolved) resolution).resources();
    }

    private static String failure(List<ScopedResources> scopes, String... names) {
        Resolution resolution = Resolver.resolve(scopes, List.of(names), JOB);
        assertThat(resolution).isInstanceOf(Resolution.Failed.class);
        return ((Resolution.Failed) resolution).message();
    }

    @Test
    void nearestFolderWins() {
        ResolvedResource appRepo = resolved(scopes(), "app-repo").get(0);

        assertThat(appRepo.resource().sourceName()).hasToString("backend/app");
        assertThat(appRepo.scope()).isEqualTo(BACKEND);
    }

    @Test
    void winnerListsTheDefinitionsItHidesNearestFirst() {
        assertThat(resolved(scopes(), "app-repo").get(0).shadows()).containsExactly(TEAM_A, Scope.GLOBAL);
    }

    @Test
    void parentFolderIsSeenWhenTheNearestDoesNotDefineTheName() {
        ResolvedResource tools = resolved(scopes(), "tools").get(0);

        assertThat(tools.scope()).isEqualTo(TEAM_A);
        assertThat(tools.shadows()).isEmpty();
    }

    @Test
    void globalIsSeenLast() {
        ResolvedResource infra = resolved(scopes(), "infra").get(0);

        assertThat(infra.scope()).isEqualTo(Scope.GLOBAL);
        assertThat(infra.resource().sourceName()).hasToString("acme/infra");
    }

    @Test
    void folderDefinitionHidesOnlyTheGlobalOneWhenTheMiddleFolderHasNone() {
        ResolvedResource lib = resolved(scopes(), "lib").get(0);

        assertThat(lib.scope()).isEqualTo(BACKEND);
        assertThat(lib.shadows()).containsExactly(Scope.GLOBAL);
    }

    @Test
    void resourcesComeInTheOrderAsked() {
        assertThat(resolved(scopes(), "infra", "app-repo", "tools")).extracting(r -> r.resource().name().value())
                .containsExactly("infra", "app-repo", "tools");
    }

    @Test
    void namesAreStripped() {
        assertThat(resolved(scopes(), " tools ").get(0).resource().name().value()).isEqualTo("tools");
    }

    @Test
    void jobPathGivesTheScopeOrder() {
        List<ScopedResources> definitions = List.of(
                new ScopedResources(Scope.GLOBAL, List.of(resource("app-repo", "acme/app"))),
                new ScopedResources(TEAM_A, List.of(resource("app-repo", "team-a/app"))),
                new ScopedResources(new Scope.Folder("team-b"), List.of(resource("app-repo", "team-b/app"))),
                new ScopedResources(BACKEND, List.of(resource("app-repo", "backend/app"))));

        ResolvedResource appRepo = resolved(scopesFor(JobPath.parse(JOB), definitions), "app-repo").get(0);

        assertThat(appRepo.scope()).isEqualTo(BACKEND);
        assertThat(appRepo.shadows()).containsExactly(TEAM_A, Scope.GLOBAL);
    }

    @Test
    void jobInAnotherFolderDoesNotSeeThisFoldersResources() {
        List<ScopedResources> definitions = List.of(
                new ScopedResources(Scope.GLOBAL, List.of(resource("app-repo", "acme/app"))),
                new ScopedResources(BACKEND, List.of(resource("app-repo", "backend/app"))));

        ResolvedResource appRepo = resolved(scopesFor(JobPath.parse("team-a/frontend/build"), definitions), "app-repo").get(0);

        assertThat(appRepo.scope()).isEqualTo(Scope.GLOBAL);
        assertThat(appRepo.shadows()).isEmpty();
    }

    @Test
    void firstDefinitionInOneScopeCounts() {
        List<ScopedResources> scopes = List.of(new ScopedResources(Scope.GLOBAL,
                List.of(resource("app-repo", "acme/first"), resource("app-repo", "acme/second"))));

        ResolvedResource appRepo = resolved(scopes, "app-repo").get(0);

        assertThat(appRepo.resource().sourceName()).hasToString("acme/first");
        assertThat(appRepo.shadows()).isEmpty();
    }

    @Test
    void visibleListsEachNameOnceNearestScopeFirst() {
        assertThat(Resolver.visible(scopes())).extracting(r -> r.resource().name().value() + "@" + r.scope().describe())
                .containsExactly("app-repo@folder team-a/backend", "lib@folder team-a/backend", "tools@folder team-a", "infra@global");
    }

    @Test
    void findGivesTheWinningDefinition() {
        assertThat(Resolver.find(scopes(), "app-repo")).hasValueSatisfying(r -> assertThat(r.scope()).isEqualTo(BACKEND));
        assertThat(Resolver.find(scopes(), "nothing")).isEmpty();
    }

    @Test
    void describeSaysWhereItCameFromAndWhatItHides() {
        assertThat(resolved(scopes(), "app-repo").get(0).describe()).isEqualTo("app-repo (folder team-a/backend, hiding folder team-a, global)");
        assertThat(resolved(scopes(), "infra").get(0).describe()).isEqualTo("infra (global)");
    }

    @Test
    void typoByOneEditIsSuggested() {
        assertThat(failure(scopes(), "app-rpo")).isEqualTo("No Bitbucket resource named `app-rpo` is visible to team-a/backend/build. "
                + "Did you mean `app-repo`?\n"
                + "Visible: app-repo (folder team-a/backend), lib (folder team-a/backend), tools (folder team-a), infra (global). "
                + "Fix the name, or define `app-rpo` in a folder above the job or in the global configuration.");
    }

    @Test
    void sameVariablePrefixIsSuggested() {
        assertThat(failure(scopes(), "apprepo")).isEqualTo("No Bitbucket resource named `apprepo` is visible to team-a/backend/build. "
                + "Did you mean `app-repo`?\n"
                + "Visible: app-repo (folder team-a/backend), lib (folder team-a/backend), tools (folder team-a), infra (global). "
                + "Fix the name, or define `apprepo` in a folder above the job or in the global configuration.");
    }

    @Test
    void unrelatedNameListsTheVisibleNamesWithoutSuggestion() {
        assertThat(failure(scopes(), "database")).isEqualTo("No Bitbucket resource named `database` is visible to team-a/backend/build.\n"
                + "Visible: app-repo (folder team-a/backend), lib (folder team-a/backend), tools (folder team-a), infra (global). "
                + "Fix the name, or define `database` in a folder above the job or in the global configuration.");
    }

    @Test
    void noResourcesAtAll() {
        List<ScopedResources> none = List.of(new ScopedResources(TEAM_A, List.of()), new ScopedResources(Scope.GLOBAL, List.of()));

        assertThat(failure(none, "app-repo")).isEqualTo("No Bitbucket resource named `app-repo` is visible to team-a/backend/build: no "
                + "resources are defined in its folders or globally.\n"
                + "Define `app-repo` in a folder above the job or in the global configuration.");
    }

    @Test
    void severalUnknownNamesAreReportedTogether() {
        assertThat(failure(scopes(), "app-rpo", "tools", "infr")).isEqualTo(
                "No Bitbucket resource named `app-rpo` is visible to team-a/backend/build. Did you mean `app-repo`?\n"
                + "No Bitbucket resource named `infr` is visible to team-a/backend/build. Did you mean `infra`?\n"
                + "Visible: app-repo (folder team-a/backend), lib (folder team-a/backend), tools (folder team-a), infra (global). "
                + "Fix the names, or define `app-rpo`, `infr` in a folder above the job or in the global configuration.");
    }

    @Test
    void duplicateRequestedNameIsRefused() {
        assertThat(failure(scopes(), "lib", "tools", " lib")).isEqualTo("Resource `lib` is named more than once: name each resource once.");
    }

    @Test
    void emptyRequestIsRefused() {
        assertThat(failure(scopes())).isEqualTo("No resource name given: name at least one Bitbucket resource, e.g. "
                + "withBitbucketResource('app-repo')");
    }

    @Test
    void blankRequestedNameIsRefused() {
        assertThat(failure(scopes(), "lib", " ")).isEqualTo("An empty resource name was given: name a Bitbucket resource, e.g. "
                + "withBitbucketResource('app-repo')");
    }

    @Test
    void everyProblemOfARequestIsReported() {
        assertThat(failure(scopes(), "lib", "lib", "", "nope").split("\n")).hasSize(4);
    }
}
