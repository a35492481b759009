package io.jenkins.plugins.bitbucketresources;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.ExtensionList;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.FormValidation;
import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import java.net.HttpURLConnection;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * The token health monitor, fed by builds and <em>Test connection</em> against a loopback Bitbucket Cloud: what it
 * shows (an expired token, a missing scope, an app password, an {@code http://} URL), when it stops showing it (a
 * success, a dismissal, a new token), and to whom. Never the token.
 */
@WithJenkins
@ExtendWith(Users.SystemReadEnabled.class)
class TokenHealthTest {

    private static final String ID = "bitbucket-cloud";
    private static final String TOKEN = Fixtures.TOKEN;
    private static final String ADMIN = Users.ADMIN;
    private static final String SYSTEM_READER = Users.SYSTEM_READER;
    /** How the monitor starts what it says of a token Bitbucket refused. */
    private static final String REFUSED = "Bitbucket refused the token (HTTP 401)";
    /** What the monitor says to do, about the credential as saved, whoever learnt of the refusal. */
    private static final String RENEW = "Create a new token and store it in this credential";

    private JenkinsRule j;
    private ScriptedBitbucket bitbucket;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        bitbucket = ScriptedBitbucket.start();
        Users.signIn(j, Users.administratorAndSystemReader());
    }

    @AfterEach
    void tearDown() {
        bitbucket.close();
    }

    private BitbucketIntegrationCredentialsImpl loopbackIntegration(String id, String token) throws Exception {
        return bitbucket.cloudIntegration(id, "Loopback Bitbucket", token);
    }

    /** A global resource whose builds ask Bitbucket for the head of {@code main}: one request each. */
    private static BitbucketResource resourceWithCommit(String credentialsId) {
        BitbucketResource resource = Fixtures.resource("app-repo", "gitRepo", credentialsId, "acme/app");
        resource.setBranch("main");
        resource.setResolveCommit(true);
        return resource;
    }

    /** The integration {@value #ID} on the loopback Bitbucket, and a global resource whose builds ask for a commit. */
    private void integrationAndResource() throws Exception {
        Fixtures.addGlobally(loopbackIntegration(ID, TOKEN));
        Fixtures.defineGlobally(resourceWithCommit(ID));
    }

    /** A build that asks Bitbucket for a commit with a token Bitbucket says has expired, and fails. */
    private void aBuildMeetsAnExpiredToken() throws Exception {
        integrationAndResource();
        bitbucket.json(ScriptedBitbucket.cloudBranchPath(), 401, ScriptedBitbucket.cloudError("Access token expired."));
        build(Result.FAILURE);
    }

    private FreeStyleBuild build(Result expected) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of("app-repo")));
        return j.buildAndAssertStatus(expected, project);
    }

    private static TokenHealthMonitor monitor() {
        return ExtensionList.lookupSingleton(TokenHealthMonitor.class);
    }

    private static List<TokenHealthMonitor.Shown> shown() {
        return Users.asSystem(monitor()::getShown);
    }

    private static String messagesOf(TokenHealthMonitor.Shown shown) {
        return String.join("\n", shown.getMessages());
    }

    private String managePageAs(String user) throws Exception {
        return j.createWebClient().login(user).goTo("manage").getWebResponse().getContentAsString();
    }

    @Test
    void nothingIsShownWhileEveryTokenWorks() throws Exception {
        integrationAndResource();
        bitbucket.json(ScriptedBitbucket.cloudBranchPath(), 200, ScriptedBitbucket.cloudBranch());

        build(Result.SUCCESS);

        assertFalse(monitor().isActivated());
        assertThat(shown(), empty());
        assertEquals(1, bitbucket.requests());
    }

    @Test
    void anExpiredTokenABuildMetIsShownWithWhatToDoAndNoExtraRequest() throws Exception {
        aBuildMeetsAnExpiredToken();

        assertTrue(monitor().isActivated());
        List<TokenHealthMonitor.Shown> shown = shown();
        assertThat(shown, hasSize(1));
        assertEquals(ID, shown.get(0).getCredentialId());
        assertEquals("system", shown.get(0).getStore());
        assertTrue(shown.get(0).isSevere());
        assertThat(messagesOf(shown.get(0)), containsString("HTTP 401"));
        assertThat(messagesOf(shown.get(0)), containsString(RENEW));
        assertThat(messagesOf(shown.get(0)), not(containsString(TOKEN)));
        assertEquals(1, bitbucket.requests(), "what the build learnt cost no request of its own");

        String page = managePageAs(ADMIN);
        assertThat(page, containsString(REFUSED));
        assertThat(page, containsString(ID));
        assertThat(page, not(containsString(TOKEN)));
    }

    @Test
    void aMissingScopeNamesTheScopeBitbucketAsksFor() throws Exception {
        integrationAndResource();
        bitbucket.json(
                ScriptedBitbucket.cloudBranchPath(),
                403,
                ScriptedBitbucket.cloudScopeError("read:repository:bitbucket", "read:pullrequest:bitbucket"));

        build(Result.FAILURE);

        List<TokenHealthMonitor.Shown> shown = shown();
        assertThat(shown, hasSize(1));
        assertThat(messagesOf(shown.get(0)), containsString("the scope read:repository:bitbucket (HTTP 403)"));
        assertThat(messagesOf(shown.get(0)), not(containsString(TOKEN)));
    }

    @Test
    void aSuccessAfterARefusalClearsTheMonitor() throws Exception {
        aBuildMeetsAnExpiredToken();
        assertTrue(monitor().isActivated());

        bitbucket.json(ScriptedBitbucket.cloudBranchPath(), 200, ScriptedBitbucket.cloudBranch());
        build(Result.SUCCESS);

        assertFalse(monitor().isActivated());
        assertThat(managePageAs(ADMIN), not(containsString(REFUSED)));
    }

    @Test
    void anAppPasswordSavedBeforeTheyWereRefusedIsShownWithoutAnyRequest() throws Exception {
        // The form refuses app passwords, so one can only be left from before: read back as a store reads it.
        String saved = Jenkins.XSTREAM2
                .toXML(Fixtures.cloudIntegration("old-app-password", TOKEN))
                .replaceAll("<token>[^<]*</token>", "<token>ATBBsomeOldAppPassword123</token>");
        Fixtures.addGlobally((BitbucketIntegrationCredentialsImpl) Jenkins.XSTREAM2.fromXML(saved));

        List<TokenHealthMonitor.Shown> shown = shown();

        assertThat(shown, hasSize(1));
        assertEquals("old-app-password", shown.get(0).getCredentialId());
        assertThat(messagesOf(shown.get(0)), containsString("app password"));
        assertThat(messagesOf(shown.get(0)), containsString("2026-07-28"));
        assertThat(messagesOf(shown.get(0)), not(containsString("ATBBsomeOldAppPassword123")));
        assertEquals(0, bitbucket.requests());
        assertThat(managePageAs(ADMIN), not(containsString("ATBBsomeOldAppPassword123")));
    }

    @Test
    void anHttpUrlToAnotherMachineIsShownAndALoopbackOneIsNot() throws Exception {
        Fixtures.addGlobally(loopbackIntegration("loopback", TOKEN));
        Fixtures.addGlobally(Fixtures.plainHttpIntegration());

        List<TokenHealthMonitor.Shown> shown = shown();

        assertThat(shown.stream().map(TokenHealthMonitor.Shown::getCredentialId).toList(), contains("plain-http"));
        assertThat(messagesOf(shown.get(0)), containsString("http://bitbucket.example.com"));
        assertThat(messagesOf(shown.get(0)), containsString("https://"));
        assertFalse(shown.get(0).isSevere());
    }

    @Test
    void aFolderCredentialIsNamedWithItsFolder() throws Exception {
        Folder folder = Fixtures.folder(j, "team-a");
        Fixtures.addToFolder(folder, loopbackIntegration("team-integration", TOKEN));
        Fixtures.defineOn(folder, resourceWithCommit("team-integration"));
        bitbucket.json(ScriptedBitbucket.cloudBranchPath(), 401, ScriptedBitbucket.cloudError("Access token expired."));
        FreeStyleProject project = folder.createProject(FreeStyleProject.class, "build");
        project.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of("app-repo")));

        j.buildAndAssertStatus(Result.FAILURE, project);

        List<TokenHealthMonitor.Shown> shown = shown();
        assertThat(shown, hasSize(1));
        assertEquals("team-integration", shown.get(0).getCredentialId());
        assertEquals("folder team-a", shown.get(0).getStore());
    }

    @Test
    void aDismissedCredentialStaysHiddenUntilItsStateChanges() throws Exception {
        aBuildMeetsAnExpiredToken();

        JenkinsRule.WebClient admin = j.createWebClient().login(ADMIN);
        HtmlPage manage = admin.goTo("manage");
        HtmlForm dismiss = (HtmlForm) manage.querySelector("#bitbucket-token-health form");
        j.submit(dismiss, "dismiss");

        assertFalse(monitor().isActivated());
        assertThat(managePageAs(ADMIN), not(containsString(REFUSED)));

        build(Result.FAILURE);
        assertFalse(monitor().isActivated(), "the same refusal again is the same state");

        bitbucket.json(
                ScriptedBitbucket.cloudBranchPath(),
                403,
                ScriptedBitbucket.cloudScopeError("read:repository:bitbucket", "read:pullrequest:bitbucket"));
        build(Result.FAILURE);

        assertTrue(monitor().isActivated());
        assertThat(messagesOf(shown().get(0)), containsString("read:repository:bitbucket"));
    }

    @Test
    void aDismissalOfAStateNoLongerShownDoesNothing() throws Exception {
        aBuildMeetsAnExpiredToken();
        String seen = shown().get(0).getSignature();
        bitbucket.json(
                ScriptedBitbucket.cloudBranchPath(),
                403,
                ScriptedBitbucket.cloudScopeError("read:repository:bitbucket", "read:pullrequest:bitbucket"));
        build(Result.FAILURE);

        assertFalse(Users.asSystem(() -> TokenHealth.get().dismiss(new CredentialKey(ID, "system"), seen)));

        assertTrue(monitor().isActivated());
    }

    @Test
    void onlyAdministratorsSeeTheMonitorOrMayDismissIt() throws Exception {
        aBuildMeetsAnExpiredToken();

        assertThat(managePageAs(ADMIN), containsString(REFUSED));
        assertThat(managePageAs(SYSTEM_READER), not(containsString(REFUSED)));
        JenkinsRule.WebClient reader =
                j.createWebClient().login(SYSTEM_READER).withThrowExceptionOnFailingStatusCode(false);
        assertEquals(
                HttpURLConnection.HTTP_FORBIDDEN,
                reader.goTo("administrativeMonitor/bitbucket-token-health/")
                        .getWebResponse()
                        .getStatusCode());
        String signature = shown().get(0).getSignature();
        Users.as(
                SYSTEM_READER,
                () -> assertThrows(AccessDeniedException.class, () -> monitor().doDismiss(ID, "system", signature)));
        assertTrue(monitor().isActivated());
    }

    @Test
    void testConnectionOfTheSavedCredentialIsRecordedAndATypedTokenIsNot() throws Exception {
        Fixtures.addGlobally(loopbackIntegration(ID, TOKEN));
        // Cloud refuses access tokens at the user profile, so Test connection goes on to the repository.
        bitbucket.json("/2.0/user", 401, ScriptedBitbucket.cloudError("Token is not supported for this endpoint."));
        bitbucket.json("/2.0/repositories/acme/app", 401, ScriptedBitbucket.cloudError("Access token expired."));
        BitbucketIntegrationCredentialsImpl.DescriptorImpl descriptor =
                ExtensionList.lookupSingleton(BitbucketIntegrationCredentialsImpl.DescriptorImpl.class);

        FormValidation typed = Users.asSystem(() -> descriptor.doTestConnection(
                j.jenkins,
                bitbucket.cloudUrl(),
                "ATCTT3xFfGN0AnotherTokenValue98765",
                "",
                "cloud",
                "accessToken",
                "acme/app",
                ID));
        assertThat(shown(), empty());
        FormValidation saved = Users.asSystem(() -> descriptor.doTestConnection(
                j.jenkins, bitbucket.cloudUrl(), TOKEN, "", "cloud", "accessToken", "acme/app", ID));

        assertEquals(FormValidation.Kind.ERROR, typed.kind);
        assertEquals(FormValidation.Kind.ERROR, saved.kind);
        List<TokenHealthMonitor.Shown> shown = shown();
        assertThat(shown, hasSize(1));
        assertThat(messagesOf(shown.get(0)), containsString(REFUSED));
        assertThat(messagesOf(shown.get(0)), containsString(RENEW));
        assertThat(
                "the monitor speaks of the saved credential, not in the form's words",
                messagesOf(shown.get(0)),
                not(anyOf(containsString("enter it here"), containsString("this token"))));
        assertThat(saved.renderHtml(), containsString("this token"));
        assertThat(messagesOf(shown.get(0)), not(containsString(TOKEN)));
    }

    @Test
    void savingTheCredentialWithANewTokenForgetsWhatWasLearntAndAnotherDescriptionDoesNot() throws Exception {
        BitbucketIntegrationCredentialsImpl original = loopbackIntegration(ID, TOKEN);
        Fixtures.addGlobally(original);
        Fixtures.defineGlobally(resourceWithCommit(ID));
        bitbucket.json(ScriptedBitbucket.cloudBranchPath(), 401, ScriptedBitbucket.cloudError("Access token expired."));
        build(Result.FAILURE);
        CredentialsStore store = Fixtures.storeOf(j.jenkins);

        BitbucketIntegrationCredentialsImpl described = bitbucket.cloudIntegration(ID, "Described anew", TOKEN);
        store.updateCredentials(Domain.global(), original, described);
        assertTrue(monitor().isActivated(), "the same token is still refused");

        store.updateCredentials(
                Domain.global(), described, loopbackIntegration(ID, "ATCTT3xFfGN0TheNewTokenValue24680"));
        assertFalse(monitor().isActivated(), "nothing is known yet of the new token");
    }

    @Test
    void deletingTheCredentialForgetsIt() throws Exception {
        BitbucketIntegrationCredentialsImpl integration = loopbackIntegration(ID, TOKEN);
        Fixtures.addGlobally(integration);
        Fixtures.defineGlobally(resourceWithCommit(ID));
        bitbucket.json(ScriptedBitbucket.cloudBranchPath(), 401, ScriptedBitbucket.cloudError("Access token expired."));
        build(Result.FAILURE);

        Fixtures.storeOf(j.jenkins).removeCredentials(Domain.global(), integration);

        assertFalse(monitor().isActivated());
        assertThat(
                TokenHealth.get().record().known().stream()
                        .filter(key -> key.credentialId().equals(ID))
                        .toList(),
                empty());
    }
}
