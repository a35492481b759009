package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.addGlobally;
import static io.jenkins.plugins.bitbucketresources.Fixtures.cloudIntegration;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.sun.net.httpserver.HttpServer;
import hudson.ProxyConfiguration;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.model.ApiUrl;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Platform;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.TokenKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
import org.jenkins.ui.symbol.Symbol;
import org.jenkins.ui.symbol.SymbolRequest;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class BitbucketIntegrationCredentialsTest {

    @Test
    void theEngineMakesTheIntegrationWithCloudDefaults(JenkinsRule j) throws Exception {
        Integration integration =
                cloudIntegration(CREDENTIALS_ID, TOKEN).toIntegration().orElseThrow();

        assertEquals(CREDENTIALS_ID, integration.id());
        assertEquals(ApiUrl.CLOUD_API, integration.url().value());
        assertEquals(Platform.CLOUD, integration.platform());
        assertEquals(TokenKind.CLOUD_ACCESS_TOKEN, integration.kind());
        assertEquals(TOKEN, integration.token().reveal());
    }

    @Test
    void dataCenterPersonalTokenKeepsItsUrlAndUsername(JenkinsRule j) throws Exception {
        BitbucketIntegrationCredentialsImpl credentials = new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL,
                "dc",
                null,
                "https://git.example.com/bitbucket",
                Secret.fromString("BBDC-dc-token-value"),
                "builder",
                null,
                null);

        Integration integration = credentials.toIntegration().orElseThrow();

        assertEquals(Platform.DATA_CENTER, integration.platform());
        assertEquals(TokenKind.DATA_CENTER_PERSONAL_TOKEN, integration.kind());
        assertEquals("builder", integration.username().orElseThrow());
    }

    @Test
    void theSecretTextIsTheToken(JenkinsRule j) throws Exception {
        StringCredentials credentials = cloudIntegration(CREDENTIALS_ID, TOKEN);

        assertEquals(TOKEN, credentials.getSecret().getPlainText());
    }

    @Test
    void anAppPasswordIsRefusedWithWhatToUseInstead(JenkinsRule j) {
        Descriptor.FormException refused = assertThrows(
                Descriptor.FormException.class, () -> cloudIntegration(CREDENTIALS_ID, "ATBBsomeOldAppPassword123"));

        assertEquals("token", refused.getFormField());
        assertThat(refused.getMessage(), containsString("app passwords were removed"));
        assertThat(refused.getMessage(), not(containsString("ATBBsomeOldAppPassword123")));
    }

    @Test
    void anApiTokenNeedsTheAccountEmail(JenkinsRule j) {
        Descriptor.FormException refused = assertThrows(
                Descriptor.FormException.class,
                () -> new BitbucketIntegrationCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        "api",
                        null,
                        null,
                        Secret.fromString("ATATT3xFfGF0apiTokenValue"),
                        null,
                        null,
                        null));

        assertEquals("username", refused.getFormField());
        assertThat(refused.getMessage(), containsString("e-mail"));
    }

    @Test
    void anEmptyTokenIsRefused(JenkinsRule j) {
        Descriptor.FormException refused =
                assertThrows(Descriptor.FormException.class, () -> cloudIntegration(CREDENTIALS_ID, " "));

        assertEquals("token", refused.getFormField());
    }

    @Test
    void itIsNamedByItsDescriptionOrElseItsIdAndUrl(JenkinsRule j) throws Exception {
        assertEquals(
                "Bitbucket Cloud for builds", CredentialsNameProvider.name(cloudIntegration(CREDENTIALS_ID, TOKEN)));

        BitbucketIntegrationCredentialsImpl undescribed = new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL, CREDENTIALS_ID, null, null, Secret.fromString(TOKEN), null, null, null);

        assertEquals(
                "bitbucket-cloud (Bitbucket integration at https://api.bitbucket.org/2.0)",
                CredentialsNameProvider.name(undescribed));
    }

    /**
     * The fields of a credential as the first versions of this plugin saved it: the URL, the token and the username
     * only. The token is written encrypted, as the store writes it.
     */
    private static String savedByAnEarlierVersion(String id, String token) {
        return "<" + BitbucketIntegrationCredentialsImpl.class.getName() + ">\n"
                + "  <scope>GLOBAL</scope>\n"
                + "  <id>" + id + "</id>\n"
                + "  <description>Saved long ago</description>\n"
                + "  <url>https://api.bitbucket.org/2.0</url>\n"
                + "  <token>" + Secret.fromString(token).getEncryptedValue() + "</token>\n"
                + "</" + BitbucketIntegrationCredentialsImpl.class.getName() + ">";
    }

    @Test
    void aCredentialSavedBeforeItsLaterFieldsExistedReadsBackAsIfSavedNow(JenkinsRule j) throws Exception {
        BitbucketIntegrationCredentialsImpl old = (BitbucketIntegrationCredentialsImpl)
                Jenkins.XSTREAM2.fromXML(savedByAnEarlierVersion(CREDENTIALS_ID, TOKEN));

        assertEquals("", old.getUsername());
        assertEquals("", old.getPlatform());
        assertEquals("", old.getKind());
        assertEquals("", old.getTestRepository());
        Integration integration = old.toIntegration().orElseThrow();
        assertEquals(Platform.CLOUD, integration.platform());
        assertEquals(TokenKind.CLOUD_ACCESS_TOKEN, integration.kind());
        assertEquals(TOKEN, integration.token().reveal());
        assertThat(TokenHealth.findings(old), is(empty()));
        assertEquals(true, TokenHealth.sameSettings(old, cloudIntegration(CREDENTIALS_ID, TOKEN)));
    }

    @Test
    void aCredentialSavedWithoutAnyFieldBeyondItsIdIsInvalidWithAMessageNotAFailure(JenkinsRule j) {
        String bare = "<" + BitbucketIntegrationCredentialsImpl.class.getName() + "><id>bare</id></"
                + BitbucketIntegrationCredentialsImpl.class.getName() + ">";

        BitbucketIntegrationCredentialsImpl old = (BitbucketIntegrationCredentialsImpl) Jenkins.XSTREAM2.fromXML(bare);

        assertEquals(ApiUrl.CLOUD_API, old.getUrl());
        assertEquals("", Secret.toString(old.getToken()));
        assertEquals(false, old.toIntegration().isValid());
        assertThat(old.toIntegration().problems().stream().map(Problem::field).toList(), hasItem("token"));
    }

    @Test
    void aCredentialSavedByAnEarlierVersionServesABuild(JenkinsRule j) throws Exception {
        addGlobally((BitbucketIntegrationCredentialsImpl)
                Jenkins.XSTREAM2.fromXML(savedByAnEarlierVersion(CREDENTIALS_ID, TOKEN)));
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "withBitbucketResource('app-repo') { echo \"inside: ${env.APPREPO_SOURCENAME}\" }", true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("inside: acme/app", run);
        j.assertLogNotContains(TOKEN, run);
    }

    @Test
    void createUpdateAndDeleteInTheSystemStore(JenkinsRule j) throws Exception {
        CredentialsStore store = Fixtures.storeOf(j.jenkins);
        BitbucketIntegrationCredentialsImpl created = cloudIntegration(CREDENTIALS_ID, TOKEN);
        store.addCredentials(Domain.global(), created);
        assertEquals(TOKEN, lookUp().getToken().getPlainText());

        BitbucketIntegrationCredentialsImpl updated =
                cloudIntegration(CREDENTIALS_ID, "ATCTT3xFfGN0RotatedTokenValue987");
        store.updateCredentials(Domain.global(), created, updated);
        assertEquals("ATCTT3xFfGN0RotatedTokenValue987", lookUp().getToken().getPlainText());

        store.removeCredentials(Domain.global(), updated);
        assertThat(integrations(), is(empty()));
    }

    @Test
    void theUpdateDialogShowsEveryFieldAndSavesThemBackUnchanged(JenkinsRule j) throws Exception {
        BitbucketIntegrationCredentialsImpl saved = new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL,
                "dc",
                "Data Center",
                "https://git.example.com/bitbucket",
                Secret.fromString("BBDC-dc-token-value"),
                "builder",
                "datacenter",
                "personalHttpToken");
        saved.setTestRepository("PROJ/app");
        addGlobally(saved);
        String credential = "credentials/store/system/domain/_/credential/dc/";

        JSONObject submitted = new JSONObject();
        // The dialog is a fragment the credentials page loads together with its form scripts. Fetched on its own, its
        // scripts would run without them, so it is read with JavaScript off (every field is in the fragment's HTML, a
        // select with its current value as the only option), and its fields are sent back the way those scripts
        // encode a form: one JSON object.
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            HtmlForm form = wc.goTo(credential + "updateDialog").getFormByName("updateCredentials");
            for (HtmlElement field : form.getHtmlElementDescendants()) {
                String name = field.getAttribute("name");
                String key = name.startsWith("_.") ? name.substring(2) : name;
                if (field instanceof HtmlInput input && (name.startsWith("_.") || name.equals("stapler-class"))) {
                    submitted.element(key, input.getValue());
                } else if (field instanceof HtmlSelect select && name.startsWith("_.")) {
                    submitted.element(
                            key,
                            select.getOptions().isEmpty()
                                    ? ""
                                    : select.getOptions().get(0).getValueAttribute());
                }
            }

            assertEquals("https://git.example.com/bitbucket", submitted.optString("url"));
            assertEquals("builder", submitted.optString("username"));
            assertEquals("datacenter", submitted.optString("platform"));
            assertEquals("personalHttpToken", submitted.optString("kind"));
            assertEquals("PROJ/app", submitted.optString("testRepository"));
            assertThat(submitted.optString("token"), not(containsString("BBDC-dc-token-value")));

            WebRequest save = new WebRequest(wc.createCrumbedUrl(credential + "updateSubmit"), HttpMethod.POST);
            save.setRequestParameters(List.of(new NameValuePair("json", submitted.toString())));
            wc.getPage(save);
        }

        BitbucketIntegrationCredentials after = integrations().get(0);
        assertEquals("dc", after.getId());
        assertEquals("Data Center", after.getDescription());
        assertEquals("https://git.example.com/bitbucket", after.getUrl());
        assertEquals("BBDC-dc-token-value", after.getToken().getPlainText());
        assertEquals("builder", after.getUsername());
        assertEquals("datacenter", after.getPlatform());
        assertEquals("personalHttpToken", after.getKind());
        assertEquals("PROJ/app", after.getTestRepository());
    }

    @Test
    void theRepositoryToTestWithIsKeptAsASourceNameOrNotAtAll(JenkinsRule j) throws Exception {
        BitbucketIntegrationCredentialsImpl credentials = cloudIntegration(CREDENTIALS_ID, TOKEN);
        assertEquals("", credentials.getTestRepository());

        credentials.setTestRepository("  acme/app ");
        assertEquals("acme/app", credentials.getTestRepository());
        credentials.setTestRepository(null);
        assertEquals("", credentials.getTestRepository());

        Descriptor.FormException refused = assertThrows(
                Descriptor.FormException.class, () -> credentials.setTestRepository("https://bitbucket.org/acme/app"));
        assertEquals("testRepository", refused.getFormField());
        assertThat(refused.getMessage(), containsString("is a URL, not a source name"));
    }

    @Test
    void aWrongRepositoryToTestWithPostedToTheNewCredentialsPageIsAFormErrorWithoutAStackTrace(JenkinsRule j)
            throws Exception {
        JSONObject credentials = newCredentialsForm()
                .element("id", "with-test-repository")
                .element("description", "")
                .element("url", "")
                .element("token", TOKEN)
                .element("username", "")
                .element("platform", "")
                .element("kind", "")
                .element("testRepository", "acme");

        WebResponse response = postToTheNewCredentialsPage(j, credentials);

        assertEquals(400, response.getStatusCode());
        assertThat(response.getContentAsString(), containsString("testRepository"));
        assertThat(response.getContentAsString(), containsString("is not of the form owner/repository"));
        assertThat(response.getContentAsString(), not(containsString(TOKEN)));
        assertThat(response.getContentAsString(), not(containsString("\tat ")));
        assertThat(integrations(), is(empty()));
    }

    @Test
    void anHttpUrlToAnotherMachineIsAWarningThatTheTokenWouldTravelInClear(JenkinsRule j) throws Exception {
        BitbucketIntegrationCredentialsImpl.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(BitbucketIntegrationCredentialsImpl.DescriptorImpl.class);

        FormValidation plain = descriptor.doCheckUrl("http://bitbucket.example.com:7990");

        assertEquals(FormValidation.Kind.WARNING, plain.kind);
        assertThat(plain.getMessage(), containsString("http://bitbucket.example.com:7990 is http://"));
        assertThat(plain.getMessage(), containsString("the token travels unencrypted"));
        assertThat(plain.getMessage(), containsString("use the https:// address of Bitbucket"));
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckUrl("http://127.0.0.1:7990").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckUrl("https://bitbucket.example.com").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckUrl("").kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckUrl("ftp://bitbucket.example.com").kind);

        String answer;
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            WebRequest check = new WebRequest(
                    wc.createCrumbedUrl(
                            "descriptorByName/" + BitbucketIntegrationCredentialsImpl.class.getName() + "/checkUrl"),
                    HttpMethod.POST);
            check.setRequestParameters(List.of(new NameValuePair("value", "http://bitbucket.example.com")));
            answer = wc.getPage(check).getWebResponse().getContentAsString();
        }
        assertThat(answer, containsString("class=\"warning\""));
        assertThat(answer, containsString("travels unencrypted"));
    }

    @Test
    void theKindPickerShowsTheIntegrationWithItsOwnIconAndADescription(JenkinsRule j) throws Exception {
        BitbucketIntegrationCredentialsImpl.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(BitbucketIntegrationCredentialsImpl.DescriptorImpl.class);
        String icon = Symbol.get(new SymbolRequest.Builder()
                .withName("bitbucket-integration")
                .withPluginName("bitbucket-resources")
                .build());
        String missing = Symbol.get(new SymbolRequest.Builder()
                .withName("no-such-symbol")
                .withPluginName("bitbucket-resources")
                .build());

        assertEquals("symbol-bitbucket-integration plugin-bitbucket-resources", descriptor.getIconClassName());
        assertNotEquals(missing, icon, "the plugin's own symbol is found, not the placeholder");
        assertThat(icon, containsString("M96 136h320"));

        String choice;
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            HtmlPage dialog = wc.goTo("credentials/store/system/domain/_/dialog");
            DomNode radio = dialog.querySelector("input[name='kind'][value='" + descriptor.getId() + "']");
            assertNotNull(radio, "the kind is offered");
            // The radio button, its icon, name and description are one label.
            choice = radio.getParentNode().asXml();
        }
        assertThat(choice, containsString("Bitbucket integration"));
        assertThat(choice, containsString(descriptor.getDescription()));
        assertThat(choice, containsString("M96 136h320"));
    }

    @Test
    void withCredentialsBindsItAsSecretText(JenkinsRule j) throws Exception {
        addGlobally(cloudIntegration(CREDENTIALS_ID, TOKEN));
        WorkflowJob job = j.createProject(WorkflowJob.class, "bind");
        job.setDefinition(new CpsFlowDefinition(
                "withCredentials([string(credentialsId: 'bitbucket-cloud', variable: 'BB')]) {\n"
                        + "  echo(env.BB.length() == " + TOKEN.length() + " ? 'bound as secret text' : 'not bound')\n"
                        + "}",
                true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("bound as secret text", run);
    }

    private static FormValidation testConnection(
            JenkinsRule j, String url, String token, String username, String kind, String repository) {
        BitbucketIntegrationCredentialsImpl.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(BitbucketIntegrationCredentialsImpl.DescriptorImpl.class);
        return Users.asSystem(() -> descriptor.doTestConnection(
                j.jenkins, url, token, username, "cloud", kind, repository, "new-integration"));
    }

    @Test
    void aProxyThatAsksForCredentialsIsAnsweredWithWhereJenkinsKeepsThem(JenkinsRule j) throws Exception {
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"proxy\"");
            exchange.sendResponseHeaders(407, -1);
            exchange.close();
        });
        proxy.start();
        try {
            j.jenkins.setProxy(
                    new ProxyConfiguration("127.0.0.1", proxy.getAddress().getPort()));

            FormValidation result = testConnection(
                    j,
                    "http://bitbucket.invalid/2.0",
                    ScriptedBitbucket.API_TOKEN,
                    ScriptedBitbucket.API_TOKEN_EMAIL,
                    "apiToken",
                    "acme/app");

            assertEquals(FormValidation.Kind.ERROR, result.kind, result.renderHtml());
            assertThat(result.renderHtml(), containsString("HTTP 407"));
            assertThat(result.renderHtml(), containsString("HTTP Proxy Configuration"));
            assertThat(result.renderHtml(), not(containsString(ScriptedBitbucket.API_TOKEN)));
        } finally {
            j.jenkins.setProxy(null);
            proxy.stop(0);
        }
    }

    /** Test connection of the API token the loopback Bitbucket knows, without a repository. */
    private static FormValidation testTheApiToken(JenkinsRule j, ScriptedBitbucket bitbucket) {
        return testConnection(
                j,
                bitbucket.cloudUrl(),
                ScriptedBitbucket.API_TOKEN,
                ScriptedBitbucket.API_TOKEN_EMAIL,
                "apiToken",
                "");
    }

    @Test
    void testConnectionShowsWhoAnApiTokenActsAs(JenkinsRule j) throws Exception {
        try (ScriptedBitbucket bitbucket = ScriptedBitbucket.forTestConnection()) {
            FormValidation result = testTheApiToken(j, bitbucket);

            assertEquals(FormValidation.Kind.OK, result.kind, result.renderHtml());
            assertThat(result.renderHtml(), containsString("Connected: acts as CI Builder (ci-builder)"));
            assertThat(result.renderHtml(), not(containsString(ScriptedBitbucket.API_TOKEN)));
        }
    }

    @Test
    void testConnectionOfAnAccessTokenNamesTheRepositoryItReadAndWarns(JenkinsRule j) throws Exception {
        try (ScriptedBitbucket bitbucket = ScriptedBitbucket.forTestConnection()) {
            FormValidation result = testConnection(j, bitbucket.cloudUrl(), TOKEN, "", "accessToken", "acme/app");

            assertEquals(FormValidation.Kind.WARNING, result.kind, result.renderHtml());
            assertThat(result.renderHtml(), containsString("Connected: can read acme/app"));
            assertThat(result.renderHtml(), containsString("Bitbucket does not say who an access token acts as"));
            assertThat(result.renderHtml(), not(containsString(TOKEN)));
        }
    }

    @Test
    void testConnectionWithAWrongTokenSpeaksOfThisTokenWithoutShowingIt(JenkinsRule j) throws Exception {
        try (ScriptedBitbucket bitbucket = ScriptedBitbucket.forTestConnection()) {
            FormValidation result = testConnection(
                    j, bitbucket.cloudUrl(), "ATCTT3xFfGN0WrongTokenValue000", "", "accessToken", "acme/app");

            assertEquals(FormValidation.Kind.ERROR, result.kind, result.renderHtml());
            assertThat(result.renderHtml(), containsString("refused this token"));
            assertThat(result.renderHtml(), containsString("HTTP 401"));
            assertThat(result.renderHtml(), not(containsString(BitbucketIntegrationCredentialsImpl.FORM_ID)));
            assertThat(result.renderHtml(), not(containsString("integration `")));
            assertThat(result.renderHtml(), not(containsString("WrongTokenValue")));
        }
    }

    @Test
    void testConnectionAsksOnceAndDoesNotRetryABusyServer(JenkinsRule j) throws Exception {
        try (ScriptedBitbucket bitbucket = ScriptedBitbucket.forTestConnection()) {
            bitbucket.answerEveryRequestWith(503, null);

            FormValidation result = testTheApiToken(j, bitbucket);

            assertEquals(FormValidation.Kind.ERROR, result.kind, result.renderHtml());
            assertThat(result.renderHtml(), containsString("try again later"));
            assertEquals(1, bitbucket.requests());
        }
    }

    @Test
    void testConnectionDoesNotWaitForARateLimitButSaysWhenToTryAgain(JenkinsRule j) throws Exception {
        try (ScriptedBitbucket bitbucket = ScriptedBitbucket.forTestConnection()) {
            bitbucket.answerEveryRequestWith(429, "30");

            FormValidation result = testTheApiToken(j, bitbucket);

            assertEquals(FormValidation.Kind.ERROR, result.kind, result.renderHtml());
            assertThat(result.renderHtml(), containsString("try again after that"));
            assertThat(result.renderHtml(), not(containsString("this client waits")));
            assertEquals(1, bitbucket.requests());
        }
    }

    @Test
    void testConnectionReportsTheEnginesProblemsWithoutCallingOut(JenkinsRule j) {
        FormValidation result = testConnection(j, "ftp://bitbucket.example.com", TOKEN, "", "", "");

        assertEquals(FormValidation.Kind.ERROR, result.kind);
        assertThat(result.renderHtml(), containsString("not http or https"));
    }

    @Test
    void anInvalidValuePostedToTheNewCredentialsPageIsAFormErrorWithoutAStackTrace(JenkinsRule j) throws Exception {
        JSONObject credentials = newCredentialsForm()
                .element("id", "old-app-password")
                .element("description", "")
                .element("url", "")
                .element("token", "ATBBsomeOldAppPassword123")
                .element("username", "")
                .element("platform", "")
                .element("kind", "");

        WebResponse response = postToTheNewCredentialsPage(j, credentials);

        assertEquals(400, response.getStatusCode());
        assertThat(response.getContentAsString(), containsString("app passwords were removed"));
        assertThat(response.getContentAsString(), not(containsString("ATBBsomeOldAppPassword123")));
        assertThat(response.getContentAsString(), not(containsString("\tat ")));
        assertThat(response.getContentAsString(), not(containsString("Exception")));
        assertThat(integrations(), is(empty()));
    }

    @Test
    void aTokenTooShortToBeMaskedIsRefusedEverywhereTheFormTakesIt(JenkinsRule j) {
        Descriptor.FormException refused = assertThrows(
                Descriptor.FormException.class,
                () -> new BitbucketIntegrationCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        "short",
                        null,
                        null,
                        Secret.fromString("ab"),
                        null,
                        "cloud",
                        "accessToken"));
        BitbucketIntegrationCredentialsImpl.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(BitbucketIntegrationCredentialsImpl.DescriptorImpl.class);
        FormValidation check =
                Users.asSystem(() -> descriptor.doCheckToken(j.jenkins, "ab", "", "", "cloud", "accessToken", "short"));

        assertEquals("token", refused.getFormField());
        assertEquals(FormValidation.Kind.ERROR, check.kind);
        assertThat(integrations(), is(empty()));
    }

    /** The form of the new credentials page, with the kind of credential chosen. */
    private static JSONObject newCredentialsForm() {
        return new JSONObject()
                .element("stapler-class", BitbucketIntegrationCredentialsImpl.class.getName())
                .element("$class", BitbucketIntegrationCredentialsImpl.class.getName())
                .element("scope", "GLOBAL");
    }

    /** Submits the new credentials page of the system store as a browser does, and hands back the answer. */
    private static WebResponse postToTheNewCredentialsPage(JenkinsRule j, JSONObject credentials) throws Exception {
        try (JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            WebRequest create = new WebRequest(
                    wc.createCrumbedUrl("credentials/store/system/domain/_/createCredentials"), HttpMethod.POST);
            create.setRequestParameters(List.of(new NameValuePair(
                    "json", new JSONObject().element("credentials", credentials).toString())));
            return wc.getPage(create).getWebResponse();
        }
    }

    private static BitbucketIntegrationCredentials lookUp() {
        List<BitbucketIntegrationCredentials> found = integrations();
        assertEquals(1, found.size());
        return found.get(0);
    }

    private static List<BitbucketIntegrationCredentials> integrations() {
        return CredentialsProvider.lookupCredentialsInItemGroup(
                BitbucketIntegrationCredentials.class, null, ACL.SYSTEM2);
    }
}
