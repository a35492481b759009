package io.jenkins.plugins.bitbucketresources;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.ExtensionList;
import hudson.model.FreeStyleProject;
import hudson.model.TaskListener;
import hudson.util.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The periodic token check against a loopback Bitbucket, driven directly (no waiting): off by default, at most one
 * request per integration per interval with builds' requests counted, findings shown by the monitor, a rate limit
 * not retried, and Data Center's expiry date asked once per token.
 */
@WithJenkins
class TokenHealthCheckTest {

    private static final String TOKEN = Fixtures.TOKEN;
    private static final String DC_TOKEN_ID = "123456789012";
    private static final String DC_TOKEN = "BBDC-"
            + Base64.getEncoder()
                    .encodeToString((DC_TOKEN_ID + ":PluginTestSecretValue").getBytes(StandardCharsets.US_ASCII));
    private static final String DC_REPOSITORY = "/rest/api/1.0/projects/PROJ/repos/app";
    private static final String DC_TOKEN_DETAILS = "/rest/access-tokens/latest/projects/PROJ/repos/app/" + DC_TOKEN_ID;

    private JenkinsRule j;
    private ScriptedBitbucket bitbucket;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        bitbucket = ScriptedBitbucket.start();
    }

    @AfterEach
    void stop() {
        bitbucket.close();
    }

    private BitbucketIntegrationCredentialsImpl cloud(String id, String token) throws Exception {
        return bitbucket.cloudIntegration(id, null, token);
    }

    private BitbucketIntegrationCredentialsImpl dataCenter(String id) throws Exception {
        return new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL,
                id,
                null,
                bitbucket.serverUrl(),
                Secret.fromString(DC_TOKEN),
                null,
                "datacenter",
                "projectHttpToken");
    }

    private static int checkDue() {
        return ExtensionList.lookupSingleton(TokenHealthCheck.class).checkDue(TaskListener.NULL);
    }

    private static void turnOn() {
        TokenHealthConfiguration.get().setPeriodicCheck(true);
    }

    private static List<TokenHealthMonitor.Shown> shown() {
        return Users.asSystem(ExtensionList.lookupSingleton(TokenHealthMonitor.class)::getShown);
    }

    private static String cloudRepositoryPath(String slug) {
        return "/2.0/repositories/acme/" + slug;
    }

    /** A Data Center integration a resource uses, whose token expires then; the periodic check on. */
    private void aDataCenterTokenExpiringAt(Instant expiry) throws Exception {
        Fixtures.addGlobally(dataCenter("bitbucket-dc"));
        Fixtures.defineGlobally(Fixtures.resource("app-repo", "gitRepo", "bitbucket-dc", "PROJ/app"));
        bitbucket.json(DC_REPOSITORY, 200, dataCenterRepository(), Map.of("X-AUSERNAME", "project-bot"));
        bitbucket.json(DC_TOKEN_DETAILS, 200, dataCenterDetails(expiry));
        turnOn();
    }

    private static String dataCenterDetails(Instant expiry) {
        return "{\"id\":\"" + DC_TOKEN_ID + "\",\"name\":\"jenkins\",\"createdDate\":"
                + expiry.minus(Duration.ofDays(90)).toEpochMilli() + ",\"expiryDays\":90,\"expiryDate\":"
                + expiry.toEpochMilli() + ",\"permissions\":[\"REPO_READ\"]}";
    }

    private static String dataCenterRepository() {
        return "{\"slug\":\"app\",\"name\":\"app\",\"project\":{\"key\":\"PROJ\"}}";
    }

    @Test
    void theCheckIsOffByDefaultAndAsksNothing() throws Exception {
        Fixtures.addGlobally(cloud("bitbucket-cloud", TOKEN));
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));

        assertFalse(TokenHealthConfiguration.get().isPeriodicCheck());
        assertEquals(0, checkDue());
        assertEquals(0, bitbucket.requests());
    }

    @Test
    void eachIntegrationResourcesUseIsAskedAtMostOncePerInterval() throws Exception {
        Fixtures.addGlobally(cloud("bitbucket-cloud", TOKEN));
        Fixtures.addGlobally(cloud("other-integration", "ATCTT3xFfGN0OtherTokenValue13579"));
        Fixtures.addGlobally(cloud("unused-integration", "ATCTT3xFfGN0UnusedTokenValue97531"));
        Folder folder = Fixtures.folder(j, "team-a");
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"), Fixtures.gitRepo("tools", "acme/tools"));
        Fixtures.defineOn(
                folder,
                Fixtures.resource("other", "gitRepo", "other-integration", "acme/other"),
                Fixtures.gitRepo("app-repo", "acme/app"));
        for (String slug : List.of("app", "tools", "other")) {
            bitbucket.json(cloudRepositoryPath(slug), 200, ScriptedBitbucket.CLOUD_REPOSITORY);
        }
        turnOn();

        checkDue();
        checkDue();

        assertEquals(2, bitbucket.requests(), "one request for each integration a resource uses, none for the unused");
        assertEquals(1, bitbucket.requests(cloudRepositoryPath("app")));
        assertEquals(1, bitbucket.requests(cloudRepositoryPath("other")));
        assertThat(shown(), empty());
    }

    @Test
    void anIntegrationNoResourceUsesIsCheckedOnTheRepositoryItKeepsToTestWith() throws Exception {
        BitbucketIntegrationCredentialsImpl kept = cloud("kept-for-tests", TOKEN);
        kept.setTestRepository("acme/tested");
        Fixtures.addGlobally(kept);
        Fixtures.addGlobally(cloud("unused-integration", "ATCTT3xFfGN0UnusedTokenValue97531"));
        bitbucket.json(cloudRepositoryPath("tested"), 401, ScriptedBitbucket.cloudError("Access token expired."));
        turnOn();

        checkDue();
        checkDue();

        assertEquals(1, bitbucket.requests(), "one request, for the integration that keeps a repository to test with");
        assertEquals(1, bitbucket.requests(cloudRepositoryPath("tested")));
        List<TokenHealthMonitor.Shown> shown = shown();
        assertThat(shown, hasSize(1));
        assertEquals("kept-for-tests", shown.get(0).getCredentialId());
    }

    @Test
    void aResourcesRepositoryGoesBeforeTheOneKeptToTestWith() throws Exception {
        BitbucketIntegrationCredentialsImpl integration = cloud("bitbucket-cloud", TOKEN);
        integration.setTestRepository("acme/tested");
        Fixtures.addGlobally(integration);
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));
        bitbucket.json(cloudRepositoryPath("app"), 200, ScriptedBitbucket.CLOUD_REPOSITORY);
        turnOn();

        checkDue();

        assertEquals(1, bitbucket.requests());
        assertEquals(1, bitbucket.requests(cloudRepositoryPath("app")));
    }

    @Test
    void aBuildsRequestCountsAsTheIntegrationsRequestForTheInterval() throws Exception {
        Fixtures.addGlobally(cloud("bitbucket-cloud", TOKEN));
        BitbucketResource resource = Fixtures.gitRepo("app-repo", "acme/app");
        resource.setBranch("main");
        resource.setResolveCommit(true);
        Fixtures.defineGlobally(resource);
        bitbucket.json(ScriptedBitbucket.cloudBranchPath(), 200, ScriptedBitbucket.cloudBranch());
        bitbucket.json(cloudRepositoryPath("app"), 200, ScriptedBitbucket.CLOUD_REPOSITORY);
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of("app-repo")));
        j.buildAndAssertSuccess(project);
        turnOn();

        checkDue();

        assertEquals(1, bitbucket.requests());
        assertEquals(0, bitbucket.requests(cloudRepositoryPath("app")));
    }

    @Test
    void aRefusedTokenTheCheckFindsIsShown() throws Exception {
        Fixtures.addGlobally(cloud("bitbucket-cloud", TOKEN));
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));
        bitbucket.json(cloudRepositoryPath("app"), 401, ScriptedBitbucket.cloudError("Access token expired."));
        turnOn();

        checkDue();

        List<TokenHealthMonitor.Shown> shown = shown();
        assertThat(shown, hasSize(1));
        assertEquals("bitbucket-cloud", shown.get(0).getCredentialId());
        assertThat(
                String.join("\n", shown.get(0).getMessages()),
                containsString("Bitbucket refused the token (HTTP 401)"));
        assertThat(
                String.join("\n", shown.get(0).getMessages()),
                containsString("Create a new token and store it in this credential"));
        assertEquals(1, bitbucket.requests());
    }

    @Test
    void aRateLimitIsNeitherRetriedNorTakenForATokenProblem() throws Exception {
        Fixtures.addGlobally(cloud("bitbucket-cloud", TOKEN));
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));
        bitbucket.text(
                cloudRepositoryPath("app"),
                429,
                "Rate limit for this resource has been exceeded",
                Map.of("Retry-After", "3600"));
        turnOn();

        checkDue();
        checkDue();

        assertEquals(1, bitbucket.requests());
        assertThat(shown(), empty());
    }

    @Test
    void aDataCenterTokensExpiryIsAskedOnceAndShownBeforeTheDate() throws Exception {
        aDataCenterTokenExpiringAt(Instant.now().plus(Duration.ofDays(5)));

        checkDue();
        checkDue();

        assertEquals(1, bitbucket.requests(DC_REPOSITORY));
        assertEquals(1, bitbucket.requests(DC_TOKEN_DETAILS), "an expiry date cannot change: it is asked once");
        List<TokenHealthMonitor.Shown> shown = shown();
        assertThat(shown, hasSize(1));
        assertFalse(shown.get(0).isSevere());
        assertThat(String.join("\n", shown.get(0).getMessages()), containsString("The token expires on"));
    }

    @Test
    void anExpiredDataCenterTokenIsShownAsExpired() throws Exception {
        aDataCenterTokenExpiringAt(Instant.now().minus(Duration.ofDays(1)));

        checkDue();

        List<TokenHealthMonitor.Shown> shown = shown();
        assertThat(shown, hasSize(1));
        assertTrue(shown.get(0).isSevere());
        assertThat(String.join("\n", shown.get(0).getMessages()), containsString("The token expired on"));
    }

    @Test
    void aTokenFarFromItsExpiryIsNotShown() throws Exception {
        aDataCenterTokenExpiringAt(Instant.now().plus(Duration.ofDays(60)));

        checkDue();

        assertEquals(1, bitbucket.requests(DC_TOKEN_DETAILS));
        assertThat(shown(), empty());
        TokenHealthConfiguration.get().setExpiryWarningDays(90);
        assertThat(shown(), hasSize(1));
    }
}
