package io.jenkins.plugins.bitbucketresources;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Run;
import hudson.tasks.Shell;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.testing.GitHttpServer;
import io.jenkins.plugins.bitbucketresources.core.testing.Leaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The real git client inside a block, against a Git smart-HTTP server on loopback that checks credentials as Bitbucket
 * does: a Cloud access token (Basic, user {@code x-token-auth}) and a Data Center project token (Bearer only). The
 * integrations point at the loopback server with an explicit platform, so that the resources' clone URLs do too.
 * {@code git clone "$APPREPO_HTTPS_URL"} and {@code git push} work unchanged; the token is masked in the log and in no
 * file of the build or of the workspace.
 */
@WithJenkins
@EnabledOnOs({OS.LINUX, OS.MAC})
class GitInsideTheBlockTest {

    private static final String CLOUD_TOKEN = Fixtures.TOKEN;
    private static final String PROJECT_TOKEN = "BBDC-ProjectTokenForLoopbackGit0123456789";

    /** git with a home of its own in the workspace, no system configuration, an identity and no prompt. */
    private static final String GIT_ENVIRONMENT = "export HOME=\"$PWD/home\" GIT_CONFIG_NOSYSTEM=1"
            + " GIT_TERMINAL_PROMPT=0 LC_ALL=C GIT_AUTHOR_NAME=Builder GIT_AUTHOR_EMAIL=builder@example.com"
            + " GIT_COMMITTER_NAME=Builder GIT_COMMITTER_EMAIL=builder@example.com\n";

    private static final String CLONE_CHANGE_AND_PUSH = "set -e\n"
            + GIT_ENVIRONMENT
            + "rm -rf app infra\n"
            + "git clone -q \"$APPREPO_HTTPS_URL\" app\n"
            + "git clone -q \"$INFRA_HTTPS_URL\" infra\n"
            + "cd infra\n"
            + "echo built > BUILD-INFO\n"
            + "git add BUILD-INFO\n"
            + "git commit -q -m build\n"
            + "git push -q origin HEAD:main\n"
            + "echo \"pushed $(git rev-parse HEAD)\"\n"
            + "git ls-remote \"$APPREPO_HTTPS_URL\" main\n";

    @TempDir
    Path temp;

    private JenkinsRule j;
    private GitHttpServer server;

