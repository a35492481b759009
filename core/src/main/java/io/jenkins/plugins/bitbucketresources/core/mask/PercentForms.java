package io.jenkins.plugins.bitbucketresources.core.mask;

import java.nio.charset.StandardCharsets;

/** A value as it appears in a URL (RFC 3986 percent-encoding) or in a form body ({@code application/x-www-form-urlencoded}). */
final class PercentForms {

    private static final String UPPER_HEX = "0123456789ABCDEF";
    private static final String LOWER_HEX = "0123456789abcdef";

    private PercentForms() {
    }

    /** Every byte outside {@code A-Z a-z 0-9 - . _ ~} as {@code %XX}. */
    static String url(String value, boolean upperCase) {
        return encode(value, upperCase, false);
    }

    /** As {@code java.net.URLEncoder} and HTML forms do: space as {@code +}, {@code *} kept, {@code ~} encoded. */
    static String form(String value, boolean upperCase) {
        return encode(value, upperCase, true);
    }

    private static String encode(String value, boolean upperCase, boolean form) {
        String hex = upperCase ? UPPER_HEX : LOWER_HEX;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isAlphanumeric(c) || c == '-' || c == '.' || c == '_' || (form ? c == '*' : c == '~')) {
                encoded.append((char) c);
            } else if (form && c == ' ') {
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
