package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.ExtensionList;
import hudson.model.ModelObject;
import hudson.model.User;
import hudson.util.FormValidation;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The token field of a saved integration holds its token encrypted. Such a value is decrypted for a check or a test
 * only on the credential it belongs to, for someone who may update it: a ciphertext copied from this controller is
 * never decrypted and sent anywhere else.
 */
@WithJenkins
class EncryptedTokenTest {

    private static final String STORE_MANAGER = "store-manager";
    private static final String SOMEONE = "someone";

    private JenkinsRule j;
    private ScriptedBitbucket bitbucket;
    private String ciphertext;
    private BitbucketIntegrationCredentialsImpl.DescriptorImpl descriptor;

    @BeforeEach
    void savedIntegration(JenkinsRule j) throws Exception {
        this.j = j;
        bitbucket = ScriptedBitbucket.forTestConnection();
        Users.signIn(
                j,
                new MockAuthorizationStrategy()
                        .grant(Jenkins.READ)
                        .everywhere()
                        .to(STORE_MANAGER, SOMEONE)
                        .grant(CredentialsProvider.CREATE, CredentialsProvider.UPDATE, CredentialsProvider.VIEW)
                        .everywhere()
                        .to(STORE_MANAGER));
        BitbucketIntegrationCredentialsImpl saved = bitbucket.cloudIntegration(CREDENTIALS_ID, null, TOKEN);
        Fixtures.addGlobally(saved);
        ciphertext = saved.getToken().getEncryptedValue();
        descriptor = ExtensionList.lookupSingleton(BitbucketIntegrationCredentialsImpl.DescriptorImpl.class);
    }

    @AfterEach
    void stopBitbucket() {
        bitbucket.close();
    }

    private FormValidation test(String user, ModelObject context, String url, String id) {
        return Users.as(
                user,
                () -> descriptor.doTestConnection(
                        context, url, ciphertext, "", "cloud", "accessToken", "acme/app", id));
    }

    @Test
    void theSavedTokenIsTestedOnItsOwnCredentialBySomeoneWhoMayUpdateIt() {
        FormValidation result = test(STORE_MANAGER, j.jenkins, bitbucket.cloudUrl(), CREDENTIALS_ID);

        assertThat(result.renderHtml(), containsString("Connected: can read acme/app"));
        assertThat(result.renderHtml(), not(containsString(TOKEN)));
    }

    @Test
    void aCiphertextGivenAnotherIdIsNotDecrypted() {
        FormValidation result = test(STORE_MANAGER, j.jenkins, bitbucket.cloudUrl(), "another-integration");

        assertEquals(FormValidation.Kind.ERROR, result.kind);
        assertThat(result.renderHtml(), containsString("type the token again"));
        assertEquals(0, bitbucket.requests());
    }

    @Test
    void aCiphertextReplayedFromAnotherStoreIsNeverSent() {
        // Anyone signed in may test an integration in their own store; the ciphertext belongs to the system store.
        FormValidation result = test(SOMEONE, User.getById(SOMEONE, true), bitbucket.cloudUrl(), CREDENTIALS_ID);

        assertEquals(FormValidation.Kind.ERROR, result.kind);
        assertThat(result.renderHtml(), containsString("type the token again"));
        assertEquals(0, bitbucket.requests());
    }

    @Test
    void theSameTokenTypedInIsTestedAsUsual() {
        FormValidation result = Users.as(
                SOMEONE,
                () -> descriptor.doTestConnection(
                        User.getById(SOMEONE, true),
                        bitbucket.cloudUrl(),
                        TOKEN,
                        "",
                        "cloud",
                        "accessToken",
                        "acme/app",
                        CREDENTIALS_ID));

        assertThat(result.renderHtml(), containsString("Connected: can read acme/app"));
    }

    @Test
    void checksDecryptTheSavedTokenOnlyUnderTheSameRule() {
        // A Data Center token kind does not fit a Cloud integration: an error, whenever the token is looked at.
        Supplier<FormValidation> onItsCredential = () -> descriptor.doCheckKind(
                j.jenkins, "personalHttpToken", bitbucket.cloudUrl(), ciphertext, "", "cloud", CREDENTIALS_ID);
        Supplier<FormValidation> elsewhere = () -> descriptor.doCheckKind(
                User.getById(SOMEONE, true),
                "personalHttpToken",
                bitbucket.cloudUrl(),
                ciphertext,
                "",
                "cloud",
                CREDENTIALS_ID);
        Supplier<FormValidation> typed = () -> descriptor.doCheckKind(
                User.getById(SOMEONE, true),
                "personalHttpToken",
                bitbucket.cloudUrl(),
                TOKEN,
                "",
                "cloud",
                CREDENTIALS_ID);

        assertEquals(FormValidation.Kind.ERROR, Users.as(STORE_MANAGER, onItsCredential).kind);
        assertEquals(FormValidation.Kind.OK, Users.as(SOMEONE, onItsCredential).kind);
        assertEquals(FormValidation.Kind.OK, Users.as(SOMEONE, elsewhere).kind);
        assertEquals(FormValidation.Kind.ERROR, Users.as(SOMEONE, typed).kind);
        assertEquals(0, bitbucket.requests());
    }
}
