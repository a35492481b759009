package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.addGlobally;
import static io.jenkins.plugins.bitbucketresources.Fixtures.cloudIntegration;
import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.mask.MaskedSecret;
import io.jenkins.plugins.bitbucketresources.core.mask.SecretForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.actions.ArgumentsAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class WithBitbucketResourceStepTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private JenkinsRule j;

    @BeforeEach
    void integrationAndResources(JenkinsRule j) throws Exception {
        this.j = j;
        addGlobally(cloudIntegration(CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"), gitRepo("tools", "acme/tools"));
    }

    private WorkflowJob job(String script, boolean sandbox) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, sandbox));
        return job;
    }

    private WorkflowRun succeeds(String script) throws Exception {
        return j.buildAndAssertSuccess(job(script, true));
    }

    private WorkflowRun fails(String script) throws Exception {
        return j.buildAndAssertStatus(Result.FAILURE, job(script, true));
    }

    @Test
    void variablesAreSetInsideTheBlockAndGoneAfterIt() throws Exception {
        WorkflowRun run = succeeds("withBitbucketResource('app-repo') {\n"
                + "  echo \"inside: ${env.APPREPO_SOURCENAME} ${env.APPREPO_HTTPS_URL}"
                + " ${env.APPREPO_POINTER_BUILDONCOMMIT}\"\n"
                + "}\n"
                + "echo \"after: ${env.APPREPO_SOURCENAME}\"");

        j.assertLogContains("inside: acme/app https://bitbucket.org/acme/app.git TRUE", run);
        j.assertLogContains("after: null", run);
        j.assertLogContains(
                "Bitbucket resources: app-repo (global) via bitbucket-cloud: APPREPO_INTEGRATION_URL, "
                        + "APPREPO_INTEGRATION_TOKEN, APPREPO_NAME",
                run);
        j.assertLogNotContains(TOKEN, run);
    }

    @Test
    void worksOutsideNodeAndMasksTheTokenInAShell() throws Exception {
        WorkflowRun run = succeeds("withBitbucketResource('app-repo') {\n"
                + "  echo \"outside node: ${env.APPREPO_NAME}\"\n"
                + "  node {\n"
                + "    if (isUnix()) {\n"
                + "      sh 'echo \"shell sees $APPREPO_SOURCENAME and $APPREPO_INTEGRATION_TOKEN\"'\n"
                + "    } else {\n"
                + "      bat '@echo shell sees %APPREPO_SOURCENAME% and %APPREPO_INTEGRATION_TOKEN%'\n"
                + "    }\n"
                + "  }\n"
                + "}");

        j.assertLogContains("outside node: app-repo", run);
        j.assertLogContains("shell sees acme/app and ****", run);
        j.assertLogNotContains(TOKEN, run);
    }

    @Test
    void severalResourcesInOneBlockAndNestedBlocks() throws Exception {
        WorkflowRun run = succeeds("withBitbucketResource(['app-repo', 'tools']) {\n"
                + "  echo \"both: ${env.APPREPO_NAME} ${env.TOOLS_NAME}\"\n"
                + "}\n"
                + "withBitbucketResource('app-repo') {\n"
                + "  withBitbucketResource('tools') {\n"
                + "    echo \"nested: ${env.APPREPO_NAME} ${env.TOOLS_NAME}\"\n"
                + "  }\n"
                + "  echo \"outer again: ${env.APPREPO_NAME} ${env.TOOLS_NAME}\"\n"
                + "}");

        j.assertLogContains("both: app-repo tools", run);
        j.assertLogContains("nested: app-repo tools", run);
        j.assertLogContains("outer again: app-repo null", run);
    }

    @Test
    void parallelBranchesKeepTheirOwnVariables() throws Exception {
        WorkflowRun run = succeeds("parallel first: {\n"
                + "  withBitbucketResource('app-repo') { echo \"first: ${env.APPREPO_NAME} ${env.TOOLS_NAME}\" }\n"
                + "}, second: {\n"
                + "  withBitbucketResource('tools') { echo \"second: ${env.APPREPO_NAME} ${env.TOOLS_NAME}\" }\n"
                + "}");

        j.assertLogContains("first: app-repo null", run);
        j.assertLogContains("second: null tools", run);
    }

    @Test
    void declarativeOptionsWrapTheWholePipeline() throws Exception {
        WorkflowRun run = succeeds("pipeline {\n"
                + "  agent none\n"
                + "  options { withBitbucketResource('app-repo') }\n"
                + "  stages {\n"
                + "    stage('use') { steps { echo \"declarative: ${env.APPREPO_SOURCENAME}\" } }\n"
                + "  }\n"
                + "}");

        j.assertLogContains("declarative: acme/app", run);
    }

    @Test
    void theTokenIsMaskedInEveryFormTheEngineMasks() throws Exception {
        List<String> forms = SecretForms.of(new MaskedSecret(TOKEN, Optional.empty()));
        StringBuilder script = new StringBuilder("withBitbucketResource('app-repo') {\n");
        for (String form : forms) {
            // Some forms are base64 wrapped into lines: a Groovy single-quoted string takes their line breaks escaped.
            script.append("  echo 'form: ")
                    .append(form.replace("\\", "\\\\")
                            .replace("'", "\\'")
                            .replace("\n", "\\n")
                            .replace("\r", "\\r"))
                    .append("'\n");
        }
        script.append("}\n");

        WorkflowRun run = succeeds(script.toString());

        for (String form : forms) {
            j.assertLogNotContains(form, run);
        }
        j.assertLogContains("form: ****", run);
    }

    @Test
    void interpolatingTheTokenIntoAGroovyStringIsReported() throws Exception {
        WorkflowRun run = succeeds(
                "withBitbucketResource('app-repo') {\n" + "  echo \"token: ${env.APPREPO_INTEGRATION_TOKEN}\"\n" + "}");

        j.assertLogContains("A secret was passed to \"echo\" using Groovy String interpolation", run);
        j.assertLogContains("APPREPO_INTEGRATION_TOKEN", run);
        j.assertLogContains("token: ****", run);
        j.assertLogNotContains(TOKEN, run);
    }

    @Test
    void aFailureCarryingTheTokenIsMasked() throws Exception {
        WorkflowRun aborted = fails(
                "withBitbucketResource('app-repo') {\n" + "  error('leaked ' + env.APPREPO_INTEGRATION_TOKEN)\n" + "}");
        WorkflowRun thrown = j.buildAndAssertStatus(
                Result.FAILURE,
                job(
                        "withBitbucketResource('app-repo') {\n"
                                + "  throw new IllegalStateException('leaked ' + env.APPREPO_INTEGRATION_TOKEN)\n"
                                + "}",
                        false));

        j.assertLogContains("leaked ****", aborted);
        j.assertLogNotContains(TOKEN, aborted);
        j.assertLogContains("java.lang.IllegalStateException: leaked ****", thrown);
        j.assertLogNotContains(TOKEN, thrown);
    }

    @Test
    void anUnknownNameFailsCleanly() throws Exception {
        WorkflowRun run = fails("withBitbucketResource('app-rep') { echo 'never here' }");

        j.assertLogContains("No Bitbucket resource named `app-rep`", run);
        j.assertLogContains("Did you mean `app-repo`?", run);
        j.assertLogNotContains("never here", run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void aMissingCredentialFailsCleanly() throws Exception {
        Fixtures.defineGlobally(Fixtures.resource("app-repo", "gitRepo", "nowhere", "acme/app"));

        WorkflowRun run = fails("withBitbucketResource('app-repo') { echo 'never here' }");

        j.assertLogContains(
                "Bitbucket resource `app-repo` (global) uses the integration `nowhere`, but no Bitbucket integration"
                        + " with that ID is available here",
                run);
        j.assertLogContains("In Jenkins, an integration is a credential of the kind Bitbucket integration", run);
        j.assertLogNotContains("never here", run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void aCredentialOfAnotherKindFailsCleanly() throws Exception {
        addGlobally(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "plain-text", "", Secret.fromString("not-bitbucket")));
        Fixtures.defineGlobally(Fixtures.resource("app-repo", "gitRepo", "plain-text", "acme/app"));

        WorkflowRun run = fails("withBitbucketResource('app-repo') { echo 'never here' }");

        j.assertLogContains("not a Bitbucket integration", run);
        j.assertLogNotContains("\tat ", run);
    }

    /** One list cannot define both, so the second comes from a folder: the block that asks for both is refused. */
    @Test
    void resourcesWhoseVariablesCollideFailCleanly() throws Exception {
        Folder teamA = Fixtures.folder(j, "team-a");
        Fixtures.defineOn(teamA, gitRepo("apprepo", "acme/third"));
        WorkflowJob job = teamA.createProject(WorkflowJob.class, "build");
        job.setDefinition(
                new CpsFlowDefinition("withBitbucketResource(['app-repo', 'apprepo']) { echo 'never here' }", true));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains(
                "resources `app-repo` (global) and `apprepo` (folder team-a) both give the variable prefix `APPREPO`",
                run);
        j.assertLogNotContains("never here", run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void aFolderCredentialServesJobsInsideTheFolderOnly() throws Exception {
        Folder teamA = Fixtures.folder(j, "team-a");
        Fixtures.addToFolder(teamA, cloudIntegration("team-a-integration", "ATCTT3xFfGN0TeamATokenValue4567"));
        Fixtures.defineGlobally(Fixtures.resource("team-repo", "gitRepo", "team-a-integration", "team-a/app"));
        String script = "withBitbucketResource('team-repo') { echo \"got ${env.TEAMREPO_SOURCENAME}\" }";
        WorkflowJob inside = teamA.createProject(WorkflowJob.class, "inside");
        inside.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowJob outside = job(script, true);

        WorkflowRun allowed = j.buildAndAssertSuccess(inside);
        WorkflowRun refused = j.buildAndAssertStatus(Result.FAILURE, outside);

        j.assertLogContains("got team-a/app", allowed);
        j.assertLogContains(
                "uses the integration `team-a-integration`, but no Bitbucket integration with that ID is available"
                        + " here",
                refused);
        j.assertLogNotContains("\tat ", refused);
    }

    @Test
    void aCiRepoTakesTheCommitTheBuildCheckedOut() throws Exception {
        Fixtures.defineGlobally(Fixtures.resource("ci-repo", "ciRepo", CREDENTIALS_ID, "acme/app"));

        WorkflowRun run = succeeds(RecordCheckoutStep.call("git@bitbucket.org:acme/app.git", COMMIT)
                + "withBitbucketResource('ci-repo') { echo \"commit: ${env.CIREPO_COMMIT}\" }");

        j.assertLogContains("commit: " + COMMIT, run);
    }

    @Test
    void aCiRepoNotCheckedOutHasNoCommit() throws Exception {
        Fixtures.defineGlobally(Fixtures.resource("ci-repo", "ciRepo", CREDENTIALS_ID, "acme/app"));

        WorkflowRun run = succeeds(RecordCheckoutStep.call("https://bitbucket.org/acme/tools.git", COMMIT)
                + "withBitbucketResource('ci-repo') { echo \"commit: ${env.CIREPO_COMMIT}\" }");

        j.assertLogContains("commit: null", run);
    }

    @Test
    void theStepFormKeepsItsResources() throws Exception {
        WithBitbucketResourceStep before = new WithBitbucketResourceStep(new String[] {"app-repo", "tools"});

        WithBitbucketResourceStep after = new StepConfigTester(j).configRoundTrip(before);

        j.assertEqualDataBoundBeans(before, after);
    }

    @Test
    void theSnippetIsTheShortFormForOneResourceAndAListForSeveral() throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);

        snippets.assertRoundTrip(
                new WithBitbucketResourceStep(new String[] {"app-repo"}),
                "withBitbucketResource('app-repo') {\n    // some block\n}");
        snippets.assertRoundTrip(
                new WithBitbucketResourceStep(new String[] {"app-repo", "tools"}),
                "withBitbucketResource(['app-repo', 'tools']) {\n    // some block\n}");
        snippets.assertParseStep(
                new WithBitbucketResourceStep(new String[] {"app-repo"}),
                "withBitbucketResource(resources: 'app-repo') {}");
    }

    @Test
    void shipctlIsKeptByTheFormAndWrittenAsInTheReadme() throws Exception {
        WithBitbucketResourceStep withShipctl = new WithBitbucketResourceStep(new String[] {"app-repo"});
        withShipctl.setShipctl(true);

        j.assertEqualDataBoundBeans(withShipctl, new StepConfigTester(j).configRoundTrip(withShipctl));
        SnippetizerTester snippets = new SnippetizerTester(j);
        snippets.assertRoundTrip(
                withShipctl, "withBitbucketResource(resources: ['app-repo'], shipctl: true) {\n    // some block\n}");
        snippets.assertParseStep(withShipctl, "withBitbucketResource(resources: 'app-repo', shipctl: true) {}");
    }

    @Test
    void stageAndGraphViewsLabelTheBlockWithItsResourceNamesOnly() throws Exception {
        WorkflowRun run = succeeds("withBitbucketResource('app-repo') { echo 'one' }\n"
                + "withBitbucketResource(['app-repo', 'tools']) { echo 'two' }\n"
                + "withBitbucketResource(resources: ['tools']) { echo 'three' }");

        List<String> labels = new ArrayList<>();
        for (FlowNode node : new DepthFirstScanner().allNodes(run.getExecution())) {
            if ("withBitbucketResource".equals(node.getDisplayFunctionName())
                    && node.getPersistentAction(ArgumentsAction.class) != null) {
                labels.add(ArgumentsAction.getStepArgumentsAsString(node));
            }
        }

        assertThat(labels, containsInAnyOrder("app-repo", "app-repo, tools", "tools"));
    }
}
