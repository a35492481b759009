package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Generated names: whatever is wrong with a name, the name its refusal suggests is valid. */
class NameSuggestionsTest {

    private static final int CASES = 3000;
    private static final Pattern EXAMPLE = Pattern.compile("e\\.g\\. `([^`]*)`$");
    /** Pieces that hit every rule: whitespace, control characters, punctuation, digits, non-ASCII, reserved words. */
    private static final List<String> PIECES = List.of(
            "a",
            "Z",
            "app",
            "repo",
            "-",
            "_",
            "__",
            ".",
            "!",
            "/",
            " ",
            "\t",
            "\n",
            "\u0000",
            "\u00a0",
            "0",
            "42",
            "é",
            "ü",
            "漢",
            "job",
            "git",
            "path",
            "home",
            "build",
            "node",
            "change",
            "workspace",
            "JOB_",
            "GIT_",
            "job_base",
            "x".repeat(60));

    /** One case holds all the names, so that it can also show the names reach the refusals. */
    @Test
    void everyRefusalSuggestsAValidName() {
        GeneratedCases.check(1, generate -> {
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                String raw = name(generate);
                try {
                    ResourceName.of(raw);
                } catch (InvalidValueException e) {
                    refused.add(raw);
                    Matcher example = EXAMPLE.matcher(e.getMessage());
                    if (example.find()) {
                        String suggested = example.group(1);
                        assertThatCode(() -> ResourceName.of(suggested))
                                .as("`%s` is refused with the suggestion `%s`", raw, suggested)
                                .doesNotThrowAnyException();
                    }
                }
                String suggested = ResourceName.suggestFor(raw);
                try {
                    assertThat(ResourceName.of(suggested).value())
                            .isEqualTo(suggested)
                            .matches("[A-Za-z0-9_-]+");
                } catch (InvalidValueException e) {
                    fail("the suggestion for `" + raw + "` is `" + suggested + "`, which is refused: "
                            + e.getMessage());
                }
            }
            assertThat(refused).as("the generated names reach the refusals").hasSizeGreaterThan(CASES / 10);
        });
    }

    @Test
    void aValidNameOfSafeCharactersIsItsOwnSuggestion() {
        GeneratedCases.check(CASES, generate -> {
            String raw = name(generate);
            if (raw.matches("[A-Za-z0-9_-]+") && !raw.startsWith("-") && !raw.endsWith("-")) {
                try {
                    ResourceName.of(raw);
                } catch (InvalidValueException e) {
                    return;
                }
                assertThat(ResourceName.suggestFor(raw)).isEqualTo(raw);
            }
        });
    }

    private static String name(Generator generate) {
        return String.join("", generate.list(1, 6, () -> generate.pick(PIECES)));
    }
}
