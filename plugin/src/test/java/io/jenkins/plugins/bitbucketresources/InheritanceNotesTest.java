package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.cloudIntegration;
import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What the resource lists of folders and of the global configuration say about inheritance while they are edited: the
 * definitions a name hides or is hidden by, where a build finds the integration a resource names, and the "Edited"
 * mark of the advanced section only where a value differs from its default.
 */
@WithJenkins
class InheritanceNotesTest {

    private static final String RESOURCE = "descriptorByName/" + BitbucketResource.class.getName() + "/";

    private JenkinsRule j;
    private Folder teamA;
    private Folder backend;
    private BitbucketResource.DescriptorImpl resources;

    /** {@code app-repo} is defined globally, on {@code team-a} and on {@code team-a/backend}. */
    @BeforeEach
    void resources(JenkinsRule j) throws Exception {
        this.j = j;
        Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"), gitRepo("tools", "acme/tools"));
        teamA = Fixtures.folder(j, "team-a");
        Fixtures.defineOn(teamA, gitRepo("app-repo", "team-a/app"));
        backend = teamA.createProject(Folder.class, "backend");
        Fixtures.defineOn(backend, gitRepo("app-repo", "backend/app"), gitRepo("infra", "backend/infra"));
        resources = ExtensionList.lookupSingleton(BitbucketResource.DescriptorImpl.class);
    }

    @Test
    void aFolderNameSaysWhichDefinitionsAboveItHides() {
        FormValidation nested = resources.doCheckName(backend, "app-repo");
        FormValidation top = resources.doCheckName(teamA, "app-repo");
        FormValidation tools = resources.doCheckName(backend, "tools");

        assertEquals(FormValidation.Kind.WARNING, nested.kind);
        assertEquals(
                "This definition hides `app-repo` of folder `team-a` and of the global list from the jobs in this"
                        + " folder: they get this one instead.",
                nested.getMessage());
        assertEquals(FormValidation.Kind.WARNING, top.kind);
        assertThat(
                top.getMessage(), containsString("hides `app-repo` of the global list from the jobs in this folder"));
        assertEquals(FormValidation.Kind.WARNING, tools.kind, "a name not saved yet is checked as it is typed");
        assertThat(tools.getMessage(), containsString("hides `tools` of the global list"));
    }

    @Test
    void aNameThatHidesNothingGetsNoNote() {
        assertEquals(FormValidation.Kind.OK, resources.doCheckName(backend, "infra").kind);
        assertEquals(FormValidation.Kind.OK, resources.doCheckName(teamA, "new-repo").kind);
        assertEquals(FormValidation.Kind.OK, resources.doCheckName(null, "tools").kind);
    }

    @Test
    void aGlobalNameSaysWhichFoldersHideIt() {
        FormValidation appRepo = resources.doCheckName(null, "app-repo");
        FormValidation infra = resources.doCheckName(null, "infra");

        assertEquals(FormValidation.Kind.WARNING, appRepo.kind);
        assertEquals(
                "`app-repo` is also defined on the folders `team-a` and `team-a/backend`: the jobs in those folders get"
                        + " that definition, not this one.",
                appRepo.getMessage());
        assertEquals(FormValidation.Kind.WARNING, infra.kind);
        assertThat(
                infra.getMessage(), containsString("also defined on folder `team-a/backend`: the jobs in that folder"));
    }

    @Test
    void theNoteComesWithThePrefixWarning() throws Exception {
        Fixtures.defineOn(teamA, gitRepo("app-repo", "team-a/app"), gitRepo("Tools", "team-a/tools"));

        FormValidation both = resources.doCheckName(teamA, "tools");

        assertEquals(FormValidation.Kind.WARNING, both.kind);
        assertThat(both.renderHtml(), containsString("gives the variable prefix `TOOLS`, as `Tools`"));
        assertThat(both.renderHtml(), containsString("hides `tools` of the global list"));
    }

