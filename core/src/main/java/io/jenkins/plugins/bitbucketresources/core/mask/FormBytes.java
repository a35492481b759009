package io.jenkins.plugins.bitbucketresources.core.mask;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How a form, which is text, stands for bytes. Most forms are UTF-8 text, but a program decoding escapes can print
 * bytes that are not ({@code printf %b '\351'} prints the single byte 0xE9). Such a byte {@code b} is carried in the
 * text as the lone surrogate {@code U+DC00 + b}, the convention of Python's {@code surrogateescape}: a lone surrogate
 * has no UTF-8 encoding of its own, so it cannot be confused with a character of a secret.
 */
final class FormBytes {

    private static final int ESCAPE_BASE = 0xDC00;

    private FormBytes() {}

    /** The bytes a form stands for: UTF-8, except that each escaped byte is itself. */
    static byte[] encode(String form) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(form.length() + 8);
        int i = 0;
        while (i < form.length()) {
            char c = form.charAt(i);
            if (isEscapedByte(form, i)) {
                bytes.write(c - ESCAPE_BASE);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < form.length() && !isEscapedByte(form, end)) {
                end++;
            }
            bytes.writeBytes(form.substring(i, end).getBytes(StandardCharsets.UTF_8));
            i = end;
        }
        return bytes.toByteArray();
    }

    /** The form standing for these bytes: their UTF-8 text, with every byte that is not part of a UTF-8 character escaped. */
    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // Each byte gives at most one char (a 4-byte character gives two), so the output never overflows.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            for (int k = 0; k < result.length(); k++) {
                out.put((char) (ESCAPE_BASE + (in.get() & 0xff)));
            }
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** A lone low surrogate in the escape range (a low surrogate after a high one is half of a character). */
    private static boolean isEscapedByte(String form, int i) {
        char c = form.charAt(i);
        return c >= ESCAPE_BASE + 0x80
                && c <= ESCAPE_BASE + 0xff
                && (i == 0 || !Character.isHighSurrogate(form.charAt(i - 1)));
    }
}
