package io.jenkins.plugins.bitbucketresources.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The promise that the masker hides a strict superset of what Jenkins hides: every form Jenkins' credentials-binding
 * masks for a secret is one of our forms, so wherever Jenkins would replace text, the masker does too (and it also
 * finds forms that span lines, which Jenkins, masking line by line, cannot).
 */
class EverythingJenkinsMasksTest {

    /** Printable ASCII, the characters Jenkins' rules treat specially, non-ASCII and control characters. */
    private static final String SECRET_CHARS = "''\\\\^^$$é€😀\t\n" + Generator.PRINTABLE_ASCII;

    /**
     * credentials-binding's rules, restated here from how they behave (literal, bash, ash, backslash and caret
     * removal, {@code $$}, base64 at three shifts), independently of the masker's own code.
     */
    static Set<String> jenkinsForms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String bash = secret.replace("'", "'\\''");
        forms.add(bash);
        forms.add("'" + bash + "'");
        forms.add(secret.replaceAll("\\\\(\\\\?)", "$1"));
        forms.add(secret.replaceAll("('+)", Matcher.quoteReplacement("'\"") + "$1" + Matcher.quoteReplacement("\"'")));
        if (secret.contains("^")) {
            forms.add(secret.replaceAll("\\^(\\^?)", "$1"));
        }
        if (secret.contains("$")) {
            forms.add(secret.replace("$", "$$"));
        }
        for (String shift : List.of("", "a", "aa")) {
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.encodeToString((shift + secret).getBytes(StandardCharsets.UTF_8))
                        .substring(2 * shift.length());
                forms.add(encoded);
                forms.add(
                        encoded.endsWith("==")
                                ? encoded.substring(0, encoded.length() - 3)
                                : encoded.endsWith("=") ? encoded.substring(0, encoded.length() - 2) : encoded);
            }
        }
        forms.removeIf(form -> form.length() < 3);
        return forms;
    }

    @Test
    void everyFormJenkinsMasksIsOneOfOurs() {
        GeneratedCases.check(1000, generate -> {
            String secret = generate.string(SECRET_CHARS, 1, 24);
            List<String> ours = SecretForms.of(MaskedSecret.of(secret));

            assertThat(ours).containsAll(jenkinsForms(secret));
        });
    }

    @Test
    void everyFormJenkinsMasksIsMaskedWholeInsideText() {
        GeneratedCases.check(500, generate -> {
            String secret = generate.string(SECRET_CHARS, 1, 24);
            Masker masker = Masker.forSecrets(List.of(MaskedSecret.withUsername(secret, "ci-bot@example.com")));
            for (String form : jenkinsForms(secret)) {
                // A pilcrow is in no form of these secrets, so the mask cannot take it in.
                String text = "¶" + form + "¶";

                assertThat(masker.mask(text)).as(form).isEqualTo("¶****¶");
            }
        });
    }

    @Test
    void passwordsFullOfShellCharactersAreCoveredToo() {
        for (String secret : List.of(
                "q'W''e'''R",
                "'lead-and-trail'",
                "x\"y\\z(w)#'",
                "^<^>^(^)^^^&^|",
                "$HOME$$",
                "back\\slash\\",
                " !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~")) {
            assertThat(SecretForms.of(MaskedSecret.of(secret))).as(secret).containsAll(jenkinsForms(secret));
        }
    }
}
