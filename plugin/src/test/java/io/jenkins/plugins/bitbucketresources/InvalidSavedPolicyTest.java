package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.ExtensionList;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.FormValidation;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A {@code globalResourcesFolders} entry that is no longer valid, as only a hand-edited configuration file can leave
 * it: every block stops with a message saying what to fix and where, rather than give the global resources to jobs
 * the list was meant to keep them from; the pages that show what a job gets say the same and fail in nothing.
 */
@WithJenkins
class InvalidSavedPolicyTest {

    private static final String PROBLEM = "globalResourcesFolders cannot be used until it is fixed";

    private JenkinsRule j;
    private Folder teamA;
    private WorkflowJob job;

    @BeforeEach
    void aPolicyEditedByHand(JenkinsRule j) throws Exception {
        this.j = j;
        Fixtures.addGlobally(Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"));
        teamA = Fixtures.folder(j, "team-a");
        Fixtures.defineOn(teamA, gitRepo("tools", "team-a/tools"));
        job = teamA.createProject(WorkflowJob.class, "build");
        job.setDefinition(new CpsFlowDefinition("withBitbucketResource('tools') { echo 'never here' }", true));
        BitbucketResourcesConfiguration configuration = BitbucketResourcesConfiguration.get();
        configuration.setGlobalResourcesFolders(List.of("team-a"));
        Path saved =
                new File(j.jenkins.getRootDir(), BitbucketResourcesConfiguration.class.getName() + ".xml").toPath();
        String xml = Files.readString(saved, StandardCharsets.UTF_8);
        assertThat(xml, containsString("<string>team-a</string>"));
        Files.writeString(
                saved, xml.replace("<string>team-a</string>", "<string>team-*</string>"), StandardCharsets.UTF_8);
        configuration.load();
        assertFalse(configuration.policy().isValid());
    }

    @Test
    void aBlockStopsWithWhatToFixAndWhere() throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains(PROBLEM, run);
        j.assertLogContains("Manage Jenkins › System › Bitbucket resources", run);
        j.assertLogContains("team-*", run);
        j.assertLogNotContains("never here", run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void theFormsListNothingAndSayWhy() throws Exception {
        ResourceChoices step = ExtensionList.lookupSingleton(WithBitbucketResourceStep.DescriptorImpl.class)
                .choices(job, new WithBitbucketResourceStep(new String[] {"tools"}));
        FreeStyleProject freestyle = teamA.createProject(FreeStyleProject.class, "freestyle");
        ResourceChoices wrapper = ExtensionList.lookupSingleton(BitbucketResourceBuildWrapper.DescriptorImpl.class)
                .choices(freestyle, new BitbucketResourceBuildWrapper(List.of("tools")));

        for (ResourceChoices choices : List.of(step, wrapper)) {
            assertTrue(choices.getVisible().isEmpty());
            assertThat(String.join("\n", choices.getProblemLines()), containsString(PROBLEM));
        }
        assertEquals(List.of("tools"), step.getOthers(), "what was chosen is kept");
        assertEquals(List.of("tools"), wrapper.getNotVisible(), "what was chosen is kept");
    }

    @Test
    void aTypedNameIsAnErrorSayingWhy() {
        FormValidation check = ExtensionList.lookupSingleton(WithBitbucketResourceStep.DescriptorImpl.class)
                .doCheckResourcesText(job, "tools");

        assertEquals(FormValidation.Kind.ERROR, check.kind);
        assertThat(check.renderHtml(), containsString(PROBLEM));
    }

    @Test
    void theResourcesPagesOfJobsAndFoldersSayWhyInsteadOfFailing() throws Exception {
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            for (HtmlPage page : List.of(
                    wc.getPage(job, ItemResourcesAction.URL_NAME + "/"),
                    wc.getPage(teamA, ItemResourcesAction.URL_NAME + "/"))) {
                assertEquals(200, page.getWebResponse().getStatusCode());
                assertThat(page.getWebResponse().getContentAsString(), containsString(PROBLEM));
                assertTrue(
                        page.querySelectorAll("#bitbucket-resources tbody tr").isEmpty());
            }
        }
    }

    @Test
    void theOverviewListsEveryDefinitionAndSaysNoJobMayUseAny() throws Exception {
        ResourcesOverview overview = ExtensionList.lookupSingleton(ResourcesOverview.class);

        List<ResourcesOverview.Line> lines = Acting.asSystem(overview::getLines);

        assertThat(lines, hasSize(2));
        for (ResourcesOverview.Line line : lines) {
            assertEquals("no job, until globalResourcesFolders is fixed", line.getAllowed());
        }
        assertThat(String.join("\n", overview.getProblemLines()), containsString(PROBLEM));
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            HtmlPage page = wc.goTo("bitbucket-resources/");
            assertThat(page.getWebResponse().getContentAsString(), containsString(PROBLEM));
        }
    }
}
