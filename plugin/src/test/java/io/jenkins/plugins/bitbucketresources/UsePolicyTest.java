package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;

import com.cloudbees.hudson.plugins.folder.Folder;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Items;
import hudson.model.Result;
import hudson.model.Run;
import hudson.plugins.git.Revision;
import hudson.plugins.git.util.Build;
import hudson.plugins.git.util.BuildData;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.StepExecutions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

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

        WorkflowRun own = j.buildAndAssertSuccess(pipeline(
                teamA,
                "own",
                "recordCheckout(remote: 'https://bitbucket.org/acme/app.git', commit: '" + COMMIT + "')\n" + use));
        j.assertLogContains("commit: " + COMMIT, own);

        WorkflowRun other = j.buildAndAssertStatus(
                Result.FAILURE,
                pipeline(
                        teamA,
                        "other",
                        "recordCheckout(remote: 'https://bitbucket.org/acme/tools.git', commit: '" + COMMIT + "')\n"
                                + use));
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
        FreeStyleProject project = folder.createProject(FreeStyleProject.class, "build");
        project.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of("app-repo")));
        project.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                    throws java.io.IOException, InterruptedException {
                listener.getLogger()
                        .println("step sees: " + build.getEnvironment(listener).get("APPREPO_SOURCENAME"));
                return true;
            }
        });
        return project;
    }

    /** Records a checkout the way the Git plugin does, for a remote the test cannot clone. */
    public static final class RecordCheckoutStep extends Step {

        private final String remote;
        private final String commit;

        @DataBoundConstructor
        public RecordCheckoutStep(String remote, String commit) {
            this.remote = remote;
            this.commit = commit;
        }

        public String getRemote() {
            return remote;
        }

        public String getCommit() {
            return commit;
        }

        @Override
        public StepExecution start(StepContext context) {
            return StepExecutions.synchronousVoid(context, c -> {
                Run<?, ?> run = c.get(Run.class);
                BuildData data = new BuildData("git");
                data.addRemoteUrl(remote);
                data.saveBuild(new Build(new Revision(ObjectId.fromString(commit)), run.getNumber(), null));
                run.addAction(data);
            });
        }

        @TestExtension("aCiRepoWithOnlyOwnCheckoutNeedsTheBuildsOwnCheckoutOfItsRepository")
        public static final class DescriptorImpl extends StepDescriptor {

            @Override
            public String getFunctionName() {
                return "recordCheckout";
            }

            @NonNull
            @Override
            public String getDisplayName() {
                return "Record a Git checkout";
            }

            @Override
            public Set<? extends Class<?>> getRequiredContext() {
                return Set.of(Run.class);
            }
        }
    }
}
