package io.jenkins.plugins.bitbucketresources.core.mask;

import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * A value inside base64 output, standard and URL-safe.
 *
 * <p>Base64 turns each 3 bytes into 4 characters, so a value that is part of a longer encoded stream comes out
 * differently depending on how many bytes (0, 1 or 2) of its 3-byte group precede it. For each of these alignments
 * the characters made only of the value's own bits are always the same; those that share bits with the bytes around
 * it are not, except at the end of the stream, where the last partial character and the padding are fixed too.
 */
final class Base64Forms {

    private static final List<Base64.Encoder> ALPHABETS = List.of(Base64.getEncoder(), Base64.getUrlEncoder());
    private static final List<Integer> WRAP_WIDTHS = List.of(76, 64);
    private static final List<String> LINE_BREAKS = List.of("\n", "\r\n");

    private Base64Forms() {}

    /** The value anywhere in a base64 stream: three alignments, each inside the stream and at its end with and without padding. */
    static void addAnywhere(byte[] value, Collection<String> forms) {
        for (Base64.Encoder alphabet : ALPHABETS) {
            for (int alignment = 0; alignment < 3; alignment++) {
                add(value, alignment, alphabet, forms);
            }
        }
    }

    /** The value as the whole of a base64 stream, as in an HTTP Basic header, and as its start. */
    static void addWhole(byte[] value, Collection<String> forms) {
        for (Base64.Encoder alphabet : ALPHABETS) {
            add(value, 0, alphabet, forms);
        }
    }

    /**
     * The value as the whole of a base64 stream broken into lines, as the {@code base64} command (76 columns), MIME
     * (76 columns, CRLF) and {@code openssl base64} or PEM (64 columns) print it. Only long values are wrapped; an API
     * token of an Atlassian account is long enough.
     */
    static void addWrapped(byte[] value, Collection<String> forms) {
        String encoded = Base64.getEncoder().encodeToString(value);
        for (int width : WRAP_WIDTHS) {
            if (encoded.length() > width) {
                for (String lineBreak : LINE_BREAKS) {
                    forms.add(wrap(encoded, width, lineBreak));
                }
            }
        }
    }

    private static String wrap(String encoded, int width, String lineBreak) {
        StringBuilder wrapped = new StringBuilder(encoded.length() + encoded.length() / width * lineBreak.length());
        for (int start = 0; start < encoded.length(); start += width) {
            if (start > 0) {
                wrapped.append(lineBreak);
            }
            wrapped.append(encoded, start, Math.min(encoded.length(), start + width));
        }
        return wrapped.toString();
    }

    private static void add(byte[] value, int alignment, Base64.Encoder alphabet, Collection<String> forms) {
        byte[] placed = new byte[alignment + value.length];
        System.arraycopy(value, 0, placed, alignment, value.length);
        String encoded = alphabet.encodeToString(placed);
        // Character j holds bits [6j, 6j + 6) of the stream; the value's bits are [8 * alignment, 8 * (alignment +
        // length)).
        int first = (8 * alignment + 5) / 6;
        int inner = 8 * (alignment + value.length) / 6;
        int padding = encoded.indexOf('=');
        int unpadded = padding < 0 ? encoded.length() : padding;
        if (inner > first) {
            forms.add(encoded.substring(first, inner));
        }
        forms.add(encoded.substring(first, unpadded));
        forms.add(encoded.substring(first));
        if (alignment == 2 && inner > first + 1) {
            // Jenkins starts these one character later, leaving out the first one made only of the value's bits. Its
            // shorter forms are masked too, so that whatever Jenkins masks stays masked here.
            forms.add(encoded.substring(first + 1, inner));
            forms.add(encoded.substring(first + 1));
        }
    }
}
