package io.jenkins.plugins.bitbucketresources.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    @Property
    void prefixIsAValidVariableNameOrEmpty(@ForAll("names") String name) {
        assertThat(VariablePrefix.of(name)).satisfiesAnyOf(
                prefix -> assertThat(prefix).isEmpty(),
                prefix -> assertThat(prefix.orElseThrow()).matches("[A-Z_][A-Z0-9_]*"));
    }

    @Property
    void prefixOfThePrefixIsItself(@ForAll("names") String name) {
        VariablePrefix.of(name).ifPresent(prefix -> assertThat(VariablePrefix.of(prefix)).contains(prefix));
    }

    @Property
    void prefixEqualsTheReferenceDefinition(@ForAll("names") String name) {
        assertThat(VariablePrefix.of(name)).isEqualTo(reference(name));
    }

    @Property
    void namesDifferingOnlyInRemovedCharactersCollide(@ForAll("nameWithNoise") NameWithNoise pair) {
        assertThat(VariablePrefix.of(pair.noisy())).isEqualTo(VariablePrefix.of(pair.clean()));
    }

    @Property
    void namesDifferingOnlyInTheCaseOfAsciiLettersCollide(@ForAll("names") String name) {
        assertThat(VariablePrefix.of(swapAsciiCase(name))).isEqualTo(VariablePrefix.of(name));
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
        name.codePoints().filter(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_')).forEach(kept::appendCodePoint);
        String prefix = kept.toString().replaceFirst("^[0-9]+", "").toUpperCase(Locale.ROOT);
        return prefix.isEmpty() ? Optional.empty() : Optional.of(prefix);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().withChars("aZz_09-.~ /éßİı\u0130\u212A").ofMaxLength(20));
    }

    @Provide
    Arbitrary<NameWithNoise> nameWithNoise() {
        Arbitrary<String> clean = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars('_').ofMinLength(1).ofMaxLength(20);
        Arbitrary<Character> removable = Arbitraries.oneOf(
                Arbitraries.of('-', '.', '/', ' ', '~', '@', '$', '\u00e9', '\u2013', '\t'),
                Arbitraries.chars().all().filter(c -> !(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))));
        Arbitrary<String> leadingDigits = Arbitraries.strings().numeric().ofMaxLength(3);
        return Combinators.combine(clean, removable.list().ofMaxSize(8), Arbitraries.integers().list().ofSize(8), leadingDigits)
                .as((base, noise, positions, digits) -> {
                    StringBuilder noisy = new StringBuilder(base);
                    for (int i = 0; i < noise.size(); i++) {
                        noisy.insert(Math.floorMod(positions.get(i), noisy.length() + 1), noise.get(i).charValue());
                    }
                    return new NameWithNoise(base.replaceFirst("^[0-9]+", ""), digits + noisy);
                });
    }

    record NameWithNoise(String clean, String noisy) {
    }
}
