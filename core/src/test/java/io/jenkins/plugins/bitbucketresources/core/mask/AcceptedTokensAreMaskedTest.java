package io.jenkins.plugins.bitbucketresources.core.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Token;
import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every token the engine accepts can be masked: none is so short that its forms fall under the masker's minimum. */
class AcceptedTokensAreMaskedTest {

    private static final int CASES = 2000;

    @Test
    void theShortestTokenIsLongerThanTheShortestMaskedForm() {
        assertThat(Token.MIN_LENGTH).isGreaterThanOrEqualTo(SecretForms.MIN_FORM_BYTES);
    }

    @Test
    void everyAcceptedTokenIsMaskedInEveryCommonForm() {
        GeneratedCases.check(CASES, generate -> {
            String raw = printable(generate, Token.MIN_LENGTH, Token.MIN_LENGTH + 39);
            Token token = Token.of(raw);
            Optional<String> username = generate.bool() ? Optional.of("ci-bot@example.com") : Optional.empty();
            Masker masker = Masker.forSecrets(List.of(new MaskedSecret(token.reveal(), username)));
            String basic = Base64.getEncoder().encodeToString(("x-token-auth:" + raw).getBytes(StandardCharsets.UTF_8));
            String log = printable(generate, 0, 19) + raw + "\n" + basic + " " + raw.replace("$", "$$") + "|" + raw;

            String masked = masker.mask(log);

            assertThat(masked)
                    .as("token of %d characters", raw.length())
                    .doesNotContain(raw)
                    .doesNotContain(basic);
        });
    }

    @Test
    void everyShorterTokenIsRefused() {
        GeneratedCases.check(CASES, generate -> {
            String raw = printable(generate, 1, Token.MIN_LENGTH - 1);
            assertThatThrownBy(() -> Token.of(raw))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("is shorter than " + Token.MIN_LENGTH + " characters");
        });
    }

    /** {@code min} to {@code max} characters of printable ASCII without the space: what a token may hold. */
    private static String printable(Generator generate, int min, int max) {
        return generate.string(Generator.VISIBLE_ASCII, min, max);
    }
}
