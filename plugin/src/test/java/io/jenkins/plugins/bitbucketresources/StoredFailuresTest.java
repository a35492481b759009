package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Result;
import hudson.util.Secret;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A step inside the block that fails with the token in its failure: the console shows it masked, and neither the
 * failures Pipeline stores on the flow nodes nor any other file of the build keeps it, in any form the block masks.
 */
@WithJenkins
class StoredFailuresTest {

    private static final String OTHER_SECRET = "outer-binding-secret-4711";

    private JenkinsRule j;

    @BeforeEach
    void integrationAndResource(JenkinsRule j) throws Exception {
        this.j = j;
        Fixtures.addGlobally(Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));
    }

    private WorkflowRun fails(String script, boolean sandbox) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, sandbox));
        return j.buildAndAssertStatus(Result.FAILURE, job);
    }

    /** The token is in no stored failure and in no file of the build, in no form; the console shows it masked. */
    private void keepsNoToken(WorkflowRun run, String maskedLine) throws Exception {
        List<String> forms = Fixtures.formsOf(TOKEN);
        assertThat(Fixtures.storedFailuresContaining(run, forms), empty());
        assertThat(Fixtures.filesContainingAny(run.getRootDir().toPath(), forms), empty());
        j.assertLogContains(maskedLine, run);
        j.assertLogNotContains(TOKEN, run);
    }

    @Test
    void anErrorStepWithTheTokenIsStoredMasked() throws Exception {
        WorkflowRun run = fails(
                "withBitbucketResource('app-repo') {\n"
                        + "  error('cannot use ' + env.APPREPO_INTEGRATION_TOKEN)\n"
                        + "}",
                true);

        keepsNoToken(run, "cannot use ****");
        assertThat(Fixtures.storedFailures(run), hasItem(containsString("cannot use ****")));
    }

    @Test
    void aFileNamedAfterTheTokenThatCannotBeReadIsStoredMasked() throws Exception {
        WorkflowRun run = fails(
                "withBitbucketResource('app-repo') {\n"
                        + "  node {\n"
                        + "    readFile(env.APPREPO_INTEGRATION_TOKEN + '.txt')\n"
                        + "  }\n"
                        + "}",
                true);

        keepsNoToken(run, "****.txt");
        assertThat(Fixtures.storedFailures(run), hasItem(containsString("****.txt")));
    }

    @Test
    void aGroovyExceptionWithTheTokenIsStoredMasked() throws Exception {
        WorkflowRun run = fails(
                "withBitbucketResource('app-repo') {\n" + "  Integer.parseInt(env.APPREPO_INTEGRATION_TOKEN)\n" + "}",
                false);

        keepsNoToken(run, "java.lang.NumberFormatException");
        assertThat(Fixtures.storedFailures(run), hasItem(containsString("NumberFormatException")));
    }

    @Test
    void aThrownExceptionWithTheTokenInItsCauseIsStoredMasked() throws Exception {
        WorkflowRun run = fails(
                "withBitbucketResource('app-repo') {\n"
                        + "  throw new IllegalStateException('wrapped',"
                        + " new IllegalArgumentException('cause ' + env.APPREPO_INTEGRATION_TOKEN))\n"
                        + "}",
                false);

        keepsNoToken(run, "cause ****");
    }

    @Test
    void aFailureDeepInsideNestedBlocksIsStoredMasked() throws Exception {
        WorkflowRun run = fails(
                "withBitbucketResource('app-repo') {\n"
                        + "  stage('inner') {\n"
                        + "    node {\n"
                        + "      dir('sub') {\n"
                        + "        withEnv(['X=1']) { error('nested ' + env.APPREPO_INTEGRATION_TOKEN) }\n"
                        + "      }\n"
                        + "    }\n"
                        + "  }\n"
                        + "}",
                true);

        keepsNoToken(run, "nested ****");
    }

    @Test
    void anOuterFailureHandlerStillMasksItsOwnSecret() throws Exception {
        Fixtures.addGlobally(
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "outer", "", Secret.fromString(OTHER_SECRET)));

        WorkflowRun run = fails(
                "withCredentials([string(credentialsId: 'outer', variable: 'OUTER')]) {\n"
                        + "  withBitbucketResource('app-repo') {\n"
                        + "    error('both ' + env.OUTER + ' and ' + env.APPREPO_INTEGRATION_TOKEN)\n"
                        + "  }\n"
                        + "}",
                true);

        List<String> both = new ArrayList<>(Fixtures.formsOf(TOKEN));
        both.add(OTHER_SECRET);
        assertThat(Fixtures.storedFailuresContaining(run, both), empty());
        assertThat(Fixtures.filesContainingAny(run.getRootDir().toPath(), both), empty());
        j.assertLogNotContains(OTHER_SECRET, run);
        j.assertLogNotContains(TOKEN, run);
    }

    @Test
    void aFailureWithoutTheTokenIsStoredAsItWas() throws Exception {
        WorkflowRun run = fails("withBitbucketResource('app-repo') {\n" + "  error('plain failure')\n" + "}", true);

        assertThat(Fixtures.storedFailures(run), hasItem(containsString("plain failure")));
        j.assertLogContains("ERROR: plain failure", run);
    }
}
