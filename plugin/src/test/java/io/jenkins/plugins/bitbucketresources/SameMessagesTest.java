package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockRequest;
import io.jenkins.plugins.bitbucketresources.core.prepare.IntegrationLookup;
import io.jenkins.plugins.bitbucketresources.core.prepare.Integrations;
import io.jenkins.plugins.bitbucketresources.core.prepare.Prepared;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.time.Clock;
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
 * A block refused in Jenkins says what the engine says, word for word, as the command line does for the same problem:
 * the expected text is the engine's, worked out here from the same definitions; Jenkins only adds its own hint on the
 * next line, where one helps, and no stack trace.
 */
@WithJenkins
class SameMessagesTest {

    private static final List<BitbucketResource> GLOBAL =
            List.of(gitRepo("app-repo", "acme/app"), gitRepo("infra", "acme/infra"));

    private JenkinsRule j;
    private Folder teamA;

    @BeforeEach
    void integrationAndResources(JenkinsRule j) throws Exception {
        this.j = j;
        Fixtures.addGlobally(Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(GLOBAL.toArray(new BitbucketResource[0]));
        teamA = Fixtures.folder(j, "team-a");
    }

    private static ScopeDefinitions scope(Scope scope, List<BitbucketResource> resources) {
        return ResourceResolver.definitions(scope, resources);
    }

    /** What the engine says to job team-a/build about the names, with team-a defining these and the global list its own. */
    private static String engineSaysOnTeamA(List<BitbucketResource> onTeamA, String... names) throws Exception {
        return engineSays(
                List.of(scope(new Scope.Folder("team-a"), onTeamA), scope(Scope.GLOBAL, GLOBAL)),
                "team-a/build",
                found(),
                GlobalPolicy.EVERY_JOB,
                names);
    }

    /** What the engine refuses the block with, for the same job, definitions and integrations. */
    private static String engineSays(
            List<ScopeDefinitions> scopes, String job, Integrations integrations, GlobalPolicy policy, String... names)
            throws InterruptedException {
        BlockPreparation engine = new BlockPreparation(
                (integration, source, branch) -> {
                    throw new AssertionError("no commit is looked up");
                },
                Runnable::run,
                Clock.systemUTC());
        BlockRequest request = BlockRequest.builder()
                .job(JobPath.parse(job))
                .scopes(scopes)
                .names(names)
                .integrations(integrations)
                .policy(policy)
                .build();
        return assertInstanceOf(Prepared.Refused.class, engine.prepare(request)).message();
    }

    private static Integrations found() throws Exception {
        Integration integration =
                Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN).toIntegration().orElseThrow();
        return id ->
                id.equals(CREDENTIALS_ID) ? new IntegrationLookup.Found(integration) : new IntegrationLookup.Missing();
    }

    private WorkflowRun pipeline(Folder folder, String script) throws Exception {
        WorkflowJob job = folder.createProject(WorkflowJob.class, "build");
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        refusedCleanly(run);
        return run;
    }

