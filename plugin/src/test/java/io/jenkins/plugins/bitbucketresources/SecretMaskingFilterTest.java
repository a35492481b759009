package io.jenkins.plugins.bitbucketresources;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.mask.MaskedSecret;
import io.jenkins.plugins.bitbucketresources.core.mask.SecretForms;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The log filter masks every form of a token exactly as the engine works it out, wherever it runs and however it got
 * there, the rare form that holds bytes which are not UTF-8 included: {@code echo -e} and {@code printf %b} turn an
 * octal escape in a token, such as {@code \351}, into the single byte 0xE9.
 */
@WithJenkins
class SecretMaskingFilterTest {

    /** A token with an octal escape in it: printable ASCII, as every Bitbucket token is. */
    private static final String TOKEN = "ATCTT3xFfGN0Octal\\351TokenValue0123";

    private static final String BEFORE_ESCAPE = "ATCTT3xFfGN0Octal";
    private static final String AFTER_ESCAPE = "TokenValue0123";

    private JenkinsRule j;

    @BeforeEach
    void integration(JenkinsRule j) throws Exception {
        this.j = j;
    }

    /** The token as a shell's {@code printf %b} prints it: the escape becomes one byte, 0xE9. */
    private static byte[] decoded() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BEFORE_ESCAPE.getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xE9);
        bytes.writeBytes(AFTER_ESCAPE.getBytes(StandardCharsets.US_ASCII));
        return bytes.toByteArray();
    }

    private static SecretMaskingFilter filter() throws Exception {
        Integration integration = Fixtures.cloudIntegration(Fixtures.CREDENTIALS_ID, TOKEN)
                .toIntegration()
                .orElseThrow();
        return new SecretMaskingFilter(List.of(integration));
    }

    /** What the filter lets through of a line that prints the token decoded. */
    private static byte[] throughFilter(SecretMaskingFilter filter) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (OutputStream decorated = filter.decorateLogger((Run<?, ?>) null, log)) {
            decorated.write("decoded: ".getBytes(StandardCharsets.US_ASCII));
            decorated.write(decoded());
            decorated.write('\n');
        }
        return log.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return Fixtures.indexOf(haystack, needle) >= 0;
    }

    @Test
    void aFormWithAByteThatIsNotUtf8IsOneTheEngineMasksAndTextWouldLose() {
        String form = SecretForms.of(MaskedSecret.of(TOKEN)).stream()
                .filter(f -> f.chars().anyMatch(c -> c >= 0xDC80 && c <= 0xDCFF))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the engine works out no form with a byte above 127"));

        // Stored, a Secret keeps its text encrypted from UTF-8, which has no encoding for such a character.
        String stored = Secret.fromString(form).getEncryptedValue();
        assertNotEquals(form, Secret.fromString(stored).getPlainText(), "kept as text, the byte is lost");
    }

    @Test
    void theDecodedTokenIsMasked() throws Exception {
        byte[] masked = throughFilter(filter());

        assertFalse(contains(masked, decoded()));
        assertEquals("decoded: ****\n", new String(masked, StandardCharsets.US_ASCII));
    }

    @Test
    void theFilterMasksTheSameAfterJavaSerialization() throws Exception {
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialized)) {
            out.writeObject(filter());
        }
        SecretMaskingFilter copy;
        try (InputStream bytes = new ByteArrayInputStream(serialized.toByteArray());
                ObjectInputStream in = new ObjectInputStream(bytes)) {
            copy = (SecretMaskingFilter) in.readObject();
        }

        byte[] masked = throughFilter(copy);

        assertFalse(contains(masked, decoded()));
        assertEquals("decoded: ****\n", new String(masked, StandardCharsets.US_ASCII));
        assertEquals("a **** b", copy.mask("a " + TOKEN + " b"));
    }

    @Test
    void theFilterMasksTheSameReadBackFromXmlWhichHoldsTheTokenEncrypted() throws Exception {
        String xml = Jenkins.XSTREAM2.toXML(filter());
        SecretMaskingFilter copy = (SecretMaskingFilter) Jenkins.XSTREAM2.fromXML(xml);

        byte[] masked = throughFilter(copy);

        assertThat(xml, not(containsString(TOKEN)));
        assertThat(xml, not(containsString(AFTER_ESCAPE)));
        assertFalse(contains(masked, decoded()));
        assertEquals("decoded: ****\n", new String(masked, StandardCharsets.US_ASCII));
    }

    @Test
    void aUsernameKeptWithTheTokenMasksTheBasicHeaderOfBoth() throws Exception {
        Integration withUsername = new BitbucketIntegrationCredentialsImpl(
                        null,
                        "api",
                        null,
                        null,
                        Secret.fromString("ATATT3xFfGF0apiTokenValueForMasking"),
                        "ci-builder@example.com",
                        null,
                        null)
                .toIntegration()
                .orElseThrow();
        String basic = Base64.getEncoder()
                .encodeToString(
                        "ci-builder@example.com:ATATT3xFfGF0apiTokenValueForMasking".getBytes(StandardCharsets.UTF_8));
        SecretMaskingFilter filter = new SecretMaskingFilter(List.of(withUsername));

        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialized)) {
            out.writeObject(filter);
        }
        SecretMaskingFilter copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized.toByteArray()))) {
            copy = (SecretMaskingFilter) in.readObject();
        }

        assertTrue(withUsername.username().isPresent());
        assertEquals("Authorization: Basic ****", copy.mask("Authorization: Basic " + basic));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aShellPrintingTheTokenDecodedInABlockIsMaskedInTheLog() throws Exception {
        Fixtures.addGlobally(Fixtures.cloudIntegration(Fixtures.CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "withBitbucketResource('app-repo') {\n"
                        + "  node { sh 'printf \"decoded: %b\\\\n\" \"$APPREPO_INTEGRATION_TOKEN\"' }\n"
                        + "}",
                true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("decoded: ****", run);
        byte[] log;
        try (InputStream in = run.getLogInputStream()) {
            log = in.readAllBytes();
        }
        assertFalse(contains(log, decoded()), "the token, decoded, is not in the log");
        assertFalse(contains(log, TOKEN.getBytes(StandardCharsets.US_ASCII)));
    }
}
