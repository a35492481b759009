package io.jenkins.plugins.bitbucketresources.core.mask;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * What {@code echo -e}, {@code printf %b} and dash's {@code echo} print for a value holding backslash escapes: the
 * bytes the escapes stand for. The shells read them differently, so each way is a form of its own; a value without a
 * backslash gives the value itself every time.
 */
final class EscapeForms {

    /** How one program reads the escapes. */
    enum Dialect {
        /** bash {@code echo -e}: octal only as {@code \0nnn}; {@code \xHH}, <code>&#92;uHHHH</code>, <code>&#92;UHHHHHHHH</code>. */
        BASH_ECHO(true, false, false, true, true),
        /** bash {@code printf %b}: also octal as {@code \nnn}. */
        BASH_PRINTF(true, true, false, true, true),
        /** dash {@code echo} and {@code printf %b}: octal both ways, no hexadecimal. */
        DASH(false, true, false, false, false),
        /** busybox {@code echo -e} and {@code printf %b}: octal digits only while the value fits a byte; {@code \xHH}. */
        BUSYBOX(false, true, true, true, false);

        /** {@code \E} as ESC, besides {@code \e}. */
        final boolean capitalE;
        /** {@code \1} to {@code \7} start an octal escape, not only {@code \0}. */
        final boolean octalWithoutZero;
        /** Octal digits are read only while the value stays below 256; otherwise up to three, the value taken modulo 256. */
        final boolean octalWithinByte;

        final boolean hexadecimal;
        final boolean unicode;

        Dialect(
                boolean capitalE,
                boolean octalWithoutZero,
                boolean octalWithinByte,
                boolean hexadecimal,
                boolean unicode) {
            this.capitalE = capitalE;
            this.octalWithoutZero = octalWithoutZero;
            this.octalWithinByte = octalWithinByte;
            this.hexadecimal = hexadecimal;
            this.unicode = unicode;
        }
    }

    private EscapeForms() {}

    static void addAll(String value, Collection<String> forms) {
        if (value.indexOf('\\') < 0) {
            return;
        }
        for (Dialect dialect : Dialect.values()) {
            forms.add(interpreted(value, dialect));
        }
    }

    /** What the program prints for the value; {@code \c} ends the output. */
    static String interpreted(String value, Dialect dialect) {
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int i = 0;
        while (i < in.length) {
            if (in[i] != '\\' || i + 1 == in.length) {
                out.write(in[i++]);
                continue;
            }
            int next = in[i + 1];
            if (next == 'c') {
                break;
            }
            int named = named(next, dialect);
            if (named >= 0) {
                out.write(named);
                i += 2;
            } else if (next >= '0' && next <= '7' && (next == '0' || dialect.octalWithoutZero)) {
                i = octal(in, i + 1, dialect, out);
            } else if (next == 'x' && dialect.hexadecimal && hexDigits(in, i + 2, 2) > 0) {
                int digits = hexDigits(in, i + 2, 2);
                out.write(Integer.parseInt(new String(in, i + 2, digits, StandardCharsets.US_ASCII), 16));
                i += 2 + digits;
            } else if ((next == 'u' || next == 'U')
                    && dialect.unicode
                    && hexDigits(in, i + 2, next == 'u' ? 4 : 8) > 0) {
                int digits = hexDigits(in, i + 2, next == 'u' ? 4 : 8);
                writeCodePoint(Long.parseLong(new String(in, i + 2, digits, StandardCharsets.US_ASCII), 16), out);
                i += 2 + digits;
            } else {
                // Not an escape this program knows: printed as written, backslash included.
                out.write('\\');
                i++;
            }
        }
        return FormBytes.decode(out.toByteArray());
    }

    private static int named(int c, Dialect dialect) {
        return switch (c) {
            case '\\' -> '\\';
            case 'a' -> 7;
            case 'b' -> 8;
            case 'e' -> 27;
            case 'E' -> dialect.capitalE ? 27 : -1;
            case 'f' -> 12;
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 11;
            default -> -1;
        };
    }

    /** Reads the octal escape whose first digit is at {@code at}, writes its byte, and returns the index after it. */
    private static int octal(byte[] in, int at, Dialect dialect, ByteArrayOutputStream out) {
        int i = at;
        // After \0, bash and dash read up to three more digits; after \1 to \7, two more. busybox skips a leading 0.
        int maxDigits = in[at] == '0' && !dialect.octalWithinByte ? 4 : 3;
        if (in[at] == '0' && dialect.octalWithinByte) {
            i++;
        }
        int end = Math.min(in.length, at + maxDigits + (i - at));
        int value = 0;
        while (i < end && in[i] >= '0' && in[i] <= '7') {
            int next = value * 8 + (in[i] - '0');
            if (dialect.octalWithinByte && next > 255) {
                break;
            }
            value = next;
            i++;
        }
        out.write(value & 0xff);
        return i;
    }

    private static int hexDigits(byte[] in, int at, int max) {
        int count = 0;
        while (count < max && at + count < in.length && Character.digit(in[at + count], 16) >= 0) {
            count++;
        }
        return count;
    }

    /**
     * bash writes any value the way UTF-8 was first defined, in up to six bytes, even one that is no character (a
     * surrogate, or beyond U+10FFFF), and nothing for a value of 2^31 or more.
     */
    private static void writeCodePoint(long value, ByteArrayOutputStream out) {
        if (value < 0x80) {
            out.write((int) value);
            return;
        }
        if (value >= 0x80000000L) {
            return;
        }
        int continuation = 1;
        while (continuation < 5 && value >= 1L << (5 * continuation + 6)) {
            continuation++;
        }
        int lead = 0xff << (7 - continuation) & 0xff;
        out.write((int) (lead | value >> 6 * continuation));
        for (int k = continuation - 1; k >= 0; k--) {
            out.write((int) (0x80 | value >> 6 * k & 0x3f));
        }
    }
}
