package io.jenkins.plugins.bitbucketresources.core.mask;

import java.util.Collection;
import java.util.List;

/**
 * The value inside a JSON string, as the common encoders write it. They all escape {@code "}, {@code \} and control
 * characters, and differ in the rest: whether hexadecimal digits are upper- or lower-case, whether {@code /} is
 * written {@code \/}, whether non-ASCII characters are escaped, and which characters they escape for HTML's sake.
 */
final class JsonForms {

    /** One encoder's choices. */
    record Style(
            boolean upperHex, boolean escapeSlash, boolean asciiOnly, String unicodeEscaped, boolean lineSeparators) {}

    /** The styles of the encoders in common use; several encoders share each one. */
    static final List<Style> STYLES = List.of(
            // JavaScript's JSON.stringify, Python with ensure_ascii=False, serde_json.
            new Style(false, false, false, "", false),
            // Jackson.
            new Style(true, false, false, "", false),
            // Python's json.dumps, which escapes DEL too.
            new Style(false, false, true, "\u007f", false),
            // Jackson with ESCAPE_NON_ASCII.
            new Style(true, false, true, "", false),
            // PHP's json_encode.
            new Style(false, true, true, "", false),
            // PHP's json_encode with JSON_UNESCAPED_UNICODE.
            new Style(false, true, false, "", false),
            // Gson, HTML-safe by default.
            new Style(false, false, false, "<>&='", true),
            // Go's encoding/json.
            new Style(false, false, false, "<>&", true),
            // .NET's System.Text.Json.
            new Style(true, false, true, "\"&'+<>`\u007f", false));

    private JsonForms() {}

    static void addAll(String value, Collection<String> forms) {
        for (Style style : STYLES) {
            forms.add(escaped(value, style));
        }
    }

    /** The inside of the JSON string holding the value, without its quotes. */
    static String escaped(String value, Style style) {
        StringBuilder json = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (style.unicodeEscaped().indexOf(c) >= 0
                    || (c >= 0x80 && style.asciiOnly())
                    || ((c == '\u2028' || c == '\u2029') && style.lineSeparators())) {
                appendUnicode(json, c, style.upperHex());
                continue;
            }
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '/' -> json.append(style.escapeSlash() ? "\\/" : "/");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        appendUnicode(json, c, style.upperHex());
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.toString();
    }

    /** {@code \}{@code uXXXX}; a character beyond the BMP is already two UTF-16 units, each escaped on its own. */
    private static void appendUnicode(StringBuilder json, char c, boolean upperHex) {
        String hex = String.format(upperHex ? "%04X" : "%04x", (int) c);
        json.append("\\u").append(hex);
    }
}
