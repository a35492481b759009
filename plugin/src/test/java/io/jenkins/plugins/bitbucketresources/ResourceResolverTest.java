package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.resolve.Resolution;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

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

    private static ResolvedResource resolve(hudson.model.Item job, String name) {
        Resolution resolution = ResourceResolver.get().resolve(job, List.of(name));
        return assertInstanceOf(Resolution.Resolved.class, resolution)
                .resources()
                .get(0);
    }

    @Test
    void theNearestFolderWins() throws Exception {
        FreeStyleProject job = backend.createProject(FreeStyleProject.class, "build");

        ResolvedResource appRepo = resolve(job, "app-repo");

        assertEquals("backend/app", appRepo.resource().sourceName().toString());
        assertEquals("app-repo (folder team-a/backend, hiding folder team-a, global)", appRepo.describe());
    }

    @Test
    void aParentFolderWinsOverTheGlobalList() throws Exception {
        FreeStyleProject job = teamA.createProject(FreeStyleProject.class, "build");

        assertEquals(
                "team-a/app", resolve(job, "app-repo").resource().sourceName().toString());
        assertEquals(
                "team-a/tools", resolve(job, "tools").resource().sourceName().toString());
    }

    @Test
    void aJobOutsideTheFoldersSeesTheGlobalList() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("top");

        assertEquals(
                "acme/app", resolve(job, "app-repo").resource().sourceName().toString());
        Resolution tools = ResourceResolver.get().resolve(job, List.of("tools"));
        assertThat(
                assertInstanceOf(Resolution.Failed.class, tools).message(),
                containsString("No Bitbucket resource named `tools`"));
    }

    @Test
    void aJobSeesEveryNameOnceNearestFirst() throws Exception {
        FreeStyleProject job = backend.createProject(FreeStyleProject.class, "build");

        List<String> visible = ResourceResolver.get().visible(job).stream()
                .map(ResolvedResource::describe)
                .toList();

        assertEquals(
                List.of(
                        "app-repo (folder team-a/backend, hiding folder team-a, global)",
                        "tools (folder team-a)",
                        "infra (global)"),
                visible);
    }

    @Test
    void theDefinitionsSeenFromAFolderAreItsOwnThoseAboveAndTheGlobalOnesBrokenOnesIncluded() throws Exception {
        Fixtures.editSavedConfiguration(
                teamA, "<sourceName>team-a/tools</sourceName>", "<sourceName>team-a</sourceName>");

        List<ScopeDefinitions> scopes = ResourceResolver.get().definitionsSeenFrom(backend);

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
                ResourceResolver.get().definitionsSeenFrom(j.jenkins).stream()
                        .map(ScopeDefinitions::scope)
                        .toList());
    }
}
