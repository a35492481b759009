package io.jenkins.plugins.bitbucketresources.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VariablePrefixTest {

    @Test
    void hyphenIsRemoved() {
        assertThat(VariablePrefix.of("my-repo")).contains("MYREPO");
    }

    @Test
    void underscoreIsKept() {
        assertThat(VariablePrefix.of("my_repo")).contains("MY_REPO");
    }

    @Test
    void leadingDigitsAreRemoved() {
        assertThat(VariablePrefix.of("2fast")).contains("FAST");
    }

    @Test
    void digitsAfterTheFirstLetterAreKept() {
        assertThat(VariablePrefix.of("app2-v3")).contains("APP2V3");
    }

    @Test
    void digitsAfterALeadingUnderscoreAreKept() {
        assertThat(VariablePrefix.of("_1st")).contains("_1ST");
    }

    @Test
    void digitsBehindRemovedCharactersAtTheStartAreStillLeading() {
        assertThat(VariablePrefix.of("-42-repo")).contains("REPO");
    }

    @Test
    void nonAsciiLettersAreRemoved() {
        assertThat(VariablePrefix.of("dépôt-ünd")).contains("DPTND");
    }

    @Test
    void nameOfOnlyDigitsAndPunctuationHasNoPrefix() {
        assertThat(VariablePrefix.of("2-4.6")).isEmpty();
    }

    @Test
    void emptyNameHasNoPrefix() {
        assertThat(VariablePrefix.of("")).isEmpty();
    }

    @Test
    void prefixIsAValidVariableNameOrEmpty() {
        GeneratedCases.check(
                1000,
                generate -> assertThat(VariablePrefix.of(name(generate)))
                        .satisfiesAnyOf(
                                prefix -> assertThat(prefix).isEmpty(),
                                prefix -> assertThat(prefix.orElseThrow()).matches("[A-Z_][A-Z0-9_]*")));
    }

    @Test
    void prefixOfThePrefixIsItself() {
        GeneratedCases.check(
                1000,
                generate -> VariablePrefix.of(name(generate))
                        .ifPresent(
                                prefix -> assertThat(VariablePrefix.of(prefix)).contains(prefix)));
    }

    @Test
    void prefixEqualsTheReferenceDefinition() {
        GeneratedCases.check(1000, generate -> {
            String name = name(generate);
            assertThat(VariablePrefix.of(name)).isEqualTo(reference(name));
        });
    }

    @Test
    void namesDifferingOnlyInRemovedCharactersCollide() {
        GeneratedCases.check(1000, generate -> {
            NameWithNoise pair = nameWithNoise(generate);
            assertThat(VariablePrefix.of(pair.noisy())).isEqualTo(VariablePrefix.of(pair.clean()));
        });
    }

    @Test
    void namesDifferingOnlyInTheCaseOfAsciiLettersCollide() {
        GeneratedCases.check(1000, generate -> {
            String name = name(generate);
            assertThat(VariablePrefix.of(swapAsciiCase(name))).isEqualTo(VariablePrefix.of(name));
        });
    }

    private static String swapAsciiCase(String name) {
        StringBuilder swapped = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            swapped.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return swapped.toString();
    }

    /** DESIGN section 3, written independently: filter, drop leading digits, upper-case. */
    private static Optional<String> reference(String name) {
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'))
                .forEach(kept::appendCodePoint);
        String prefix = kept.toString().replaceFirst("^[0-9]+", "").toUpperCase(Locale.ROOT);
        return prefix.isEmpty() ? Optional.empty() : Optional.of(prefix);
    }

    /** Any text, ASCII text, or the characters the rules treat specially (with letters whose case changes length). */
    private static String name(Generator generate) {
        return switch (generate.between(0, 2)) {
            case 0 -> generate.anyString(40);
            case 1 -> generate.string(ascii(), 0, 40);
            default -> generate.string("aZz_09-.~ /éßİı\u0130\u212A", 0, 20);
        };
    }

    private static String ascii() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            ascii.append(c);
        }
        return ascii.toString();
    }

    /** A name of kept characters, and the same with removable characters inserted anywhere and digits in front. */
    private static NameWithNoise nameWithNoise(Generator generate) {
        String base = generate.string("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", 1, 20);
        StringBuilder noisy = new StringBuilder(base);
        int noise = generate.between(0, 8);
        for (int i = 0; i < noise; i++) {
            noisy.insert(generate.between(0, noisy.length()), removable(generate));
        }
        String digits = generate.string("0123456789", 0, 3);
        return new NameWithNoise(base.replaceFirst("^[0-9]+", ""), digits + noisy);
    }

    /** A character the prefix leaves out: common punctuation, or any character but ASCII letters, digits and {@code _}. */
    private static char removable(Generator generate) {
        if (generate.bool()) {
            return generate.pick('-', '.', '/', ' ', '~', '@', '$', '\u00e9', '\u2013', '\t');
        }
        while (true) {
            char c = (char) generate.random().nextInt(0x10000);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return c;
            }
        }
    }

    record NameWithNoise(String clean, String noisy) {}
}
