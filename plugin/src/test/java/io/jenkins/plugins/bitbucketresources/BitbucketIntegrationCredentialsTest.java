package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.addGlobally;
import static io.jenkins.plugins.bitbucketresources.Fixtures.cloudIntegration;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.model.ApiUrl;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Platform;
import io.jenkins.plugins.bitbucketresources.core.model.TokenKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
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
    void theEngineMakesTheIntegrationWithCloudDefaults(JenkinsRule j) {
        Integration integration =
                cloudIntegration(CREDENTIALS_ID, TOKEN).toIntegration().orElseThrow();

        assertEquals(CREDENTIALS_ID, integration.id());
        assertEquals(ApiUrl.CLOUD_API, integration.url().value());
        assertEquals(Platform.CLOUD, integration.platform());
        assertEquals(TokenKind.CLOUD_ACCESS_TOKEN, integration.kind());
        assertEquals(TOKEN, integration.token().reveal());
    }

    @Test
    void dataCenterPersonalTokenKeepsItsUrlAndUsername(JenkinsRule j) {
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
    void theSecretTextIsTheToken(JenkinsRule j) {
        StringCredentials credentials = cloudIntegration(CREDENTIALS_ID, TOKEN);

        assertEquals(TOKEN, credentials.getSecret().getPlainText());
    }

    @Test
    void anAppPasswordIsRefusedWithWhatToUseInstead(JenkinsRule j) {
        InvalidValueException refused = assertThrows(
                InvalidValueException.class, () -> cloudIntegration(CREDENTIALS_ID, "ATBBsomeOldAppPassword123"));

        assertThat(refused.getMessage(), containsString("app passwords were removed"));
        assertThat(refused.getMessage(), not(containsString("ATBBsomeOldAppPassword123")));
    }

    @Test
    void anApiTokenNeedsTheAccountEmail(JenkinsRule j) {
        InvalidValueException refused = assertThrows(
                InvalidValueException.class,
                () -> new BitbucketIntegrationCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        "api",
                        null,
                        null,
                        Secret.fromString("ATATT3xFfGF0apiTokenValue"),
                        null,
                        null,
                        null));

        assertThat(refused.getMessage(), containsString("e-mail"));
    }

    @Test
    void anEmptyTokenIsRefused(JenkinsRule j) {
        assertThrows(InvalidValueException.class, () -> cloudIntegration(CREDENTIALS_ID, " "));
    }

    @Test
    void itIsNamedByItsDescriptionOrElseItsIdAndUrl(JenkinsRule j) {
        assertEquals(
                "Bitbucket Cloud for builds", CredentialsNameProvider.name(cloudIntegration(CREDENTIALS_ID, TOKEN)));

        BitbucketIntegrationCredentialsImpl undescribed = new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL, CREDENTIALS_ID, null, null, Secret.fromString(TOKEN), null, null, null);

        assertEquals(
                "bitbucket-cloud (Bitbucket integration at https://api.bitbucket.org/2.0)",
                CredentialsNameProvider.name(undescribed));
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
        addGlobally(new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL,
                "dc",
                "Data Center",
                "https://git.example.com/bitbucket",
                Secret.fromString("BBDC-dc-token-value"),
                "builder",
                "datacenter",
                "personalHttpToken"));
        String credential = "credentials/store/system/domain/_/credential/dc/";

        JSONObject submitted = new JSONObject();
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            // The dialog is a fragment the credentials page loads together with its form scripts; fetched on its own it
            // has none, so its fields are sent back here the way those scripts encode a form: one JSON object.
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

    private static final String API_TOKEN = "ATATT3xFfGF0PluginTestApiTokenValue98765";
    private static final String API_TOKEN_EMAIL = "ci-builder@example.com";

    /**
     * Answers like Bitbucket Cloud: the user profile for an API token with its e-mail, 401 in plain text for anything
     * else (an access token may not read it), and the repository for the access token.
     */
    private static HttpServer cloudOnLoopback() throws Exception {
        HttpServer bitbucket = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((API_TOKEN_EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
        bitbucket.createContext("/2.0/user", exchange -> {
            boolean authorized = basic.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(
                    exchange,
                    authorized ? 200 : 401,
                    authorized
                            ? "{\"type\":\"user\",\"display_name\":\"CI Builder\",\"username\":\"ci-builder\","
                                    + "\"account_id\":\"557058:00000000-0000-0000-0000-000000000000\"}"
                            : "Unauthorized");
        });
        bitbucket.createContext("/2.0/repositories/acme/app", exchange -> {
            boolean authorized =
                    ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(
                    exchange,
                    authorized ? 200 : 401,
                    authorized
                            ? "{\"type\":\"repository\",\"full_name\":\"acme/app\",\"name\":\"app\",\"slug\":\"app\","
                                    + "\"is_private\":true,\"workspace\":{\"type\":\"workspace\",\"slug\":\"acme\"}}"
                            : "Unauthorized");
        });
        bitbucket.start();
        return bitbucket;
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static FormValidation testConnection(
            JenkinsRule j, String url, String token, String username, String kind, String repository) {
        BitbucketIntegrationCredentialsImpl.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(BitbucketIntegrationCredentialsImpl.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return descriptor.doTestConnection(
                    null, url, Secret.fromString(token), username, "cloud", kind, repository);
        }
    }

    @Test
    void testConnectionShowsWhoAnApiTokenActsAs(JenkinsRule j) throws Exception {
        HttpServer bitbucket = cloudOnLoopback();
        try {
            String url = "http://127.0.0.1:" + bitbucket.getAddress().getPort() + "/2.0";

            FormValidation result = testConnection(j, url, API_TOKEN, API_TOKEN_EMAIL, "apiToken", "");

            assertEquals(FormValidation.Kind.OK, result.kind, result.renderHtml());
            assertThat(result.renderHtml(), containsString("Connected: acts as CI Builder (ci-builder)"));
            assertThat(result.renderHtml(), not(containsString(API_TOKEN)));
        } finally {
            bitbucket.stop(0);
        }
    }

    @Test
    void testConnectionOfAnAccessTokenNamesTheRepositoryItReadAndWarns(JenkinsRule j) throws Exception {
        HttpServer bitbucket = cloudOnLoopback();
        try {
            String url = "http://127.0.0.1:" + bitbucket.getAddress().getPort() + "/2.0";

            FormValidation result = testConnection(j, url, TOKEN, "", "accessToken", "acme/app");

            assertEquals(FormValidation.Kind.WARNING, result.kind, result.renderHtml());
            assertThat(result.renderHtml(), containsString("Connected: can read acme/app"));
            assertThat(result.renderHtml(), containsString("Bitbucket does not say who an access token acts as"));
            assertThat(result.renderHtml(), not(containsString(TOKEN)));
        } finally {
            bitbucket.stop(0);
        }
    }

    @Test
    void testConnectionWithAWrongTokenSaysWhatIsWrongWithoutTheToken(JenkinsRule j) throws Exception {
        HttpServer bitbucket = cloudOnLoopback();
        try {
            String url = "http://127.0.0.1:" + bitbucket.getAddress().getPort() + "/2.0";

            FormValidation result =
                    testConnection(j, url, "ATCTT3xFfGN0WrongTokenValue000", "", "accessToken", "acme/app");

            assertEquals(FormValidation.Kind.ERROR, result.kind, result.renderHtml());
            assertThat(result.renderHtml(), containsString("HTTP 401"));
            assertThat(result.renderHtml(), not(containsString("WrongTokenValue")));
        } finally {
            bitbucket.stop(0);
        }
    }

    @Test
    void testConnectionReportsTheEnginesProblemsWithoutCallingOut(JenkinsRule j) {
        BitbucketIntegrationCredentialsImpl.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(BitbucketIntegrationCredentialsImpl.DescriptorImpl.class);

        FormValidation result;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            result = descriptor.doTestConnection(
                    null, "ftp://bitbucket.example.com", Secret.fromString(TOKEN), "", "", "", "");
        }

        assertEquals(FormValidation.Kind.ERROR, result.kind);
        assertThat(result.renderHtml(), containsString("not http or https"));
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
