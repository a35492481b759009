package io.jenkins.plugins.bitbucketresources.core.mask;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The ways shells print a value when tracing ({@code set -x}) or quoting it ({@code printf %q}), and the ways a value
 * written with backslashes comes out once a shell or {@code echo} has interpreted them. Each form is the part that
 * stays the same when the value is only part of a longer word, so surrounding quotes are left out.
 */
final class ShellForms {

    /** Characters bash's {@code printf %q} puts a backslash before (a leading {@code ~} or {@code #} aside). */
    private static final String BACKSLASH_ESCAPED = " !\"$&'()*,;<>?[\\]^`{|}";

    private ShellForms() {
    }

    /** bash and zsh: {@code 'it'\''s'}. */
    static String bashSingleQuoted(String value) {
        return value.replace("'", "'\\''");
    }

    /** POSIX sh, busybox ash, Python's {@code shlex.quote}: {@code 'it'"'"'s'}. */
    static String posixSingleQuoted(String value) {
        return value.replace("'", "'\"'\"'");
    }

    /** bash's {@code printf %q} for values without control characters: {@code it\'s\ a\$}. */
    static String backslashEscaped(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (BACKSLASH_ESCAPED.indexOf(c) >= 0) {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }

    /**
     * The inside of bash's {@code $'…'} quoting, which {@code set -x} and {@code printf %q} use once a value holds a
     * control character. Outside a UTF-8 locale bash also writes every non-ASCII byte as an octal escape.
     */
    static String ansiCQuoted(String value, boolean octalNonAscii) {
        ByteArrayOutputStream quoted = new ByteArrayOutputStream(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            String escape = switch (c) {
                case '\\' -> "\\\\";
                case '\'' -> "\\'";
                case 7 -> "\\a";
                case 8 -> "\\b";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case 11 -> "\\v";
                case 12 -> "\\f";
                case '\r' -> "\\r";
                case 27 -> "\\E";
                default -> c < 0x20 || c == 0x7f || (c >= 0x80 && octalNonAscii) ? String.format("\\%03o", c) : null;
            };
            if (escape == null) {
                quoted.write(c);
            } else {
                quoted.writeBytes(escape.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return quoted.toString(StandardCharsets.UTF_8);
    }

    /**
     * What {@code echo -e}, dash's {@code echo} and {@code printf %b} print for a value holding backslash escapes:
     * {@code \n}, {@code \t} and the like become the characters they name.
     */
    static String escapesInterpreted(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                plain.append(c);
                continue;
            }
            char next = value.charAt(i + 1);
            int named = switch (next) {
                case '\\' -> '\\';
                case 'a' -> 7;
                case 'b' -> 8;
                case 'e', 'E' -> 27;
                case 'f' -> 12;
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'v' -> 11;
                default -> -1;
            };
            if (named < 0) {
                plain.append(c);
            } else {
                plain.append((char) named);
                i++;
            }
        }
        return plain.toString();
    }

    /** What a shell makes of the value as an unquoted word ({@code sh -c "echo $TOKEN"}): each backslash removed. */
    static String backslashesRemoved(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                i++;
                c = value.charAt(i);
            }
            plain.append(c);
        }
        return plain.toString();
    }
}
