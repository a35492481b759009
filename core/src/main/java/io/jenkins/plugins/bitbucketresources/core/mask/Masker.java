package io.jenkins.plugins.bitbucketresources.core.mask;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Replaces every occurrence of a set of forms with {@value #REPLACEMENT}; overlapping or adjacent occurrences become a
 * single {@value #REPLACEMENT}. The forms are compiled once into a byte automaton whose cost per byte does not grow
 * with their number. Immutable and thread-safe: one masker can serve any number of streams at once.
 */
public final class Masker {

    public static final String REPLACEMENT = "****";

    private final Automaton automaton;

    private Masker(Automaton automaton) {
        this.automaton = automaton;
    }

    /**
     * A masker for exactly these forms (no encodings of them are added), for instance the forms {@link SecretForms}
     * computed elsewhere. A form stands for its UTF-8 bytes, except that a lone surrogate {@code U+DC80}–{@code U+DCFF}
     * stands for the single byte 0x80–0xFF (see {@link SecretForms}). Forms shorter than
     * {@value SecretForms#MIN_FORM_BYTES} bytes are ignored.
     */
    public static Masker of(Collection<String> forms) {
        return new Masker(Automaton.compile(utf8(forms)));
    }

    /** A masker whose automaton keeps as few dense states as it can, so that tests reach the sparse ones. */
    static Masker sparse(Collection<String> forms) {
        return new Masker(Automaton.compile(utf8(forms), 0));
    }

    private static List<byte[]> utf8(Collection<String> forms) {
        List<byte[]> bytes = new ArrayList<>(forms.size());
        for (String form : forms) {
            byte[] encoded = FormBytes.encode(
                    Objects.requireNonNull(form, "forms: a form is null; pass only the texts to mask"));
            if (encoded.length >= SecretForms.MIN_FORM_BYTES) {
                bytes.add(encoded);
            }
        }
        return bytes;
    }

    /** A masker for every {@linkplain SecretForms form} of these secrets. */
    public static Masker forSecrets(Collection<MaskedSecret> secrets) {
        List<String> forms = new ArrayList<>();
        for (MaskedSecret secret : secrets) {
            forms.addAll(SecretForms.of(Objects.requireNonNull(secret, "secrets: a secret is null")));
        }
        return of(forms);
    }

    /** A stream that masks what is written to it before passing it on; see {@link MaskingOutputStream}. */
    public OutputStream wrap(OutputStream out) {
        return new MaskingOutputStream(out, this);
    }

    /** The text with every form masked, for a message or any other one-off string. */
    public String mask(String text) {
        return new String(mask(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    public byte[] mask(byte[] bytes) {
        ByteArrayOutputStream masked = new ByteArrayOutputStream(bytes.length);
        try (OutputStream out = wrap(masked)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return masked.toByteArray();
    }

    /** The length of the longest form in bytes, 0 when there is none. */
    public int longestForm() {
        return automaton.longest;
    }

    /** How many forms it masks, each once however often it was given. */
    public int formCount() {
        return automaton.formCount;
    }

    /** Roughly how much memory it takes, in bytes: its automaton's tables. */
    public long footprint() {
        return automaton.footprint();
    }

    /** Whether there is nothing to mask. */
    public boolean isEmpty() {
        return automaton.isEmpty();
    }

    Automaton automaton() {
        return automaton;
    }

    @Override
    public String toString() {
        return "Masker[forms=" + automaton.formCount + ", longest=" + automaton.longest + "]";
    }
}