    @BeforeEach
    void loopbackBitbucket(JenkinsRule j) throws Exception {
        this.j = j;
        server = GitHttpServer.start(temp.resolve("server"));
        server.createRepository("acme/app.git", new GitHttpServer.Access.Basic("x-token-auth", CLOUD_TOKEN));
        server.createRepository("scm/proj/infra.git", new GitHttpServer.Access.Bearer(PROJECT_TOKEN));
        Fixtures.addGlobally(new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL,
                "cloud-loopback",
                "",
                server.baseUrl() + "/2.0",
                Secret.fromString(CLOUD_TOKEN),
                "",
                "cloud",
                "accessToken"));
        Fixtures.addGlobally(new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL,
                "dc-loopback",
                "",
                server.baseUrl(),
                Secret.fromString(PROJECT_TOKEN),
                "",
                "datacenter",
                "projectHttpToken"));
        Fixtures.defineGlobally(
                Fixtures.resource("app-repo", "gitRepo", "cloud-loopback", "acme/app"),
                Fixtures.resource("infra", "gitRepo", "dc-loopback", "PROJ/infra"));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Every form of both tokens a leak could take: literal, base64, and Basic credentials. */
    private static List<String> leakForms() {
        List<String> forms = new ArrayList<>(Fixtures.formsOf(CLOUD_TOKEN));
        forms.addAll(Fixtures.formsOf(PROJECT_TOKEN));
        forms.addAll(Leaks.formsOf(CLOUD_TOKEN, "x-token-auth"));
        forms.addAll(Leaks.formsOf(PROJECT_TOKEN));
        return forms;
    }

    /** A Pipeline job running {@code steps} in a block of {@code resources} on the built-in node. */
    private WorkflowJob inBlock(String name, String resources, String steps) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(
                "node {\n  withBitbucketResource(" + resources + ") {\n" + steps + "  }\n}", true));
        return job;
    }

    private void pushedAndAuthenticatedAsBitbucketAsks(Run<?, ?> run) throws Exception {
        j.assertLogContains("pushed " + server.head("scm/proj/infra.git", "main"), run);
        j.assertLogContains(server.head("acme/app.git", "main") + "\trefs/heads/main", run);
        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("x-token-auth:" + CLOUD_TOKEN).getBytes(StandardCharsets.UTF_8));
        List<Optional<String>> app = server.requestsTo("acme/app.git").stream()
                .filter(r -> r.status() == 200)
                .map(GitHttpServer.Request::authorization)
                .toList();
        List<Optional<String>> infra = server.requestsTo("scm/proj/infra.git").stream()
                .filter(r -> r.status() == 200)
                .map(GitHttpServer.Request::authorization)
                .toList();
        assertFalse(app.isEmpty());
        assertFalse(infra.isEmpty());
        assertThat(app, everyItem(equalTo(Optional.of(basic))));
        assertThat(infra, everyItem(equalTo(Optional.of("Bearer " + PROJECT_TOKEN))));
    }

    /** Neither the log, nor a file of the build, nor a file of the workspace (the clones' .git included) has a token. */
    private void keepsNoToken(Run<?, ?> run, Path workspace) throws Exception {
        j.assertLogNotContains(CLOUD_TOKEN, run);
        j.assertLogNotContains(PROJECT_TOKEN, run);
        assertThat(Fixtures.filesContainingAny(run.getRootDir().toPath(), leakForms()), empty());
        assertThat(Leaks.fileCount(workspace.resolve("infra").resolve(".git")) > 10, is(true));
        assertThat(Leaks.inFiles(workspace, leakForms()), empty());
        String config =
                Files.readString(workspace.resolve("app").resolve(".git").resolve("config"));
        assertThat(config, containsString(server.url("acme/app.git")));
        assertThat(config, not(containsString("x-token-auth")));
    }

    @Test
    void aPipelineBlockClonesAndPushesWithBothKindsOfToken() throws Exception {
        WorkflowJob job = inBlock(
                "pipeline",
                "['app-repo', 'infra']",
                "    sh '''" + CLONE_CHANGE_AND_PUSH + "'''\n"
                        + "    sh '''printenv GIT_CONFIG_PARAMETERS | grep -o \"Authorization: Bearer [^']*\"'''\n");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        pushedAndAuthenticatedAsBitbucketAsks(run);
        j.assertLogContains(
                "Bitbucket resources: git over HTTPS authenticates to app-repo: " + server.url("acme/app.git")
                        + " as x-token-auth; infra: " + server.url("scm/proj/infra.git") + " with a Bearer header",
                run);
        j.assertLogContains("Authorization: Bearer ****", run);
        keepsNoToken(run, Path.of(j.jenkins.getWorkspaceFor(job).getRemote()));
    }

    @Test
    void theVariableHoldingTheBearerHeaderIsSensitive() throws Exception {
        WorkflowRun run = j.buildAndAssertSuccess(
                inBlock("interpolating", "'infra'", "    echo \"git: ${env.GIT_CONFIG_PARAMETERS}\"\n"));

        j.assertLogContains("A secret was passed to \"echo\" using Groovy String interpolation", run);
        j.assertLogContains("GIT_CONFIG_PARAMETERS", run);
        j.assertLogNotContains(PROJECT_TOKEN, run);
    }

    @Test
    void aFreestyleBuildClonesAndPushesToo() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("freestyle");
        project.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of("app-repo", "infra")));
        project.getBuildersList().add(new Shell(CLONE_CHANGE_AND_PUSH));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        pushedAndAuthenticatedAsBitbucketAsks(build);
        assertEquals(true, build.getSensitiveBuildVariables().contains("GIT_CONFIG_PARAMETERS"));
        keepsNoToken(build, Path.of(build.getWorkspace().getRemote()));
    }

    @Test
    void withGitAuthenticationOffGitGetsNothingFromTheBlock() throws Exception {
        BitbucketResource off = Fixtures.resource("app-repo", "gitRepo", "cloud-loopback", "acme/app");
        off.setGitAuth(false);
        Fixtures.defineGlobally(off);
        WorkflowRun run = j.buildAndAssertSuccess(inBlock(
                "off",
                "'app-repo'",
                "    sh '''" + GIT_ENVIRONMENT + "git clone -q \"$APPREPO_HTTPS_URL\" app || echo \"refused: $?\"\n"
                        + "echo \"git configuration: ${GIT_CONFIG_PARAMETERS:-none}\"'''\n"));

        j.assertLogContains("refused: 128", run);
        j.assertLogContains("git configuration: none", run);
        j.assertLogNotContains("git over HTTPS authenticates", run);
        assertThat(
                server.requestsTo("acme/app.git").stream()
                        .map(GitHttpServer.Request::authorization)
                        .toList(),
                everyItem(equalTo(Optional.<String>empty())));
    }
}
