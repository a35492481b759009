package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

@WithJenkins
class BitbucketResourceBuildWrapperTest {

    private JenkinsRule j;

    @BeforeEach
    void integrationAndResources(JenkinsRule j) throws Exception {
        this.j = j;
        Fixtures.addGlobally(Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"), gitRepo("tools", "acme/tools"));
    }

    private FreeStyleProject project(String... resources) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of(resources)));
        return project;
    }

    @Test
    void aBuildWithoutStepsStillSetsUpTheResources() throws Exception {
        FreeStyleBuild build = j.buildAndAssertSuccess(project("app-repo"));

        j.assertLogContains(
                "Bitbucket resources: app-repo (global) via bitbucket-cloud: APPREPO_INTEGRATION_URL", build);
        assertThat(Fixtures.filesContaining(build.getRootDir().toPath(), TOKEN), empty());
    }

    @Test
    void noResourceChosenSetsNothingAndDoesNotFailTheBuild() throws Exception {
        FreeStyleBuild build = j.buildAndAssertSuccess(project());

        j.assertLogContains("Bitbucket resources: none chosen, so no variables are set", build);
    }

    @Test
    void theTokenVariablesAreSensitiveBuildVariables() throws Exception {
        FreeStyleBuild build = j.buildAndAssertSuccess(project("app-repo", "tools"));

        assertThat(
                build.getSensitiveBuildVariables(),
                containsInAnyOrder("APPREPO_INTEGRATION_TOKEN", "TOOLS_INTEGRATION_TOKEN"));
    }

    @Test
    void buildStepsSeeTheVariablesAndTheTokenIsMasked() throws Exception {
        FreeStyleProject project = project("app-repo", "tools");
        project.getBuildersList()
                .add(Fixtures.printing("APPREPO_SOURCENAME", "TOOLS_NAME", "APPREPO_INTEGRATION_TOKEN"));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("step sees: acme/app tools ****", build);
        j.assertLogNotContains(TOKEN, build);
    }

    @Test
    void postBuildOutputIsMaskedToo() throws Exception {
        FreeStyleProject project = project("app-repo");
        project.getPublishersList().add(new PrintingRecorder("post-build: " + TOKEN));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("post-build: ****", build);
        j.assertLogNotContains(TOKEN, build);
    }

    @Test
    void anUnknownNameFailsCleanly() throws Exception {
        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project("app-rep"));

        j.assertLogContains("No Bitbucket resource named `app-rep`", build);
        j.assertLogNotContains("\tat ", build);
    }

    @Test
    void theJobFormKeepsTheChosenResources() throws Exception {
        FreeStyleProject project = project("app-repo", "tools");

        project = j.configRoundtrip(project);

        BitbucketResourceBuildWrapper after = project.getBuildWrappersList().get(BitbucketResourceBuildWrapper.class);
        assertEquals(List.of("app-repo", "tools"), after.getResources());
    }

    @Test
    void aChosenResourceTheJobNoLongerSeesStaysChosen() throws Exception {
        FreeStyleProject project = project("app-repo", "retired");

        project = j.configRoundtrip(project);

        BitbucketResourceBuildWrapper after = project.getBuildWrappersList().get(BitbucketResourceBuildWrapper.class);
        assertEquals(List.of("app-repo", "retired"), after.getResources());
    }

    private WorkflowRun refusedInPipeline(String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogNotContains("never here", run);
        j.assertLogNotContains("\tat ", run);
        j.assertLogNotContains("Bitbucket resources: app-repo", run);
        assertThat(Fixtures.filesContainingAny(run.getRootDir().toPath(), Fixtures.formsOf(TOKEN)), empty());
        return run;
    }

    @Test
    void theGenericWrapStepRefusesItAndPointsAtTheStep() throws Exception {
        WorkflowRun run =
                refusedInPipeline("wrap([$class: 'BitbucketResourceBuildWrapper', resources: ['app-repo']]) {\n"
                        + "  echo 'never here'\n"
                        + "}");

        j.assertLogContains("in Pipeline, use withBitbucketResource('app-repo') { … } instead", run);
    }

    @Test
    void theWrappersSymbolInPipelineIsRefusedToo() throws Exception {
        WorkflowRun run = refusedInPipeline(
                "bitbucketResources(resources: ['app-repo', 'tools']) {\n" + "  echo 'never here'\n" + "}");

        j.assertLogContains("use withBitbucketResource(['app-repo', 'tools']) { … } instead", run);
    }

    /** A post-build step that prints a fixed line. */
    @SuppressWarnings({"rawtypes", "unchecked"}) // the signatures of Recorder and BuildStepDescriptor
    public static final class PrintingRecorder extends Recorder {

        private final String line;

        @DataBoundConstructor
        public PrintingRecorder(String line) {
            this.line = line;
        }

        public String getLine() {
            return line;
        }

        @Override
        public BuildStepMonitor getRequiredMonitorService() {
            return BuildStepMonitor.NONE;
        }

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) {
            listener.getLogger().println(line);
            return true;
        }

        @TestExtension("postBuildOutputIsMaskedToo")
        public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {

            @Override
            public boolean isApplicable(Class<? extends AbstractProject> jobType) {
                return true;
            }

            @NonNull
            @Override
            public String getDisplayName() {
                return "Print a line after the build";
            }
        }
    }
}
