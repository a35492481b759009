package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Generated names: whatever is wrong with a name, the name its refusal suggests is valid. The seed is printed on
 * failure and can be set with {@code -Dnames.seed=…}.
 */
class NameSuggestionsTest {

    private static final int CASES = 3000;
    private static final Pattern EXAMPLE = Pattern.compile("e\\.g\\. `([^`]*)`$");
    /** Pieces that hit every rule: whitespace, control characters, punctuation, digits, non-ASCII, reserved words. */
    private static final List<String> PIECES = List.of("a", "Z", "app", "repo", "-", "_", "__", ".", "!", "/", " ", "\t", "\n", "\u0000",
            "\u00a0", "0", "42", "é", "ü", "漢", "job", "git", "path", "home", "build", "node", "change", "workspace", "JOB_",
            "GIT_", "job_base", "x".repeat(60));

    @Test
    void everyRefusalSuggestsAValidName() {
        long seed = Long.getLong("names.seed", System.nanoTime());
        RandomGenerator random = new SplittableRandom(seed);
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String raw = name(random);
            try {
                ResourceName.of(raw);
            } catch (InvalidValueException e) {
                refused.add(raw);
                Matcher example = EXAMPLE.matcher(e.getMessage());
                if (example.find()) {
                    String suggested = example.group(1);
                    assertThatCode(() -> ResourceName.of(suggested))
                            .as("seed %d: `%s` is refused with the suggestion `%s`", seed, raw, suggested)
                            .doesNotThrowAnyException();
                }
            }
            String suggested = ResourceName.suggestFor(raw);
            try {
                assertThat(ResourceName.of(suggested).value()).isEqualTo(suggested).matches("[A-Za-z0-9_-]+");
            } catch (InvalidValueException e) {
                fail("seed " + seed + ": the suggestion for `" + raw + "` is `" + suggested + "`, which is refused: " + e.getMessage());
            }
        }
        assertThat(refused).as("seed %d: the generated names reach the refusals", seed).hasSizeGreaterThan(CASES / 10);
    }

    @Test
    void aValidNameOfSafeCharactersIsItsOwnSuggestion() {
        long seed = Long.getLong("names.seed", System.nanoTime());
        RandomGenerator random = new SplittableRandom(seed);
        for (int i = 0; i < CASES; i++) {
            String raw = name(random);
            if (raw.matches("[A-Za-z0-9_-]+") && !raw.startsWith("-") && !raw.endsWith("-")) {
                try {
                    ResourceName.of(raw);
                } catch (InvalidValueException e) {
                    continue;
                }
                assertThat(ResourceName.suggestFor(raw)).as("seed %d", seed).isEqualTo(raw);
            }
        }
    }

    private static String name(RandomGenerator random) {
        StringBuilder name = new StringBuilder();
        int pieces = 1 + random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            name.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return name.toString();
    }
}
