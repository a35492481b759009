package io.jenkins.plugins.bitbucketresources.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The forms Jenkins masks for a secret today (credentials-binding's pattern factories), restated for the baseline: the
 * secret; bash's {@code '\''} quoting, alone and as a whole quoted word; busybox ash's quoting; the secret with its
 * backslash escapes removed, and with its caret escapes removed when it has a caret; {@code $} doubled when it has one;
 * and its base64, standard and URL-safe, after 0, 1 or 2 bytes, with the padding and without the last partial
 * character. Forms shorter than 3 characters are left out.
 */
final class JenkinsForms {

    private static final int MIN_LENGTH = 3;

    private JenkinsForms() {}

    static Set<String> of(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        if (secret.isEmpty()) {
            return forms;
        }
        String bash = secret.replace("'", "'\\''");
        forms.add(secret);
        forms.add(bash);
        forms.add("'" + bash + "'");
        forms.add(withoutEscapes(secret, '\\'));
        forms.add(ashQuoted(secret));
        if (secret.indexOf('^') >= 0) {
            forms.add(withoutEscapes(secret, '^'));
        }
        if (secret.indexOf('$') >= 0) {
            forms.add(secret.replace("$", "$$"));
        }
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = ("a".repeat(shift) + secret).getBytes(StandardCharsets.UTF_8);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.encodeToString(shifted).substring(2 * shift);
                forms.add(encoded);
                forms.add(withoutPartialEnd(encoded));
            }
        }
        forms.removeIf(form -> form.length() < MIN_LENGTH);
        return forms;
    }

    /** One regular expression for all the forms, as Jenkins compiles it: the longest first, ties in natural order. */
    static Pattern pattern(Collection<String> forms) {
        return Pattern.compile(forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .distinct()
                .map(Pattern::quote)
                .collect(Collectors.joining("|")));
    }

    /** Each escape character removed, and a doubled one kept once. */
    private static String withoutEscapes(String secret, char escape) {
        StringBuilder plain = new StringBuilder(secret.length());
        for (int i = 0; i < secret.length(); i++) {
            if (secret.charAt(i) == escape) {
                i++;
                if (i < secret.length() && secret.charAt(i) == escape) {
                    plain.append(escape);
                    continue;
                }
                if (i == secret.length()) {
                    break;
                }
            }
            plain.append(secret.charAt(i));
        }
        return plain.toString();
    }

    /** Each run of quotes inside one pair of double quotes, between single-quoted parts. */
    private static String ashQuoted(String secret) {
        StringBuilder quoted = new StringBuilder(secret.length() + 8);
        boolean inRun = false;
        for (int i = 0; i < secret.length(); i++) {
            boolean quote = secret.charAt(i) == '\'';
            if (quote && !inRun) {
                quoted.append("'\"");
            } else if (!quote && inRun) {
                quoted.append("\"'");
            }
            quoted.append(secret.charAt(i));
            inRun = quote;
        }
        if (inRun) {
            quoted.append("\"'");
        }
        return quoted.toString();
    }

    /** Without the padding and the character before it, which holds bits of what follows in a longer stream. */
    private static String withoutPartialEnd(String encoded) {
        if (encoded.endsWith("==")) {
            return encoded.substring(0, encoded.length() - 3);
        }
        if (encoded.endsWith("=")) {
            return encoded.substring(0, encoded.length() - 2);
        }
        return encoded;
    }
}
