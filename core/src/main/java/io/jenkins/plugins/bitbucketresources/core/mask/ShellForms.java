package io.jenkins.plugins.bitbucketresources.core.mask;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The ways shells print a value when tracing ({@code set -x}), listing variables ({@code declare -p}, {@code set}) or
 * quoting it ({@code printf %q}, {@code ${X@Q}}), and what a shell makes of a value pasted into a command as an
 * unquoted word. Each form is the part that stays the same when the value is only part of a longer word, so the quotes
 * around the word are left out.
 */
final class ShellForms {

    /** Characters bash's {@code printf %q} puts a backslash before (a leading {@code ~} or {@code #} aside). */
    private static final String BACKSLASH_ESCAPED = " !\"$&'()*,;<>?[\\]^`{|}";
    /** Characters a backslash keeps literal inside bash's double quotes. */
    private static final String DOUBLE_QUOTE_ESCAPED = "\\$\"`";

    private ShellForms() {}

    /** Every shell form of the value. */
    static void addAll(String value, Collection<String> forms) {
        String bash = bashSingleQuoted(value);
        String doubleQuoted = doubleQuoted(value);
        forms.add(bash);
        // The whole quoted word, as Jenkins masks it: whether a value needed quoting says something about it.
        forms.add("'" + bash + "'");
        forms.add(posixSingleQuoted(value));
        forms.add(ashSingleQuoted(value));
        if (value.endsWith("'")) {
            forms.add(ashSingleQuotedAtEnd(value));
        }
        forms.add(backslashEscaped(value));
        forms.add(doubleQuoted);
        forms.add(backslashesRemoved(value));
        forms.add(caretsRemoved(value));
        // A quoted form quoted once more: `set -x` tracing a word that holds ${X@Q} or the output of declare -p.
        forms.add(bashSingleQuoted(bash));
        forms.add(bashSingleQuoted(doubleQuoted));
        for (boolean octalNonAscii : new boolean[] {false, true}) {
            String ansiC = ansiCQuoted(value, octalNonAscii);
            forms.add(ansiC);
            forms.add(bashSingleQuoted(ansiC));
        }
    }

    /** bash and zsh: {@code 'it'\''s'}. */
    static String bashSingleQuoted(String value) {
        return value.replace("'", "'\\''");
    }

    /** POSIX quoting of each quote alone, as dash's {@code set} and Python's {@code shlex.quote} write it: {@code 'it'"'"'s'}. */
    static String posixSingleQuoted(String value) {
        return value.replace("'", "'\"'\"'");
    }

    /** busybox ash's {@code set -x}: a run of quotes inside one pair of double quotes, {@code 'ab'"''"'cd'}. */
    static String ashSingleQuoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 8);
        int i = 0;
        while (i < value.length()) {
            if (value.charAt(i) != '\'') {
                quoted.append(value.charAt(i++));
                continue;
            }
            int run = i;
            while (run < value.length() && value.charAt(run) == '\'') {
                run++;
            }
            quoted.append("'\"").append(value, i, run).append("\"'");
            i = run;
        }
        return quoted.toString();
    }

    /**
     * busybox ash's {@code set -x} for a word that ends in quotes: it opens no new single-quoted part after the last
     * run, {@code 'ab'"'"}.
     */
    static String ashSingleQuotedAtEnd(String value) {
        String quoted = ashSingleQuoted(value);
        return quoted.endsWith("\"'") ? quoted.substring(0, quoted.length() - 1) : quoted;
    }

    /** bash's {@code printf %q} for values without control characters: {@code it\'s\ a\$}. */
    static String backslashEscaped(String value) {
        return escapeWithBackslash(value, BACKSLASH_ESCAPED);
    }

    /** The inside of bash's double quotes, as {@code declare -p} and {@code export -p} print a value: {@code a\$b\"c}. */
    static String doubleQuoted(String value) {
        return escapeWithBackslash(value, DOUBLE_QUOTE_ESCAPED);
    }

    private static String escapeWithBackslash(String value, String escaped) {
        StringBuilder quoted = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (escaped.indexOf(c) >= 0) {
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
            String escape =
                    switch (c) {
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
                        default ->
                            c < 0x20 || c == 0x7f || (c >= 0x80 && octalNonAscii) ? String.format("\\%03o", c) : null;
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
     * What a shell makes of the value pasted into a command as an unquoted word ({@code sh "echo ${TOKEN}"}): each
     * backslash taken as an escape and removed. A backslash at the very end escapes whatever follows the value, often
     * a line break that it then removes too, so it is left out as well.
     */
    static String backslashesRemoved(String value) {
        return escapesRemoved(value, '\\');
    }

    /**
     * The same for Windows {@code cmd.exe}, whose escape character is the caret: {@code ^&} prints {@code &}, {@code ^^}
     * prints {@code ^}.
     */
    static String caretsRemoved(String value) {
        return escapesRemoved(value, '^');
    }

    private static String escapesRemoved(String value, char escape) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == escape) {
                if (++i == value.length()) {
                    break;
                }
                c = value.charAt(i);
            }
            plain.append(c);
        }
        return plain.toString();
    }
}
