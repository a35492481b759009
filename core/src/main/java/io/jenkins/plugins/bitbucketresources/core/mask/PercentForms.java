package io.jenkins.plugins.bitbucketresources.core.mask;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * A value percent-encoded, as URLs and form bodies carry it. Every encoder writes the bytes outside letters and digits
 * as {@code %XX}, except a few punctuation characters that each leaves alone, and some write a space as {@code +}.
 */
final class PercentForms {

    /** The characters one encoder leaves as they are, besides ASCII letters and digits, and whether it writes a space as {@code +}. */
    record Style(String kept, boolean spaceAsPlus) {}

    static final List<Style> STYLES = List.of(
            // RFC 3986's unreserved characters: curl, Python's quote(safe='').
            new Style("-._~", false),
            // java.net.URLEncoder and HTML forms (application/x-www-form-urlencoded).
            new Style("-._*", true),
            // JavaScript's encodeURIComponent.
            new Style("-_.!~*'()", false),
            // JavaScript's encodeURI, for a value inside a whole URL.
            new Style("-_.!~*'();,/?:@&=+$#", false),
            // Python's urllib.parse.quote, which keeps '/' by default.
            new Style("-._~/", false),
            // Python's quote_plus and Go's url.QueryEscape.
            new Style("-._~", true));

    private static final String UPPER_HEX = "0123456789ABCDEF";
    private static final String LOWER_HEX = "0123456789abcdef";

    private PercentForms() {}

    /** Each style with upper- and lower-case hexadecimal digits. */
    static void addAll(String value, Collection<String> forms) {
        for (Style style : STYLES) {
            forms.add(encoded(value, style, true));
            forms.add(encoded(value, style, false));
        }
    }

    static String encoded(String value, Style style, boolean upperCase) {
        String hex = upperCase ? UPPER_HEX : LOWER_HEX;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isAlphanumeric(c) || (c < 0x80 && style.kept().indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else if (c == ' ' && style.spaceAsPlus()) {
                encoded.append('+');
            } else {
                encoded.append('%').append(hex.charAt(c >> 4)).append(hex.charAt(c & 0xf));
            }
        }
        return encoded.toString();
    }

    private static boolean isAlphanumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