    private FreeStyleBuild freestyle(Folder folder, String... names) throws Exception {
        FreeStyleProject project = folder.createProject(FreeStyleProject.class, "freestyle");
        project.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of(names)));
        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);
        refusedCleanly(build);
        return build;
    }

    private void refusedCleanly(Run<?, ?> run) throws Exception {
        j.assertLogNotContains("never here", run);
        j.assertLogNotContains("\tat ", run);
        j.assertLogNotContains("Bitbucket resources: app-repo", run);
        j.assertLogNotContains(TOKEN, run);
    }

    @Test
    void anUnknownName() throws Exception {
        Fixtures.defineOn(teamA, gitRepo("tools", "team-a/tools"));
        String engine = engineSaysOnTeamA(List.of(gitRepo("tools", "team-a/tools")), "app-rpo");

        WorkflowRun run = pipeline(teamA, "withBitbucketResource('app-rpo') { echo 'never here' }");
        FreeStyleBuild build = freestyle(teamA, "app-rpo");

        j.assertLogContains(engine, run);
        j.assertLogContains(
                engine.replace("job team-a/build", "job team-a/freestyle") + "\nUntick app-rpo under the job's Build"
                        + " Environment (Inject Bitbucket resource variables), or define it again.",
                build);
    }

    @Test
    void severalNamesInOneStringGetTheListSyntaxInPipelineOnly() throws Exception {
        String engine = engineSays(
                List.of(scope(Scope.GLOBAL, GLOBAL)),
                "team-a/build",
                found(),
                GlobalPolicy.EVERY_JOB,
                "app-repo infra");

        WorkflowRun run = pipeline(teamA, "withBitbucketResource('app-repo infra') { echo 'never here' }");

        j.assertLogContains(
                engine + "\nTo use several resources in one block, give them as a list:"
                        + " withBitbucketResource(['app-repo', 'infra']) { … }",
                run);
    }

    @Test
    void aBrokenNearestDefinition() throws Exception {
        Fixtures.defineOn(teamA, gitRepo("app-repo", "team-a/app"));
        Fixtures.editSavedConfiguration(
                teamA, "<sourceName>team-a/app</sourceName>", "<sourceName>team-a</sourceName>");
        String engine = engineSaysOnTeamA(List.of(gitRepo("app-repo", "team-a")), "app-repo");

        WorkflowRun run = pipeline(teamA, "withBitbucketResource('app-repo') { echo 'never here' }");
        FreeStyleBuild build = freestyle(teamA, "app-repo");

        String hint = "\nFix it on the folder's configuration page: team-a › Configure › Bitbucket resources.";
        j.assertLogContains(engine + hint, run);
        j.assertLogContains(engine + hint, build);
    }

    @Test
    void aMissingIntegration() throws Exception {
        BitbucketResource elsewhere = Fixtures.resource("app-repo", "gitRepo", "nowhere", "acme/app");
        Fixtures.defineOn(teamA, elsewhere);
        String engine = engineSaysOnTeamA(List.of(elsewhere), "app-repo");

        WorkflowRun run = pipeline(teamA, "withBitbucketResource('app-repo') { echo 'never here' }");

        j.assertLogContains(
                engine + "\nIn Jenkins, an integration is a credential of the kind Bitbucket integration", run);
    }

    @Test
    void aCredentialOfAnotherKind() throws Exception {
        Fixtures.addGlobally(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "plain-text", "", Secret.fromString("not-a-bitbucket-token")));
        BitbucketResource plain = Fixtures.resource("app-repo", "gitRepo", "plain-text", "acme/app");
        Fixtures.defineOn(teamA, plain);
        String engine = engineSays(
                List.of(scope(new Scope.Folder("team-a"), List.of(plain)), scope(Scope.GLOBAL, GLOBAL)),
                "team-a/freestyle",
                id -> new IntegrationLookup.WrongKind("Secret text"),
                GlobalPolicy.EVERY_JOB,
                "app-repo");

        FreeStyleBuild build = freestyle(teamA, "app-repo");

        j.assertLogContains(engine, build);
    }

    @Test
    void resourcesWhoseVariablesCollide() throws Exception {
        Fixtures.defineOn(teamA, gitRepo("apprepo", "team-a/app"));
        String engine = engineSaysOnTeamA(List.of(gitRepo("apprepo", "team-a/app")), "app-repo", "apprepo");

        WorkflowRun run = pipeline(teamA, "withBitbucketResource(['app-repo', 'apprepo']) { echo 'never here' }");

        j.assertLogContains(engine, run);
    }

    @Test
    void aGlobalResourceKeptForOtherFolders() throws Exception {
        BitbucketResourcesConfiguration.get().setGlobalResourcesFolders(List.of("team-b"));
        String engine = engineSays(
                List.of(scope(Scope.GLOBAL, GLOBAL)),
                "team-a/build",
                found(),
                new GlobalPolicy(List.of("team-b")),
                "app-repo");

        WorkflowRun run = pipeline(teamA, "withBitbucketResource('app-repo') { echo 'never here' }");

        j.assertLogContains(engine, run);
    }
}
