package io.jenkins.plugins.bitbucketresources.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random secrets inside random text, written in random pieces with random flushes: the output is always what the
 * {@linkplain ReferenceMasking reference} gives for the whole input at once.
 */
class MaskingPropertiesTest {

    /** Shell, URL and base64 characters, non-ASCII and line breaks; no {@code *}, so that no form can look like a mask. */
    private static final String SECRET_CHARS = "aAb0$'\"\\^%+/=é€\n\t -_~x";
    private static final String FILLER_CHARS = SECRET_CHARS + "cdXYZ:@é";

    @Provide
    Arbitrary<String> secret() {
        return Arbitraries.strings().withChars(SECRET_CHARS).ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> longSecret() {
        return Arbitraries.strings().withChars(SECRET_CHARS.replace("\\", "")).ofMinLength(8).ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> filler() {
        return Arbitraries.strings().withChars(FILLER_CHARS).ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> shortForm() {
        return Arbitraries.strings().withChars("ab").ofMinLength(3).ofMaxLength(7);
    }

    @Provide
    Arbitrary<String> longForm() {
        return Arbitraries.strings().withChars("ab").ofMinLength(8).ofMaxLength(14);
    }

    @Provide
    Arbitrary<String> tinyFiller() {
        return Arbitraries.strings().withChars("abc").ofMaxLength(12);
    }

    @Property(tries = 300)
    void secretsInTextAreMaskedLikeTheReferenceForAnyWritesAndFlushes(
            @ForAll @Size(min = 1, max = 3) List<@From("secret") String> secrets,
            @ForAll @Size(max = 10) List<@From("filler") String> fillers,
            @ForAll @Size(max = 10) List<@IntRange(max = 9999) Integer> pieces,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 50) Integer> writeSizes,
            @ForAll long flushes) throws IOException {
        List<String> forms = formsOf(secrets);
        Masker masker = Masker.forSecrets(secrets.stream().map(MaskedSecret::of).toList());
        checkAgainstReference(masker, forms, text(forms, fillers, pieces), writeSizes, flushes);
    }

    @Property(tries = 200)
    void longSecretsFoundThroughTheSkipTableAreMaskedLikeTheReference(
            @ForAll @Size(min = 1, max = 4) List<@From("longSecret") String> secrets,
            @ForAll @Size(max = 10) List<@From("filler") String> fillers,
            @ForAll @Size(max = 10) List<@IntRange(max = 9999) Integer> pieces,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 120) Integer> writeSizes,
            @ForAll long flushes,
            @ForAll boolean sparse) throws IOException {
        List<String> forms = formsOf(secrets);
        Masker masker = sparse ? Masker.sparse(forms) : Masker.of(forms);
        assertThat(masker.automaton().skips()).isTrue();
        checkAgainstReference(masker, forms, text(forms, fillers, pieces), writeSizes, flushes);
    }

    @Property(tries = 400)
    void overlappingFormsOfATinyAlphabetAreMaskedAsTheirUnion(
            @ForAll @Size(min = 1, max = 6) List<@From("shortForm") String> forms,
            @ForAll @Size(max = 15) List<@From("tinyFiller") String> fillers,
            @ForAll @Size(max = 15) List<@IntRange(max = 9999) Integer> pieces,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 20) Integer> writeSizes,
            @ForAll long flushes,
            @ForAll boolean sparse) throws IOException {
        Masker masker = sparse ? Masker.sparse(forms) : Masker.of(forms);
        checkAgainstReference(masker, forms, text(forms, fillers, pieces), writeSizes, flushes);
    }

    @Property(tries = 400)
    void overlappingLongFormsOfATinyAlphabetAreMaskedAsTheirUnion(
            @ForAll @Size(min = 1, max = 6) List<@From("longForm") String> forms,
            @ForAll @Size(max = 15) List<@From("tinyFiller") String> fillers,
            @ForAll @Size(max = 15) List<@IntRange(max = 9999) Integer> pieces,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 40) Integer> writeSizes,
            @ForAll long flushes,
            @ForAll boolean sparse) throws IOException {
        Masker masker = sparse ? Masker.sparse(forms) : Masker.of(forms);
        assertThat(masker.automaton().skips()).isTrue();
        checkAgainstReference(masker, forms, text(forms, fillers, pieces), writeSizes, flushes);
    }

    private static List<String> formsOf(List<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            forms.addAll(SecretForms.of(MaskedSecret.of(secret)));
        }
        return new ArrayList<>(forms);
    }

    /** Fillers with, between them, a whole form, the start of one, or the end of one, chosen by each piece. */
    private static byte[] text(List<String> forms, List<String> fillers, List<Integer> pieces) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int count = Math.max(fillers.size(), pieces.size());
        for (int k = 0; k < count; k++) {
            if (k < fillers.size()) {
                text.writeBytes(fillers.get(k).getBytes(StandardCharsets.UTF_8));
            }
            if (k < pieces.size()) {
                int piece = pieces.get(k);
                byte[] form = forms.get(piece % forms.size()).getBytes(StandardCharsets.UTF_8);
                int cut = piece / forms.size() % form.length;
                switch (piece / 7 % 3) {
                    case 0 -> text.writeBytes(form);
                    case 1 -> text.write(form, 0, cut);
                    default -> text.write(form, cut, form.length - cut);
                }
            }
        }
        return text.toByteArray();
    }

    private static void checkAgainstReference(Masker masker, List<String> forms, byte[] input, List<Integer> writeSizes, long flushes)
            throws IOException {
        byte[] expected = ReferenceMasking.mask(input, forms);
        RecordingOutputStream sink = new RecordingOutputStream();
        MaskingOutputStream out = new MaskingOutputStream(sink, masker);
        int at = 0;
        for (int k = 0; at < input.length; k++) {
            int size = Math.min(writeSizes.get(k % writeSizes.size()), input.length - at);
            out.write(input, at, size);
            at += size;
            assertThat(out.heldBack()).isLessThanOrEqualTo(Math.max(masker.longestForm() - 1, 0));
            if ((flushes >>> (k % 64) & 1) != 0) {
                out.flush();
            }
        }
        out.close();
        assertThat(latin1(sink.bytes())).isEqualTo(latin1(expected));
        assertThat(latin1(masker.mask(input))).isEqualTo(latin1(expected));
        for (String form : forms) {
            if (form.getBytes(StandardCharsets.UTF_8).length >= SecretForms.MIN_FORM_BYTES) {
                assertThat(latin1(sink.bytes())).doesNotContain(latin1(form.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** One char per byte, so that comparisons are exact even when a cut splits a UTF-8 sequence. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
