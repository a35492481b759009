package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.ExtensionList;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Items;
import hudson.model.Result;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The use policy at build time, as far as the global configuration sets it: with {@code globalResourcesFolders}, only
 * jobs under the listed folders (at any depth) get global resources. A refused block fails with the engine's one line
 * and gets nothing; a job is judged by its full name when the build starts, so moving or renaming it counts; resources
 * defined on folders are not concerned.
 */
@WithJenkins
class GlobalResourcesFoldersTest {

    private static final String BLOCK =
            "withBitbucketResource('app-repo') { echo \"inside: ${env.APPREPO_SOURCENAME}\" }";

    private JenkinsRule j;
    private Folder teamA;
    private Folder teamB;

    @BeforeEach
    void globalResourcesForTeamA(JenkinsRule j) throws Exception {
        this.j = j;
        Fixtures.addGlobally(Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"));
        BitbucketResourcesConfiguration.get().setGlobalResourcesFolders(List.of("team-a"));
        teamA = Fixtures.folder(j, "team-a");
        teamB = Fixtures.folder(j, "team-b");
    }

    private static WorkflowJob pipeline(Folder folder, String name) throws Exception {
        WorkflowJob job = folder.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(BLOCK, true));
        return job;
    }

    private void allowed(WorkflowJob job) throws Exception {
        j.assertLogContains("inside: acme/app", j.buildAndAssertSuccess(job));
    }

    /** One line naming the resource, where it is defined, the job and the rule; no variable, no token, no stack. */
    private void refused(WorkflowJob job) throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        String line = "Bitbucket resource `app-repo` (defined in the global configuration) may not be used by job "
                + job.getFullName()
                + ": global resources are usable only by jobs under the folders `team-a`"
                + " (globalResourcesFolders). Run the job in one of those folders, add its folder to"
                + " globalResourcesFolders, or define the resource on a folder above the job.";
        j.assertLogContains(line, run);
        // Nothing follows on its line, whatever line separator the log has.
        assertThat(JenkinsRule.getLog(run).lines().filter(l -> l.contains(line)).toList(), everyItem(endsWith(line)));
        j.assertLogNotContains("inside:", run);
        j.assertLogNotContains("Bitbucket resources: app-repo", run);
        j.assertLogNotContains("\tat ", run);
        assertThat(Fixtures.filesContainingAny(run.getRootDir().toPath(), Fixtures.formsOf(TOKEN)), empty());
    }

    @Test
    void aJobUnderAListedFolderUsesThemAtAnyDepth() throws Exception {
        allowed(pipeline(teamA, "build"));
        allowed(pipeline(teamA.createProject(Folder.class, "backend"), "build"));
    }

    @Test
    void aJobElsewhereIsRefused() throws Exception {
        refused(pipeline(teamB, "build"));
        WorkflowJob top = j.createProject(WorkflowJob.class, "top");
        top.setDefinition(new CpsFlowDefinition(BLOCK, true));
        refused(top);
    }

    @Test
    void aFolderNamedLikeTheListedOneIsNotUnderIt() throws Exception {
        refused(pipeline(Fixtures.folder(j, "team-a-old"), "build"));
    }

    @Test
    void aMovedJobIsJudgedByItsNewFolder() throws Exception {
        WorkflowJob job = pipeline(teamA, "build");
        allowed(job);

        refused(Items.move(job, teamB));
    }

    @Test
    void aRenamedFolderTakesItsJobsOutOfTheList() throws Exception {
        WorkflowJob job = pipeline(teamA, "build");
        allowed(job);

        teamA.renameTo("team-c");

        refused(job);
    }

    @Test
    void resourcesDefinedOnFoldersAreNotConcerned() throws Exception {
        Fixtures.defineOn(teamB, gitRepo("app-repo", "acme/app"));

        allowed(pipeline(teamB, "build"));
    }

    @Test
    void aFreestyleBuildFollowsTheSameRule() throws Exception {
        FreeStyleBuild refused = j.buildAndAssertStatus(Result.FAILURE, freestyle(teamB));
        FreeStyleBuild allowed = j.buildAndAssertSuccess(freestyle(teamA));

        j.assertLogContains(
                "Bitbucket resource `app-repo` (defined in the global configuration) may not be used by job"
                        + " team-b/freestyle: global resources are usable only by jobs under the folders `team-a`",
                refused);
        j.assertLogNotContains("step sees:", refused);
        j.assertLogNotContains("\tat ", refused);
        j.assertLogContains("step sees: acme/app", allowed);
    }

    @Test
    void theFreestyleListShowsItRefused() throws Exception {
        FreeStyleProject project = freestyle(teamB);

        ResourceChoices choices = ExtensionList.lookupSingleton(BitbucketResourceBuildWrapper.DescriptorImpl.class)
                .choices(project, project.getBuildWrappersList().get(BitbucketResourceBuildWrapper.class));

        assertEquals(1, choices.getVisible().size());
        ResourceChoices.Choice refused = choices.getVisible().get(0);
        assertEquals("app-repo: gitRepo acme/app, the global list", refused.getLabel());
        assertFalse(refused.isSelectable());
        assertEquals(
                List.of("Bitbucket resource `app-repo` (defined in the global configuration) may not be used by job"
                        + " team-b/freestyle: global resources are usable only by jobs under the folders `team-a`"
                        + " (globalResourcesFolders). Run the job in one of those folders, add its folder to"
                        + " globalResourcesFolders, or define the resource on a folder above the job."),
                refused.getReasonLines());
    }

    private static FreeStyleProject freestyle(Folder folder) throws IOException {
        FreeStyleProject project = Fixtures.freestyle(folder, "freestyle", "app-repo");
        project.getBuildersList().add(Fixtures.printing("APPREPO_SOURCENAME"));
        return project;
    }
}
