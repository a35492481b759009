package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Scheme, host and port of a URL: the boundary the token never crosses. A redirect or a next-page link to another
 * origin is refused, including {@code http} to {@code https} on the same host.
 */
record Origin(String scheme, String host, int port) {

    /** The origin of an absolute {@code http(s)} URL; empty for anything else. */
    static Optional<Origin> of(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (scheme.equals("https")) {
            port = port < 0 ? 443 : port;
        } else if (scheme.equals("http")) {
            port = port < 0 ? 80 : port;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
    }

    boolean contains(URI uri) {
        return of(uri).map(this::equals).orElse(false);
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
