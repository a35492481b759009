package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Items;
import hudson.model.Result;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The least-privilege policy at build time, in Pipeline and freestyle: a resource's {@code allowedJobs}, the global
 * {@code globalResourcesFolders}, and a {@code ciRepo}'s {@code onlyOwnCheckout}. A refused job fails with the
 * engine's one line (the resource, where it is defined, the job, the rule) and gets nothing of the resource; a job is
 * judged by its name when the build starts, so moves and renames count.
 *
 * <p>These tests need the block's preparation to apply the engine's {@code UsePolicy}; they fail until it does.
 */
@WithJenkins
class UsePolicyTest {

    private static final String COMMIT = "89abcdef0123456789abcdef0123456789abcdef";
    private static final String BLOCK =
            "withBitbucketResource('app-repo') { echo \"inside: ${env.APPREPO_SOURCENAME}\" }";

    private JenkinsRule j;

    @BeforeEach
    void integration(JenkinsRule j) throws Exception {
        this.j = j;
        Fixtures.addGlobally(Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN));
    }

    private static BitbucketResource allowing(String... patterns) {
        BitbucketResource resource = Fixtures.gitRepo("app-repo", "acme/app");
        resource.setAllowedJobs(List.of(patterns));
        return resource;
    }

    private static WorkflowJob pipeline(Folder folder, String name, String script) throws Exception {
        WorkflowJob job = folder.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private WorkflowRun allowed(WorkflowJob job) throws Exception {
        WorkflowRun run = j.buildAndAssertSuccess(job);
        j.assertLogContains("inside: acme/app", run);
        return run;
    }

    /** Fails with the engine's line, without a stack trace, and without running the block or setting a variable. */
    private WorkflowRun refused(WorkflowJob job, String... lineParts) throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        for (String part : lineParts) {
            j.assertLogContains(part, run);
        }
        j.assertLogNotContains("inside:", run);
        j.assertLogNotContains("Bitbucket resources: app-repo", run);
        j.assertLogNotContains("\tat ", run);
        j.assertLogNotContains(TOKEN, run);
        return run;
    }

    @Test
    void aJobMatchingAllowedJobsUsesTheResource() throws Exception {
        Fixtures.defineGlobally(allowing("team-a/**"));
        Folder teamA = Fixtures.folder(j, "team-a");

        allowed(pipeline(teamA, "build", BLOCK));
    }

    @Test
    void anotherJobIsRefusedWithOneLineNamingTheResourceWhereItIsDefinedAndTheRule() throws Exception {
        Fixtures.defineGlobally(allowing("team-a/**"));
        Folder teamB = Fixtures.folder(j, "team-b");

        refused(
                pipeline(teamB, "build", BLOCK),
                "Bitbucket resource `app-repo` (defined in the global configuration) may not be used by job "
                        + "team-b/build: its allowedJobs `team-a/**` match no job of that name.");
    }

    @Test
    void nestedFoldersMatchDoubleStarAtAnyDepthAndStarOnlyDirectly() throws Exception {
        Folder teamA = Fixtures.folder(j, "team-a");
        Folder backend = teamA.createProject(Folder.class, "backend");
        WorkflowJob direct = pipeline(teamA, "build", BLOCK);
        WorkflowJob nested = pipeline(backend, "build", BLOCK);

        Fixtures.defineGlobally(allowing("team-a/*"));
        allowed(direct);
        refused(nested, "may not be used by job team-a/backend/build", "`team-a/*`");

        Fixtures.defineGlobally(allowing("team-a/**"));
        allowed(direct);
        allowed(nested);
    }

    @Test
    void aMovedJobIsJudgedByItsNewFolder() throws Exception {
        Fixtures.defineGlobally(allowing("team-a/**"));
        Folder teamA = Fixtures.folder(j, "team-a");
        Folder teamB = Fixtures.folder(j, "team-b");
        WorkflowJob job = pipeline(teamA, "build", BLOCK);
        allowed(job);

        WorkflowJob moved = Items.move(job, teamB);

        refused(moved, "may not be used by job team-b/build");
    }

    @Test
    void aRenamedJobIsJudgedByItsNewName() throws Exception {
        Fixtures.defineGlobally(allowing("team-a/release-*"));
        Folder teamA = Fixtures.folder(j, "team-a");
        WorkflowJob job = pipeline(teamA, "nightly", BLOCK);
        refused(job, "may not be used by job team-a/nightly");

        job.renameTo("release-2026");

        allowed(job);
    }

    @Test
    void aRenamedFolderRenamesItsJobsToo() throws Exception {
        Fixtures.defineGlobally(allowing("team-a/**"));
        Folder folder = Fixtures.folder(j, "team-a");
        WorkflowJob job = pipeline(folder, "build", BLOCK);
        allowed(job);

        folder.renameTo("team-c");

        refused(job, "may not be used by job team-c/build");
    }

    @Test
    void globalResourcesCanBeKeptForListedFolders() throws Exception {
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));
        BitbucketResourcesConfiguration.get().setGlobalResourcesFolders(List.of("team-a"));
        Folder teamA = Fixtures.folder(j, "team-a");
        Folder nested = teamA.createProject(Folder.class, "backend");
        WorkflowJob atTheTop = j.createProject(WorkflowJob.class, "build");
        atTheTop.setDefinition(new CpsFlowDefinition(BLOCK, true));

        allowed(pipeline(nested, "build", BLOCK));
        refused(
                atTheTop,
                "Bitbucket resource `app-repo` (defined in the global configuration) may not be used by job build:"
                        + " global resources are usable only by jobs under the folders `team-a`"
                        + " (globalResourcesFolders).");
    }

    @Test
    void theGlobalPolicyDoesNotConcernResourcesDefinedOnFolders() throws Exception {
        BitbucketResourcesConfiguration.get().setGlobalResourcesFolders(List.of("team-a"));
        Folder teamB = Fixtures.folder(j, "team-b");
        Fixtures.defineOn(teamB, Fixtures.gitRepo("app-repo", "acme/app"));

        allowed(pipeline(teamB, "build", BLOCK));
    }

    @Test
    void aRefusedDefinitionDoesNotFallBackToTheOneItHides() throws Exception {
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));
        Folder teamA = Fixtures.folder(j, "team-a");
        Fixtures.defineOn(teamA, allowing("team-a/deploy"));

        refused(
                pipeline(teamA, "build", BLOCK),
                "Bitbucket resource `app-repo` (defined on folder team-a) may not be used by job team-a/build");
        allowed(pipeline(teamA, "deploy", BLOCK));
    }

    @Test
    void aCiRepoWithOnlyOwnCheckoutNeedsTheBuildsOwnCheckoutOfItsRepository() throws Exception {
        BitbucketResource ciRepo = Fixtures.resource("ci-repo", "ciRepo", CREDENTIALS_ID, "acme/app");
        ciRepo.setOnlyOwnCheckout(true);
        Fixtures.defineGlobally(ciRepo);
        Folder teamA = Fixtures.folder(j, "team-a");
        String use = "withBitbucketResource('ci-repo') { echo \"commit: ${env.CIREPO_COMMIT}\" }";

        WorkflowRun own = j.buildAndAssertSuccess(
                pipeline(teamA, "own", RecordCheckoutStep.call("https://bitbucket.org/acme/app.git", COMMIT) + use));
        j.assertLogContains("commit: " + COMMIT, own);

        WorkflowRun other = j.buildAndAssertStatus(
                Result.FAILURE,
                pipeline(
                        teamA, "other", RecordCheckoutStep.call("https://bitbucket.org/acme/tools.git", COMMIT) + use));
        j.assertLogContains(
                "Bitbucket resource `ci-repo` (defined in the global configuration) may be used only by a build that "
                        + "has checked its repository acme/app out itself (onlyOwnCheckout), and job team-a/other has "
                        + "not checked it out",
                other);
        j.assertLogNotContains("commit:", other);

        WorkflowRun none = j.buildAndAssertStatus(Result.FAILURE, pipeline(teamA, "none", use));
        j.assertLogContains("job team-a/none has checked out nothing yet", none);
        j.assertLogNotContains("\tat ", none);
    }

    @Test
    void freestyleJobsFollowTheSameRules() throws Exception {
        Fixtures.defineGlobally(allowing("team-a/**"));
        Folder teamA = Fixtures.folder(j, "team-a");
        Folder teamB = Fixtures.folder(j, "team-b");
        FreeStyleProject mayUse = freestyle(teamA);
        FreeStyleProject mayNot = freestyle(teamB);

        j.assertLogContains("step sees: acme/app", j.buildAndAssertSuccess(mayUse));
        FreeStyleBuild refusedBuild = j.buildAndAssertStatus(Result.FAILURE, mayNot);
        j.assertLogContains(
                "Bitbucket resource `app-repo` (defined in the global configuration) may not be used by job "
                        + "team-b/build",
                refusedBuild);
        j.assertLogNotContains("step sees:", refusedBuild);
        j.assertLogNotContains("\tat ", refusedBuild);
    }

    private static FreeStyleProject freestyle(Folder folder) throws Exception {
        FreeStyleProject project = Fixtures.freestyle(folder, "build", "app-repo");
        project.getBuildersList().add(Fixtures.printing("APPREPO_SOURCENAME"));
        return project;
    }
}
