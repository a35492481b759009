package io.jenkins.plugins.bitbucketresources.core.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Token;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every token the engine accepts can be masked: none is so short that its forms fall under the masker's minimum.
 * Generated tokens; the seed is printed on failure and can be set with {@code -Dtokens.seed=…}.
 */
class AcceptedTokensAreMaskedTest {

    private static final int CASES = 2000;

    @Test
    void theShortestTokenIsLongerThanTheShortestMaskedForm() {
        assertThat(Token.MIN_LENGTH).isGreaterThanOrEqualTo(SecretForms.MIN_FORM_BYTES);
    }

    @Test
    void everyAcceptedTokenIsMaskedInEveryCommonForm() {
        long seed = Long.getLong("tokens.seed", System.nanoTime());
        RandomGenerator random = new SplittableRandom(seed);
        for (int i = 0; i < CASES; i++) {
            String raw = printable(random, Token.MIN_LENGTH + (i % 3 == 0 ? 0 : random.nextInt(40)));
            Token token = Token.of(raw);
            Optional<String> username = random.nextBoolean() ? Optional.of("ci-bot@example.com") : Optional.empty();
            Masker masker = Masker.forSecrets(List.of(new MaskedSecret(token.reveal(), username)));
            String basic = Base64.getEncoder().encodeToString(("x-token-auth:" + raw).getBytes(StandardCharsets.UTF_8));
            String log = printable(random, random.nextInt(20)) + raw + "\n" + basic + " " + raw.replace("$", "$$") + "|" + raw;

            String masked = masker.mask(log);

            assertThat(masked).as("seed %d, token of %d characters", seed, raw.length()).doesNotContain(raw).doesNotContain(basic);
        }
    }

    @Test
    void everyShorterTokenIsRefused() {
        long seed = Long.getLong("tokens.seed", System.nanoTime());
        RandomGenerator random = new SplittableRandom(seed);
        for (int length = 1; length < Token.MIN_LENGTH; length++) {
            String raw = printable(random, length);
            assertThatThrownBy(() -> Token.of(raw)).as("seed %d", seed).isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("is shorter than " + Token.MIN_LENGTH + " characters");
        }
    }

    /** Printable ASCII without the space: what a token may hold. */
    private static String printable(RandomGenerator random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
        }
        return text.toString();
    }
}
