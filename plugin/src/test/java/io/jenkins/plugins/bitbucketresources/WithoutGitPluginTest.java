package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertNull;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.RealJenkinsExtension;

/**
 * The Git plugin is an optional dependency: in a controller without it, blocks and freestyle builds work, and a
 * {@code ciRepo} simply has no checked-out commit. (With it, {@code WithBitbucketResourceStepTest} shows a
 * {@code ciRepo} taking the commit of the checkout.)
 *
 * <p>This runs a real controller, whose plugins each have their own class loader as in production: there, a class of
 * this plugin that touched the Git plugin's classes would fail when a build used it.
 */
class WithoutGitPluginTest {

    @RegisterExtension
    private final RealJenkinsExtension controller = new RealJenkinsExtension().omitPlugins("git");

    @Test
    void blocksAndFreestyleBuildsWorkWithoutTheGitPlugin() throws Throwable {
        controller.then(WithoutGitPluginTest::blockAndFreestyleBuild);
    }

    private static void blockAndFreestyleBuild(JenkinsRule j) throws Throwable {
        assertNull(Jenkins.get().getPluginManager().getPlugin("git"), "the Git plugin is not installed");
        Fixtures.addGlobally(Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(
                Fixtures.gitRepo("app-repo", "acme/app"),
                Fixtures.resource("ci-repo", "ciRepo", CREDENTIALS_ID, "acme/app"));

        WorkflowJob pipeline = j.createProject(WorkflowJob.class, "pipeline");
        pipeline.setDefinition(new CpsFlowDefinition(
                "withBitbucketResource(['app-repo', 'ci-repo']) {\n"
                        + "  echo \"block: ${env.APPREPO_SOURCENAME}, commit: ${env.CIREPO_COMMIT}\"\n"
                        + "}",
                true));
        WorkflowRun block = j.buildAndAssertSuccess(pipeline);
        j.assertLogContains("block: acme/app, commit: null", block);
        j.assertLogNotContains("NoClassDefFoundError", block);

        FreeStyleProject freestyle = j.createFreeStyleProject("freestyle");
        freestyle.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of("app-repo", "ci-repo")));
        FreeStyleBuild build = j.buildAndAssertSuccess(freestyle);
        j.assertLogContains("Bitbucket resources: app-repo (global) via bitbucket-cloud", build);
        j.assertLogNotContains("NoClassDefFoundError", build);
        j.assertLogNotContains(TOKEN, build);
    }
}