    /** The name fields of the folder's page call the folder's name check, which answers with the note. */
    @Test
    void theFolderPageAsksForTheNoteOfEachSavedName() throws Exception {
        List<String> checkUrls = new ArrayList<>();
        String answer;
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            HtmlPage page = wc.getPage(backend, "configure");
            for (DomNode node : page.querySelectorAll("input[name='_.name']")) {
                DomElement field = (DomElement) node;
                if (field.getAttribute("value").equals("app-repo")) {
                    checkUrls.add(field.getAttribute("checkUrl"));
                }
            }
            WebRequest check =
                    new WebRequest(wc.createCrumbedUrl(backend.getUrl() + RESOURCE + "checkName"), HttpMethod.POST);
            check.setRequestParameters(List.of(new NameValuePair("value", "app-repo")));
            answer = wc.getPage(check).getWebResponse().getContentAsString();
        }

        assertEquals(1, checkUrls.size(), "the saved app-repo entry has a checked name field");
        assertThat(checkUrls.get(0), containsString("/" + backend.getUrl() + RESOURCE + "checkName"));
        assertThat(answer, containsString("class=\"warning\""));
        assertThat(answer, containsString("hides `app-repo` of folder `team-a` and of the global list"));
    }

    // The integration a resource names, as a build will look it up.

    @Test
    void anIntegrationOnlyInAFolderIsAWarningOnTheGlobalListThatSaysWhereItServes() throws Exception {
        Fixtures.addToFolder(teamA, cloudIntegration("team-integration", TOKEN));
        Fixtures.addToFolder(backend, cloudIntegration("team-integration", TOKEN));
        Folder teamB = Fixtures.folder(j, "team-b");
        Fixtures.addToFolder(teamB, cloudIntegration("team-integration", TOKEN));

        FormValidation global = resources.doCheckCredentialsId(null, "team-integration");

        assertEquals(FormValidation.Kind.WARNING, global.kind);
        assertThat(global.getMessage(), containsString("`team-integration` is not among the global credentials"));
        assertThat(
                global.getMessage(), containsString("the folders `team-a` and `team-b` hold a Bitbucket integration"));
        assertThat(global.getMessage(), containsString("looks the credential up in its job"));
        assertThat(global.getMessage(), not(containsString("this folder")));
    }

    @Test
    void anIntegrationOnlyInASubfolderIsAWarningOnTheFolderList() throws Exception {
        Fixtures.addToFolder(backend, cloudIntegration("backend-integration", TOKEN));

        FormValidation onTeamA = resources.doCheckCredentialsId(teamA, "backend-integration");
        FormValidation onBackend = resources.doCheckCredentialsId(backend, "backend-integration");

        assertEquals(FormValidation.Kind.WARNING, onTeamA.kind);
        assertThat(onTeamA.getMessage(), containsString("folder `team-a/backend` below it holds"));
        assertEquals(FormValidation.Kind.OK, onBackend.kind);
    }

    @Test
    void anIntegrationNowhereIsAnErrorThatSaysWhereToCreateIt() {
        FormValidation global = resources.doCheckCredentialsId(null, "nowhere");
        FormValidation folder = resources.doCheckCredentialsId(teamA, "nowhere");

        assertEquals(FormValidation.Kind.ERROR, global.kind);
        assertThat(global.getMessage(), containsString("in the global credentials or in any folder"));
        assertThat(global.getMessage(), not(containsString("this folder")));
        assertEquals(FormValidation.Kind.ERROR, folder.kind);
        assertThat(folder.getMessage(), containsString("create one in this folder"));
    }

    // The advanced section's "Edited" mark.

    /** The fields the advanced section counts as edited, for each resource of the page, as core's form tags list them. */
    private List<String> editedFields(Folder folder) throws Exception {
        List<String> edited = new ArrayList<>();
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            HtmlPage page = wc.getPage(folder, "configure");
            for (DomNode node : page.querySelectorAll(".advanced-customized-fields-info")) {
                edited.add(((DomElement) node).getAttribute("data-customized-fields"));
            }
        }
        return edited;
    }

    @Test
    void resourcesNobodyChangedAreNotMarkedEdited() throws Exception {
        BitbucketResource defaults = gitRepo("app-repo", "team-a/app");
        defaults.setBranch("main");
        Fixtures.defineOn(teamA, defaults);

        for (String fields : editedFields(teamA)) {
            assertThat(fields, not(containsString("buildOn")));
            assertThat(fields, not(containsString("OnlyText")));
            assertThat(fields, not(containsString("ExceptText")));
            assertThat(fields, not(containsString("resolveCommit")));
            assertThat(fields, not(containsString("gitAuth")));
            assertThat(fields, not(containsString("shipctl")));
        }
    }

    @Test
    void gitAuthenticationOffOrShipctlOnMarksTheirSectionEdited() throws Exception {
        BitbucketResource noGitAuth = gitRepo("app-repo", "team-a/app");
        noGitAuth.setGitAuth(false);
        BitbucketResource shipctl = gitRepo("tools", "team-a/tools");
        shipctl.setShipctl(true);
        Fixtures.defineOn(teamA, noGitAuth, shipctl);

        List<String> edited = editedFields(teamA);

        assertNotNull(
                edited.stream().filter(f -> f.contains("_.gitAuth")).findFirst().orElse(null), edited::toString);
        assertNotNull(
                edited.stream().filter(f -> f.contains("_.shipctl")).findFirst().orElse(null), edited::toString);
    }

    @Test
    void theGitAuthenticationBoxSavesBothWays() throws Exception {
        BitbucketResource off = gitRepo("app-repo", "team-a/app");
        off.setGitAuth(false);
        off.setShipctl(true);
        Fixtures.defineOn(teamA, off, gitRepo("tools", "team-a/tools"));

        Folder after = j.configRoundtrip(teamA);

        List<BitbucketResource> saved = after.getProperties()
                .get(BitbucketResourcesFolderProperty.class)
                .getResources();
        assertEquals(false, saved.get(0).isGitAuth());
        assertEquals(true, saved.get(0).isShipctl());
        assertEquals(true, saved.get(1).isGitAuth());
        assertEquals(false, saved.get(1).isShipctl());
    }

    @Test
    void aValueThatDiffersFromItsDefaultMarksTheSectionEdited() throws Exception {
        BitbucketResource noCommitBuilds = gitRepo("app-repo", "team-a/app");
        noCommitBuilds.setBuildOnCommit(false);
        BitbucketResource tags = gitRepo("tools", "team-a/tools");
        tags.setTagsOnly(List.of("v*"));
        Fixtures.defineOn(teamA, noCommitBuilds, tags);

        List<String> edited = editedFields(teamA);

        assertNotNull(
                edited.stream()
                        .filter(f -> f.contains("_.buildOnCommit"))
                        .findFirst()
                        .orElse(null),
                edited::toString);
        assertNotNull(
                edited.stream()
                        .filter(f -> f.contains("_.tagsOnlyText"))
                        .findFirst()
                        .orElse(null),
                edited::toString);
    }

    @Test
    void theBuildOnCommitBoxStillSavesBothWays() throws Exception {
        BitbucketResource off = gitRepo("app-repo", "team-a/app");
        off.setBuildOnCommit(false);
        Fixtures.defineOn(teamA, off, gitRepo("tools", "team-a/tools"));

        Folder after = j.configRoundtrip(teamA);

        List<BitbucketResource> saved = after.getProperties()
                .get(BitbucketResourcesFolderProperty.class)
                .getResources();
        assertEquals(false, saved.get(0).isBuildOnCommit());
        assertEquals(true, saved.get(1).isBuildOnCommit());
    }
}
