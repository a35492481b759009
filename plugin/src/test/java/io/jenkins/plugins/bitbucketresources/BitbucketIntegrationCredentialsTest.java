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
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
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
        CredentialsStore store = SystemCredentialsProvider.getInstance().getStore();
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
    void theUpdateFormKeepsEveryField(JenkinsRule j) throws Exception {
        addGlobally(new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL,
                "dc",
                "Data Center",
                "https://git.example.com/bitbucket",
                Secret.fromString("BBDC-dc-token-value"),
                "builder",
                "datacenter",
                "personalHttpToken"));

        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage dialog = wc.goTo("credentials/store/system/domain/_/credential/dc/updateDialog");
            HtmlForm form = dialog.getFormByName("updateCredentials");
            j.submit(form);
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

    @Test
    void testConnectionReachesBitbucketThroughTheEngine(JenkinsRule j) throws Exception {
        HttpServer bitbucket = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bitbucket.createContext("/2.0/repositories/acme/app", exchange -> {
            boolean authorized =
                    ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (authorized
                            ? "{\"type\":\"repository\",\"full_name\":\"acme/app\",\"name\":\"app\",\"slug\":\"app\","
                                    + "\"is_private\":true,\"workspace\":{\"type\":\"workspace\",\"slug\":\"acme\"}}"
                            : "Unauthorized")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", authorized ? "application/json" : "text/plain");
            exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        bitbucket.start();
        try {
            String url = "http://127.0.0.1:" + bitbucket.getAddress().getPort() + "/2.0";
            BitbucketIntegrationCredentialsImpl.DescriptorImpl descriptor =
                    j.jenkins.getDescriptorByType(BitbucketIntegrationCredentialsImpl.DescriptorImpl.class);
            FormValidation good;
            FormValidation bad;
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                good = descriptor.doTestConnection(
                        null, url, Secret.fromString(TOKEN), "", "cloud", "accessToken", "acme/app");
                bad = descriptor.doTestConnection(
                        null,
                        url,
                        Secret.fromString("ATCTT3xFfGN0WrongTokenValue000"),
                        "",
                        "cloud",
                        "accessToken",
                        "acme/app");
            }

            assertEquals(FormValidation.Kind.OK, good.kind, good.renderHtml());
            assertEquals(FormValidation.Kind.ERROR, bad.kind, bad.renderHtml());
            assertThat(good.renderHtml() + bad.renderHtml(), not(containsString(TOKEN)));
            assertThat(bad.renderHtml(), not(containsString("WrongTokenValue")));
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
