package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsParameterDefinition;
import com.cloudbees.plugins.credentials.CredentialsParameterValue;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsUseListener;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.ExtensionList;
import hudson.model.Fingerprint;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Node;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.Secret;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A resource's credential is the one its definition names, looked up as the build, whatever the build's parameters
 * say; the plugin records its use, and only its use. (A credentials parameter's own credential is recorded as used by
 * the credentials plugin whenever the build's environment is worked out, block or not.)
 */
@WithJenkins
class CredentialLookupTest {

    private static final String OTHER_TOKEN = "ATCTT3xFfGN0SomeOtherTeamsToken";

    private JenkinsRule j;
    private BitbucketIntegrationCredentialsImpl integration;
    private BitbucketIntegrationCredentialsImpl other;

    @BeforeEach
    void twoIntegrations(JenkinsRule j) throws Exception {
        this.j = j;
        integration = Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN);
        other = Fixtures.cloudIntegration("other-team", OTHER_TOKEN);
        Fixtures.addGlobally(integration);
        Fixtures.addGlobally(other);
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));
    }

    /** A job with a credentials parameter named like a credential ID, run with that parameter pointing elsewhere. */
    private WorkflowRun runWithParameter(String parameter, String pointingAt, String script, Result expected)
            throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.addProperty(new ParametersDefinitionProperty(new CredentialsParameterDefinition(
                parameter, "", parameter, StandardCredentials.class.getName(), false)));
        job.setDefinition(new CpsFlowDefinition(script, true));
        return j.assertBuildStatus(
                expected,
                job.scheduleBuild2(0, new ParametersAction(new CredentialsParameterValue(parameter, pointingAt, ""))));
    }

    private static boolean recordedAsUsedBy(Credentials credentials, Run<?, ?> run) throws Exception {
        Fingerprint fingerprint = CredentialsProvider.getFingerprintOf(credentials);
        Job<?, ?> job = run.getParent();
        return fingerprint != null && fingerprint.getRangeSet(job).includes(run.getNumber());
    }

    @Test
    void aBuildParameterNamedLikeTheCredentialDoesNotRepointTheResource() throws Exception {
        WorkflowRun run = runWithParameter(
                CREDENTIALS_ID,
                "other-team",
                "withBitbucketResource('app-repo') {\n"
                    + "  echo \"the resource's own token: ${env.APPREPO_INTEGRATION_TOKEN.endsWith('0123456789')}\"\n"
                    + "}",
                Result.SUCCESS);

        j.assertLogContains("the resource's own token: true", run);
        assertEquals(List.of(CREDENTIALS_ID), uses().byThePlugin);
        assertEquals(1, Collections.frequency(uses().ids, CREDENTIALS_ID));
        assertTrue(recordedAsUsedBy(integration, run));
    }

    @Test
    void anIntegrationSharedByTheResourcesOfABlockIsRecordedAsUsedOnce() throws Exception {
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"), Fixtures.gitRepo("tools", "acme/tools"));
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("withBitbucketResource(['app-repo', 'tools']) { echo 'used' }", true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        assertEquals(List.of(CREDENTIALS_ID), uses().ids);
        assertEquals(List.of(CREDENTIALS_ID), uses().byThePlugin);
        assertTrue(recordedAsUsedBy(integration, run));
        assertFalse(recordedAsUsedBy(other, run));
    }

    @Test
    void theWrongTypeDiagnosisRecordsNoCredentialAsUsed() throws Exception {
        StringCredentialsImpl plain = new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "plain-text", "", Secret.fromString("not-a-bitbucket-token"));
        StringCredentialsImpl decoy = new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "decoy", "", Secret.fromString("decoy-secret-value"));
        Fixtures.addGlobally(plain);
        Fixtures.addGlobally(decoy);
        Fixtures.defineGlobally(Fixtures.resource("app-repo", "gitRepo", "plain-text", "acme/app"));

        WorkflowRun run = runWithParameter(
                "plain-text", "decoy", "withBitbucketResource('app-repo') { echo 'never here' }", Result.FAILURE);

        j.assertLogContains("uses `plain-text`, which is a Secret text credential, not a Bitbucket integration", run);
        j.assertLogNotContains("never here", run);
        assertEquals(List.of(), uses().byThePlugin);
        assertFalse(recordedAsUsedBy(plain, run));
    }

    private static Uses uses() {
        return ExtensionList.lookupSingleton(Uses.class);
    }

    /** Every use of a credential recorded on a build, by ID; and those recorded by the plugin's lookup as the build. */
    @TestExtension
    public static final class Uses implements CredentialsUseListener {

        final List<String> ids = new CopyOnWriteArrayList<>();
        final List<String> byThePlugin = new CopyOnWriteArrayList<>();

        @Override
        @SuppressWarnings("rawtypes") // the listener's signature
        public void onUse(Credentials credentials, Run run) {
            if (credentials instanceof IdCredentials identified) {
                ids.add(identified.getId());
                // A use is recorded on the thread that looks the credential up.
                if (StackWalker.getInstance()
                        .walk(frames -> frames.anyMatch(
                                frame -> frame.getClassName().equals(JobIntegrations.class.getName())))) {
                    byThePlugin.add(identified.getId());
                }
            }
        }

        @Override
        public void onUse(Credentials credentials, Node node) {}

        @Override
        public void onUse(Credentials credentials, Item item) {}
    }
}
