package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The scopes a job sees, as the plugin hands them to the engine: its folders nearest first, then the global list. */
@WithJenkins
class ResourceResolverTest {

    private JenkinsRule j;
    private Folder teamA;
    private Folder backend;

    // The rule is resolved once, here: resolving it again in a test would start a second controller.
    @BeforeEach
    void defineOnEveryLevel(JenkinsRule j) throws Exception {
        this.j = j;
        Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"), gitRepo("infra", "acme/infra"));
        teamA = Fixtures.folder(j, "team-a");
        Fixtures.defineOn(teamA, gitRepo("app-repo", "team-a/app"), gitRepo("tools", "team-a/tools"));
        backend = teamA.createProject(Folder.class, "backend");
        Fixtures.defineOn(backend, gitRepo("app-repo", "backend/app"));
    }

    private static List<String> names(ScopeDefinitions scope) {
        return scope.definitions().stream().map(Definition::name).toList();
    }

    @Test
    void theFoldersComeNearestFirstThenTheGlobalList() throws Exception {
        FreeStyleProject job = backend.createProject(FreeStyleProject.class, "build");

        List<ScopeDefinitions> scopes = ResourceResolver.definitionsSeenFrom(job.getParent());

        assertEquals(
                List.of(new Scope.Folder("team-a/backend"), new Scope.Folder("team-a"), Scope.GLOBAL),
                scopes.stream().map(ScopeDefinitions::scope).toList());
        assertEquals(List.of("app-repo"), names(scopes.get(0)));
        assertEquals(List.of("app-repo", "tools"), names(scopes.get(1)));
        assertEquals(List.of("app-repo", "infra"), names(scopes.get(2)));
    }

    @Test
    void aJobOutsideTheFoldersHasTheGlobalListOnly() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("top");

        List<ScopeDefinitions> scopes = ResourceResolver.definitionsSeenFrom(job.getParent());

        assertEquals(
                List.of(Scope.GLOBAL),
                scopes.stream().map(ScopeDefinitions::scope).toList());
    }

    @Test
    void aFolderWithoutResourcesIsNoScope() throws Exception {
        Folder empty = backend.createProject(Folder.class, "empty");
        FreeStyleProject job = empty.createProject(FreeStyleProject.class, "build");

        assertEquals(
                List.of(new Scope.Folder("team-a/backend"), new Scope.Folder("team-a"), Scope.GLOBAL),
                ResourceResolver.definitionsSeenFrom(job.getParent()).stream()
                        .map(ScopeDefinitions::scope)
                        .toList());
    }

    @Test
    void theEngineSeesTheNearestDefinitionWin() throws Exception {
        FreeStyleProject job = backend.createProject(FreeStyleProject.class, "build");

        List<String> visible =
                BlockPreparation.visible(ResourceResolver.definitionsSeenFrom(job.getParent())).all().stream()
                        .map(VisibleResource::describe)
                        .toList();

        assertEquals(
                List.of(
                        "app-repo (folder team-a/backend, hiding folder team-a, global)",
                        "tools (folder team-a)",
                        "infra (global)"),
                visible);
    }

    @Test
    void aBrokenDefinitionIsHandedOverWithItsNameAsWritten() throws Exception {
        Fixtures.editSavedConfiguration(
                backend, "<sourceName>backend/app</sourceName>", "<sourceName>backend</sourceName>");
        FreeStyleProject job = backend.createProject(FreeStyleProject.class, "build");

        Definition broken = ResourceResolver.definitionsSeenFrom(job.getParent())
                .get(0)
                .definitions()
                .get(0);

        assertEquals("app-repo", broken.name());
        assertFalse(broken.isValid());
        assertInstanceOf(
                VisibleResource.Broken.class,
                BlockPreparation.visible(ResourceResolver.definitionsSeenFrom(job.getParent()))
                        .find("app-repo")
                        .orElseThrow());
        assertTrue(broken.resource().problems().stream().anyMatch(p -> p.field().equals("sourceName")));
    }

    @Test
    void theDefinitionsSeenFromAFolderAreItsOwnThoseAboveAndTheGlobalOnesBrokenOnesIncluded() throws Exception {
        Fixtures.editSavedConfiguration(
                teamA, "<sourceName>team-a/tools</sourceName>", "<sourceName>team-a</sourceName>");

        List<ScopeDefinitions> scopes = ResourceResolver.definitionsSeenFrom(backend);

        assertEquals(
                List.of(new Scope.Folder("team-a/backend"), new Scope.Folder("team-a"), Scope.GLOBAL),
                scopes.stream().map(ScopeDefinitions::scope).toList());
        assertEquals(
                List.of("app-repo", "tools"),
                scopes.get(1).definitions().stream().map(Definition::name).toList());
        assertEquals(
                List.of(true, false),
                scopes.get(1).definitions().stream().map(Definition::isValid).toList());
        assertEquals(
                List.of(Scope.GLOBAL),
                ResourceResolver.definitionsSeenFrom(j.jenkins).stream()
                        .map(ScopeDefinitions::scope)
                        .toList());
    }

    @Test
    void everywhereListsTheGlobalListThenEachFolderThatDefinesResourcesParentsFirst() throws Exception {
        Fixtures.folder(j, "empty");

        List<ResourceResolver.Located> all = ResourceResolver.everywhere();

        assertEquals(
                List.of(Scope.GLOBAL, new Scope.Folder("team-a"), new Scope.Folder("team-a/backend")),
                all.stream().map(ResourceResolver.Located::scope).toList());
        assertEquals(j.jenkins, all.get(0).context());
        assertEquals(backend, all.get(2).context());
        assertEquals(List.of("app-repo", "infra"), names(all.get(0).definitions()));
    }
}
