package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request URL under an integration's REST base. Every path segment and query value is percent-encoded as a whole,
 * so a branch {@code feature/x} stays one segment ({@code feature%2Fx}) and nothing a user typed can change the path.
 */
final class Url {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String base;
    private final List<String> segments = new ArrayList<>();
    private final List<String> query = new ArrayList<>();

    private Url(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static Url under(String restBase) {
        return new Url(restBase);
    }

    Url path(String... parts) {
        for (String part : parts) {
            segments.add(encode(part));
        }
        return this;
    }

    Url query(String name, String value) {
        query.add(encode(name) + "=" + encode(value));
        return this;
    }

    URI build() {
        StringBuilder out = new StringBuilder(base);
        for (String segment : segments) {
            out.append('/').append(segment);
        }
        if (!query.isEmpty()) {
            out.append('?').append(String.join("&", query));
        }
        return URI.create(out.toString());
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String encode(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** The same URL with the query parameter {@code name} set to {@code value} (replaced if present). */
    static URI withQuery(URI uri, String name, String value) {
        String prefix = encode(name) + "=";
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!pair.startsWith(prefix) && !pair.isEmpty()) {
                    kept.add(pair);
                }
            }
        }
        kept.add(prefix + encode(value));
        String text = uri.toString();
        int cut = text.indexOf('?');
        return URI.create((cut < 0 ? text : text.substring(0, cut)) + "?" + String.join("&", kept));
    }
}
