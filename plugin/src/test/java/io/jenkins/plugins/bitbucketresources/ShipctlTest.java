package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.slaves.DumbSlave;
import hudson.slaves.WorkspaceList;
import hudson.tasks.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code shipctl} in a block and in a freestyle build: a Shippable-style script reads the resources through it, it is
 * first on the {@code PATH}, in a new directory beside the workspace only the build's user can reach, and that
 * directory is gone when the block ends, whether it succeeded, failed or was aborted.
 */
@WithJenkins
@EnabledOnOs({OS.LINUX, OS.MAC})
class ShipctlTest {

    private static final Pattern DIRECTORY =
            Pattern.compile("Bitbucket resources: shipctl is first on the PATH, from (.+)");

    private static final String SHIPPABLE_SCRIPT = "echo \"source: $(shipctl get_resource_env app-repo sourcename)\"\n"
            + "echo \"prefix: $(shipctl get_resource_name app-repo)\"\n"
            + "echo \"url: $(shipctl get_integration_resource_field app-repo url)\"\n"
            + "echo \"token: $(shipctl get_integration_resource_field app-repo token)\"\n"
            + "echo \"found at: $(command -v shipctl)\"\n";

    private JenkinsRule j;

    @BeforeEach
    void integrationAndResources(JenkinsRule j) throws Exception {
        this.j = j;
        Fixtures.addGlobally(Fixtures.cloudIntegration(CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"));
    }

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** A block with {@code shipctl} inside {@code node} on the built-in node, running {@code step}. */
    private WorkflowJob withShipctl(String name, String step) throws Exception {
        return pipeline(
                name,
                "node {\n" + "  withBitbucketResource(resources: ['app-repo'], shipctl: true) {\n" + "    " + step
                        + "\n  }\n" + "}");
    }

    /** A build of such a block, started and waiting inside the block. */
    private WorkflowRun waitingInside(String name) throws Exception {
        WorkflowRun run =
                withShipctl(name, "semaphore 'inside'").scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("inside/1", run);
        j.waitForMessage("Bitbucket resources: shipctl is first on the PATH, from", run);
        return run;
    }

    /** The directory the log says {@code shipctl} was put in. */
    private static Path directoryOf(Run<?, ?> run) throws Exception {
        Matcher matcher = DIRECTORY.matcher(JenkinsRule.getLog(run));
        assertTrue(matcher.find(), "the log names shipctl's directory");
        return Path.of(matcher.group(1).strip());
    }

    private void readsTheResourcesThroughShipctl(Run<?, ?> run, Path directory) throws Exception {
        j.assertLogContains("source: acme/app", run);
        j.assertLogContains("prefix: APPREPO", run);
        j.assertLogContains("url: https://api.bitbucket.org/2.0", run);
        j.assertLogContains("token: ****", run);
        j.assertLogContains("found at: " + directory.resolve("shipctl"), run);
        j.assertLogNotContains(TOKEN, run);
    }

    @Test
    void aShippableStyleScriptRunsInsideTheBlockOnAnAgent() throws Exception {
        DumbSlave agent = j.createOnlineSlave();
        WorkflowJob job = pipeline(
                "on-agent",
                "node('" + agent.getNodeName() + "') {\n"
                        + "  withBitbucketResource(resources: ['app-repo'], shipctl: true) {\n"
                        + "    sh '''" + SHIPPABLE_SCRIPT + "'''\n"
                        + "  }\n"
                        + "  sh 'command -v shipctl || echo \"after the block: no shipctl\"'\n"
                        + "}");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        Path directory = directoryOf(run);
        readsTheResourcesThroughShipctl(run, directory);
        j.assertLogContains("after the block: no shipctl", run);
        FilePath workspace = agent.getWorkspaceFor(job);
        assertEquals(Path.of(WorkspaceList.tempDir(workspace).getRemote()), directory.getParent());
        assertFalse(Files.exists(directory), directory + " is removed");
    }

    @Test
    void whileTheBlockRunsOnlyTheBuildsUserCanReachTheDirectory() throws Exception {
        WorkflowRun run = waitingInside("waiting");

        Path directory = directoryOf(run);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertEquals(
                "rwxr-xr-x",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("shipctl"))));
        assertEquals(List.of(directory.resolve("shipctl")), listed(directory));

        SemaphoreStep.success("inside/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(run));
        assertFalse(Files.exists(directory), directory + " is removed");
    }

    @Test
    void theDirectoryIsRemovedWhenTheBlockFails() throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(
                Result.FAILURE, withShipctl("failing", "sh 'shipctl get_resource_env app-repo commit'"));

        j.assertLogContains("script returned exit code 5", run);
        assertFalse(Files.exists(directoryOf(run)), "shipctl's directory is removed");
    }

    @Test
    void theDirectoryIsRemovedWhenTheBuildIsAborted() throws Exception {
        WorkflowRun run = waitingInside("aborted");
        Path directory = directoryOf(run);
        assertTrue(Files.isDirectory(directory));

        run.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
        assertFalse(Files.exists(directory), directory + " is removed");
    }

    @Test
    void outsideNodeTheBlockSaysItNeedsOne() throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(
                Result.FAILURE,
                pipeline(
                        "outside",
                        "withBitbucketResource(resources: ['app-repo'], shipctl: true) { echo 'never here' }"));

        j.assertLogContains(
                "shipctl was asked for, by the step or by a resource of the block, and it needs a workspace, but this"
                        + " block runs outside node: put withBitbucketResource inside node { … }, or turn shipctl off.",
                run);
        j.assertLogNotContains("never here", run);
        j.assertLogNotContains("Bitbucket resources: app-repo", run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void aResourceThatAsksForShipctlGetsItInEveryBlock() throws Exception {
        BitbucketResource asking = gitRepo("app-repo", "acme/app");
        asking.setShipctl(true);
        Fixtures.defineGlobally(asking);

        WorkflowRun run = j.buildAndAssertSuccess(pipeline(
                "resource",
                "node {\n" + "  withBitbucketResource('app-repo') {\n" + "    sh '''" + SHIPPABLE_SCRIPT + "'''\n"
                        + "  }\n" + "}"));

        readsTheResourcesThroughShipctl(run, directoryOf(run));
        assertFalse(Files.exists(directoryOf(run)));
    }

    @Test
    void aFreestyleBuildUsesItAndItIsRemovedAfterwards() throws Exception {
        BitbucketResource asking = gitRepo("app-repo", "acme/app");
        asking.setShipctl(true);
        Fixtures.defineGlobally(asking);
        FreeStyleProject project = j.createFreeStyleProject("freestyle");
        project.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of("app-repo")));
        project.getBuildersList().add(new Shell(SHIPPABLE_SCRIPT));
        project.getBuildersList().add(new Shell("shipctl get_resource_env app-repo commit"));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        Path directory = directoryOf(build);
        readsTheResourcesThroughShipctl(build, directory);
        assertEquals(Path.of(WorkspaceList.tempDir(build.getWorkspace()).getRemote()), directory.getParent());
        assertFalse(Files.exists(directory), directory + " is removed");
    }

    private static List<Path> listed(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.toList();
        }
    }
}
