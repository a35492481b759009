package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

class WithBitbucketResourceStepRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void theBlockSurvivesARestartWithoutTheTokenEverOnDisk() throws Throwable {
        sessions.then(j -> {
            Fixtures.addGlobally(Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN));
            Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));
            WorkflowJob job = j.createProject(WorkflowJob.class, "restarted");
            job.setDefinition(new CpsFlowDefinition(
                    "withBitbucketResource('app-repo') {\n"
                            + "  echo 'before the restart: ' + env.APPREPO_INTEGRATION_TOKEN\n"
                            + "  semaphore 'wait'\n"
                            + "  echo \"after the restart: ${env.APPREPO_SOURCENAME}\"\n"
                            + "  echo 'token after the restart: ' + env.APPREPO_INTEGRATION_TOKEN\n"
                            + "}",
                    true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("wait/1", run);

            assertThat(Fixtures.filesContaining(run.getRootDir().toPath(), TOKEN), empty());
        });
        sessions.then(j -> {
            WorkflowRun run =
                    j.jenkins.getItemByFullName("restarted", WorkflowJob.class).getBuildByNumber(1);
            Path buildDirectory = run.getRootDir().toPath();
            assertThat(Fixtures.filesContaining(buildDirectory, TOKEN), empty());

            SemaphoreStep.success("wait/1", null);
            j.waitForCompletion(run);

            j.assertBuildStatusSuccess(run);
            j.assertLogContains("before the restart: ****", run);
            j.assertLogContains("after the restart: acme/app", run);
            j.assertLogContains("token after the restart: ****", run);
            j.assertLogNotContains(TOKEN, run);
            assertThat(Fixtures.filesContaining(buildDirectory, TOKEN), empty());
        });
    }
}
