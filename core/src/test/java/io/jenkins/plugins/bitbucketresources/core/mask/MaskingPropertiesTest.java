package io.jenkins.plugins.bitbucketresources.core.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import io.jenkins.plugins.bitbucketresources.core.testing.Generator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random secrets inside random text, written in random pieces with random flushes: the output is always what the
 * {@linkplain ReferenceMasking reference} gives for the whole input at once, and after every write everything but the
 * last (longest form − 1) bytes has already been passed on.
 */
class MaskingPropertiesTest {

    /** Shell, URL and base64 characters, non-ASCII and line breaks; no {@code *}, so that no form can look like a mask. */
    private static final String SECRET_CHARS = "aAb0$'\"\\^%+/=é€\n\t -_~x";
    /** Without the escape characters whose removal shortens a form below the skip window. */
    private static final String LONG_SECRET_CHARS =
            SECRET_CHARS.replace("\\", "").replace("^", "");

    private static final String FILLER_CHARS = SECRET_CHARS + "cdXYZ:@é";

    /** How a case writes its input: the sizes of successive writes, cycled, and which writes are followed by a flush. */
    private record Writes(List<Integer> sizes, long flushes) {

        static Writes draw(Generator generate, int maxSize) {
            return new Writes(generate.list(1, 8, () -> generate.between(1, maxSize)), generate.anyLong());
        }
    }

    @Test
    void secretsInTextAreMaskedLikeTheReferenceForAnyWritesAndFlushes() {
        GeneratedCases.check(500, generate -> {
            List<String> secrets = generate.list(1, 3, () -> generate.string(SECRET_CHARS, 1, 12));
            List<String> forms = formsOf(secrets);
            Masker masker =
                    Masker.forSecrets(secrets.stream().map(MaskedSecret::of).toList());
            checkAgainstReference(
                    masker, forms, text(generate, forms, FILLER_CHARS, 30, 10), Writes.draw(generate, 50));
        });
    }

    @Test
    void longSecretsFoundThroughTheSkipTableAreMaskedLikeTheReference() {
        GeneratedCases.check(300, generate -> {
            List<String> secrets = generate.list(1, 4, () -> generate.string(LONG_SECRET_CHARS, 8, 40));
            List<String> forms = formsOf(secrets);
            Masker masker = generate.bool() ? Masker.sparse(forms) : Masker.of(forms);
            assertThat(masker.automaton().skips()).isTrue();
            checkAgainstReference(
                    masker, forms, text(generate, forms, FILLER_CHARS, 30, 10), Writes.draw(generate, 120));
        });
    }

    @Test
    void overlappingFormsOfATinyAlphabetAreMaskedAsTheirUnion() {
        GeneratedCases.check(1000, generate -> {
            List<String> forms = generate.list(1, 6, () -> generate.string("ab", 3, 7));
            Masker masker = generate.bool() ? Masker.sparse(forms) : Masker.of(forms);
            checkAgainstReference(masker, forms, text(generate, forms, "abc", 12, 15), Writes.draw(generate, 20));
        });
    }

    @Test
    void overlappingLongFormsOfATinyAlphabetAreMaskedAsTheirUnion() {
        GeneratedCases.check(1000, generate -> {
            List<String> forms = generate.list(1, 6, () -> generate.string("ab", 8, 14));
            Masker masker = generate.bool() ? Masker.sparse(forms) : Masker.of(forms);
            assertThat(masker.automaton().skips()).isTrue();
            checkAgainstReference(masker, forms, text(generate, forms, "abc", 12, 15), Writes.draw(generate, 40));
        });
    }

    private static List<String> formsOf(List<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            forms.addAll(SecretForms.of(MaskedSecret.of(secret)));
        }
        return new ArrayList<>(forms);
    }

    /** Up to {@code pieces} fillers, each followed by a whole form, the start of one, or the end of one. */
    private static byte[] text(
            Generator generate, List<String> forms, String fillerChars, int fillerLength, int pieces) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int count = generate.between(0, pieces);
        for (int k = 0; k < count; k++) {
            text.writeBytes(generate.string(fillerChars, 0, fillerLength).getBytes(StandardCharsets.UTF_8));
            if (forms.isEmpty() || generate.between(0, 9) == 0) {
                continue;
            }
            byte[] form = FormBytes.encode(generate.pick(forms));
            int cut = generate.between(0, form.length - 1);
            switch (generate.between(0, 2)) {
                case 0 -> text.writeBytes(form);
                case 1 -> text.write(form, 0, cut);
                default -> text.write(form, cut, form.length - cut);
            }
        }
        return text.toByteArray();
    }

    private static void checkAgainstReference(Masker masker, List<String> forms, byte[] input, Writes writes)
            throws IOException {
        boolean[] covered = ReferenceMasking.covered(input, forms);
        byte[] expected = ReferenceMasking.maskedBefore(input, covered, input.length);
        int keptBack = Math.max(masker.longestForm() - 1, 0);
        RecordingOutputStream sink = new RecordingOutputStream();
        MaskingOutputStream out = new MaskingOutputStream(sink, masker);
        int at = 0;
        for (int k = 0; at < input.length; k++) {
            int size = Math.min(writes.sizes().get(k % writes.sizes().size()), input.length - at);
            out.write(input, at, size);
            at += size;
            assertThat(out.heldBack()).isLessThanOrEqualTo(keptBack);
            byte[] passedOn = sink.bytes();
            assertThat(latin1(expected))
                    .as("what was passed on is the start of the masked text")
                    .startsWith(latin1(passedOn));
            byte[] due = ReferenceMasking.maskedBefore(input, covered, Math.max(at - keptBack, 0));
            assertThat(latin1(passedOn))
                    .as("everything before the last %d bytes is passed on at once", keptBack)
                    .startsWith(latin1(due));
            if ((writes.flushes() >>> (k % 64) & 1) != 0) {
                out.flush();
            }
        }
        out.close();
        assertThat(latin1(sink.bytes())).isEqualTo(latin1(expected));
        assertThat(latin1(masker.mask(input))).isEqualTo(latin1(expected));
        for (String form : forms) {
            byte[] bytes = FormBytes.encode(form);
            if (bytes.length >= SecretForms.MIN_FORM_BYTES) {
                assertThat(latin1(sink.bytes())).doesNotContain(latin1(bytes));
            }
        }
    }

    /** One char per byte, so that comparisons are exact even when a cut splits a UTF-8 sequence. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
