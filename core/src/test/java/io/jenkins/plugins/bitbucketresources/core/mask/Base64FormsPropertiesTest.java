package io.jenkins.plugins.bitbucketresources.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The base64 forms checked against real encodings of the secret inside random surrounding bytes. */
class Base64FormsPropertiesTest {

    private static final List<Base64.Encoder> ENCODERS = List.of(
            Base64.getEncoder(), Base64.getEncoder().withoutPadding(),
            Base64.getUrlEncoder(), Base64.getUrlEncoder().withoutPadding());

    /** Printable ASCII, two non-ASCII characters and a line break. */
    private static String secret(Generator generate) {
        return generate.string("é€\n" + Generator.PRINTABLE_ASCII, 1, 20);
    }

    @Test
    void everyCharacterHoldingOnlySecretBitsIsCoveredByOneForm() {
        GeneratedCases.check(300, generate -> {
            String secret = secret(generate);
            byte[] before = generate.bytes(0, 7);
            byte[] after = generate.bytes(1, 7);
            byte[] value = secret.getBytes(StandardCharsets.UTF_8);
            List<String> forms = SecretForms.of(MaskedSecret.of(secret));
            for (Base64.Encoder encoder : ENCODERS) {
                String encoded = encoder.encodeToString(concat(before, value, after));
                // Character j holds bits [6j, 6j + 6) of the stream.
                int first = (8 * before.length + 5) / 6;
                int last = 8 * (before.length + value.length) / 6;
                String own = encoded.substring(first, last);
                if (own.length() >= SecretForms.MIN_FORM_BYTES) {
                    assertThat(forms).contains(own);
                }
            }
        });
    }

    @Test
    void atTheEndOfAStreamTheLastCharactersAndPaddingAreCoveredToo() {
        GeneratedCases.check(300, generate -> {
            String secret = secret(generate);
            byte[] before = generate.bytes(0, 7);
            byte[] value = secret.getBytes(StandardCharsets.UTF_8);
            List<String> forms = SecretForms.of(MaskedSecret.of(secret));
            for (Base64.Encoder encoder : ENCODERS) {
                String encoded = encoder.encodeToString(concat(before, value, new byte[0]));
                String tail = encoded.substring((8 * before.length + 5) / 6);
                if (tail.length() >= SecretForms.MIN_FORM_BYTES) {
                    assertThat(forms).contains(tail);
                }
            }
        });
    }

    @Test
    void basicCredentialsAreCoveredWholeWithAndWithoutPadding() {
        GeneratedCases.check(200, generate -> {
            String secret = secret(generate);
            List<String> forms = SecretForms.of(MaskedSecret.withUsername(secret, "alice@example.com"));
            for (String user : List.of("alice@example.com", "x-token-auth", "x-bitbucket-api-token-auth")) {
                byte[] credentials = (user + ":" + secret).getBytes(StandardCharsets.UTF_8);
                for (Base64.Encoder encoder : ENCODERS) {
                    assertThat(forms).contains(encoder.encodeToString(credentials));
                }
            }
        });
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] all = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        return all;
    }
}
