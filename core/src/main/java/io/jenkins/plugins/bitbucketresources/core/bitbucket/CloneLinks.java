package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Clone links as Bitbucket gives them, made safe to hand out. Bitbucket puts the caller's user name into HTTP(S)
 * links ({@code https://jdoe@bitbucket.org/…}); that goes, so the URL carries no credentials and git asks its
 * credential helper. An SSH link keeps its login user ({@code git@}), which SSH needs and which is no secret; a password
 * in it would go.
 */
final class CloneLinks {

    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._~-]+@[A-Za-z0-9.\\-\\[\\]:]+:[^\\s]+");

    private CloneLinks() {}

    /** The first HTTP(S) and the first SSH link of a repository's {@code links.clone}, made safe. */
    record Pair(Optional<String> http, Optional<String> ssh) {}

    static Pair of(JsonNode repository) {
        Optional<String> http = Optional.empty();
        Optional<String> ssh = Optional.empty();
        JsonNode links = repository.get("links");
        if (links != null && links.isObject() && links.has("clone")) {
            for (JsonNode link : Json.array(links, "clone")) {
                Optional<String> name = Json.text(link, "name");
                Optional<String> href = Json.text(link, "href");
                if (name.isEmpty() || href.isEmpty()) {
                    continue;
                }
                if ((name.get().equalsIgnoreCase("http") || name.get().equalsIgnoreCase("https")) && http.isEmpty()) {
                    http = http(href.get());
                } else if (name.get().equalsIgnoreCase("ssh") && ssh.isEmpty()) {
                    ssh = ssh(href.get());
                }
            }
        }
        return new Pair(http, ssh);
    }

    static Optional<String> http(String href) {
        URI uri;
        try {
            uri = new URI(href.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + hostAndPort(uri) + rest(uri));
    }

    static Optional<String> ssh(String href) {
        String text = href.strip();
        if (SCP_LIKE.matcher(text).matches()) {
            return Optional.of(text);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("ssh") || uri.getHost() == null) {
            return Optional.empty();
        }
        String user = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo().split(":", 2)[0] + "@";
        return Optional.of("ssh://" + user + hostAndPort(uri) + rest(uri));
    }

    private static String hostAndPort(URI uri) {
        String authority = uri.getRawAuthority();
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    private static String rest(URI uri) {
        return (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
