package io.jenkins.plugins.bitbucketresources.core.revision;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a git remote points, reduced to what identifies the repository: the transport ({@code http} for http and
 * https, {@code ssh} for ssh URLs and git's scp-like shorthand), the host and the path, lower-cased, without user,
 * port, trailing {@code /} or {@code .git}. {@code https://x-token-auth@bitbucket.org/Acme/App.git} and
 * {@code http://bitbucket.org/acme/app} are the same repository, and so are {@code git@bitbucket.org:acme/app.git} and
 * {@code ssh://git@bitbucket.org/acme/app.git}. The transport stays part of the address because Bitbucket Data Center
 * serves one repository under different paths over HTTPS ({@code /scm/proj/app}) and SSH ({@code /proj/app}).
 */
record RepositoryAddress(String transport, String host, String path) {

    static final String HTTP = "http";
    static final String SSH = "ssh";

    static Optional<RepositoryAddress> parse(String remote) {
        String text = remote.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.contains("://")) {
            return fromUri(text);
        }
        return fromScpLike(text);
    }

    private static Optional<RepositoryAddress> fromUri(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String transport = scheme.equals("http") || scheme.equals("https") ? HTTP : scheme;
            if (uri.getHost() == null || uri.getRawPath() == null) {
                return Optional.empty();
            }
            return of(transport, uri.getHost(), uri.getRawPath());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code [user@]host:path}, git's shorthand for SSH. */
    private static Optional<RepositoryAddress> fromScpLike(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String authority = text.substring(0, colon);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        return host.isEmpty() || host.contains("/") ? Optional.empty() : of(SSH, host, text.substring(colon + 1));
    }

    private static Optional<RepositoryAddress> of(String transport, String host, String rawPath) {
        String path = rawPath.toLowerCase(Locale.ROOT);
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - ".git".length());
        }
        return path.isEmpty()
                ? Optional.empty()
                : Optional.of(new RepositoryAddress(transport, host.toLowerCase(Locale.ROOT), path));
    }
}
