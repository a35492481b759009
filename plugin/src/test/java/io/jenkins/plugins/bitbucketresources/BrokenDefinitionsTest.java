package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.ExtensionList;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
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
 * A definition saved before a rule changed (here: written by hand) is broken. The nearest definition of a name wins
 * even when it is broken: a block that asks for it fails with what to fix, the farther definition is not used instead,
 * and the freestyle job's list shows it broken, as the build would find it. Broken definitions a block does not ask
 * for stop nothing.
 */
@WithJenkins
class BrokenDefinitionsTest {

    private static final String BROKEN = "Bitbucket resource `app-repo` in folder team-a cannot be used until its"
            + " definition is fixed (the definition in global that it hides is not used instead):";

    private JenkinsRule j;
    private Folder teamA;

    @BeforeEach
    void aBrokenDefinitionOnAFolderHidingAGoodOne(JenkinsRule j) throws Exception {
        this.j = j;
        Fixtures.addGlobally(Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"), gitRepo("tools", "acme/tools"));
        teamA = Fixtures.folder(j, "team-a");
        Fixtures.defineOn(teamA, gitRepo("app-repo", "team-a/app"));
        Fixtures.editSavedConfiguration(
                teamA, "<sourceName>team-a/app</sourceName>", "<sourceName>team-a</sourceName>");
    }

    private WorkflowJob pipeline(String script) throws Exception {
        WorkflowJob job = teamA.createProject(WorkflowJob.class, "build");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    void theBlockFailsWithWhatToFixAndTheFartherDefinitionIsNotUsed() throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(
                Result.FAILURE,
                pipeline("withBitbucketResource('app-repo') { echo \"inside: ${env.APPREPO_SOURCENAME}\" }"));

        j.assertLogContains(BROKEN + "\nsourceName: `team-a` is not of the form owner/repository", run);
        j.assertLogNotContains("inside:", run);
        j.assertLogNotContains("acme/app", run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void aBlockThatDoesNotAskForItStartsWithOneWarning() throws Exception {
        WorkflowRun run = j.buildAndAssertSuccess(
                pipeline("withBitbucketResource('tools') { echo \"inside: ${env.TOOLS_SOURCENAME}\" }"));

        j.assertLogContains(
                "Bitbucket resources: warning: Bitbucket resource `app-repo` (folder team-a) is visible to job"
                        + " team-a/build but cannot be used until its definition is fixed; this block does not use"
                        + " it.",
                run);
        j.assertLogContains("inside: acme/tools", run);
    }

    @Test
    void theFreestyleListShowsItBrokenNotTheFartherOne() throws Exception {
        FreeStyleProject job = teamA.createProject(FreeStyleProject.class, "freestyle");
        BitbucketResourceBuildWrapper wrapper = new BitbucketResourceBuildWrapper(List.of("app-repo"));

        ResourceChoices choices = ExtensionList.lookupSingleton(BitbucketResourceBuildWrapper.DescriptorImpl.class)
                .choices(job, wrapper);

        assertEquals(
                List.of("app-repo", "tools"),
                choices.getVisible().stream()
                        .map(ResourceChoices.Choice::getName)
                        .toList());
        ResourceChoices.Choice broken = choices.getVisible().get(0);
        assertEquals("app-repo: defined in folder team-a, hiding the definition of the global list", broken.getLabel());
        assertFalse(broken.isSelectable());
        assertTrue(broken.isChosen(), "a chosen name stays ticked until someone unticks it");
        assertThat(String.join("\n", broken.getReasonLines()), startsWith(BROKEN));
        assertEquals(List.of(), choices.getVisible().get(1).getReasonLines());
        assertEquals(List.of(), choices.getNotVisible());
    }

    @Test
    void theJobsConfigurationPageShowsWhatIsBroken() throws Exception {
        FreeStyleProject job = teamA.createProject(FreeStyleProject.class, "freestyle");
        job.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of("app-repo")));

        String text;
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlPage page = web.getPage(job, "configure");
            text = page.getWebResponse().getContentAsString();
        }
        assertThat(
                text, containsString("app-repo: defined in folder team-a, hiding the definition of the global list"));
        assertThat(text, containsString("cannot be used until its definition is fixed"));
        assertThat(text, containsString("sourceName: `team-a` is not of the form owner/repository"));
        assertThat(text, containsString("tools: gitRepo acme/tools, the global list"));
    }

    @Test
    void aFreestyleBuildThatChoseItFailsTheSameWay() throws Exception {
        FreeStyleProject job = teamA.createProject(FreeStyleProject.class, "freestyle");
        job.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of("app-repo")));

        j.assertLogContains(BROKEN, j.buildAndAssertStatus(Result.FAILURE, job));
    }
}
