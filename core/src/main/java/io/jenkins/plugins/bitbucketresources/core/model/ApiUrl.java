package io.jenkins.plugins.bitbucketresources.core.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an integration's Bitbucket API lives, as the administrator wrote it: an absolute {@code http} or
 * {@code https} URL without credentials, query or fragment.
 */
public record ApiUrl(String value) {

    public static final String FIELD = "url";
    public static final String CLOUD_API = "https://api.bitbucket.org/2.0";
    private static final String EXAMPLES =
            "e.g. " + CLOUD_API + " for Bitbucket Cloud or https://bitbucket.example.com for Data Center";
    private static final String DATA_CENTER_REST = "/rest/api/1.0";
    private static final int MAX_PORT = 65535;
    /** The port at the end of an authority (an IPv6 address is in brackets, so its colons come before a {@code ]}). */
    private static final Pattern PORT = Pattern.compile(":(\\d+)$");

    public ApiUrl {
        value = validate(value);
    }

    public static ApiUrl parse(String raw) {
        return new ApiUrl(raw);
    }

    public URI uri() {
        return URI.create(value);
    }

    private static String validate(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException(FIELD, "is empty: set the Bitbucket API location, " + EXAMPLES);
        }
        checkPort(text);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidValueException(
                    FIELD, "is not a valid URL (" + e.getReason() + "): write an absolute URL, " + EXAMPLES);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.isEmpty() || uri.isOpaque()) {
            // `bitbucket.example.com:7990` parses with the host as its scheme; what is missing is `https://`.
            throw new InvalidValueException(
                    FIELD, "is not an absolute URL: start it with `https://` (or `http://`), " + EXAMPLES);
        }
        if (!(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidValueException(
                    FIELD,
                    "uses `" + scheme + ":`, not http or https: write the http(s) address of the API, " + EXAMPLES);
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new InvalidValueException(
                    FIELD,
                    "must not carry credentials: remove the `user:password@` part, and put the username in the "
                            + "integration's username field and the token in its token field");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidValueException(
                    FIELD,
                    "has no valid host name (letters, digits, `-` and `.`, then an optional numeric " + "`:port`): "
                            + EXAMPLES);
        }
        if (uri.getRawQuery() != null) {
            throw new InvalidValueException(
                    FIELD,
                    "must not have a query: remove everything from `?` on (tokens belong in the token field, never in the URL)");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidValueException(FIELD, "must not have a fragment: remove everything from `#` on");
        }
        return text;
    }

    /** Before parsing: {@link URI} gives up on a port too long for an int, and accepts any other number. */
    private static void checkPort(String text) {
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            return;
        }
        int end = scheme + 3;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        Matcher port = PORT.matcher(text.substring(scheme + 3, end));
        if (port.find()) {
            String digits = port.group(1);
            // Compared as text first: a port of twenty digits is no number Java parses.
            if (digits.length() > 5 || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > MAX_PORT) {
                throw new InvalidValueException(
                        FIELD,
                        "has the port " + digits + ", which no server listens on: use a port from 1 to " + MAX_PORT
                                + ", or none (https uses 443, http 80), " + EXAMPLES);
            }
        }
    }

    public String host() {
        return uri().getHost();
    }

    /** {@code scheme://host[:port]} with the host as written. */
    public String origin() {
        URI uri = uri();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }

    private String pathWithoutTrailingSlash() {
        String path = uri().getRawPath() == null ? "" : uri().getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /**
     * The base every REST path is appended to: {@code …/2.0} on Cloud, {@code …/rest/api/1.0} on Data Center. The web
     * address {@code https://bitbucket.org} stands for the Cloud API.
     */
    public String restBase(Platform platform) {
        String path = pathWithoutTrailingSlash();
        if (platform == Platform.CLOUD) {
            if (host().equalsIgnoreCase("bitbucket.org")) {
                return CLOUD_API;
            }
            return origin() + (path.isEmpty() ? "/2.0" : path);
        }
        return serverBase() + DATA_CENTER_REST;
    }

    /** Data Center: the server's base URL (with its context path), without a trailing REST path. */
    public String serverBase() {
        String path = pathWithoutTrailingSlash();
        String lower = path.toLowerCase(Locale.ROOT);
        for (String rest : new String[] {DATA_CENTER_REST, "/rest/api/latest"}) {
            if (lower.endsWith(rest)) {
                path = path.substring(0, path.length() - rest.length());
                break;
            }
        }
        return origin() + path;
    }

    @Override
    public String toString() {
        return value;
    }
}
