package io.jenkins.plugins.bitbucketresources.core.git;

import io.jenkins.plugins.bitbucketresources.core.env.EnvironmentContract;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One resource's repository and how git authenticates to it. Holds no secret: the token is the resource's
 * {@code <P>_INTEGRATION_TOKEN} variable.
 *
 * @param resource the resource name, for messages
 * @param prefix the resource's variable prefix, which names its token variable
 * @param repositoryUrl the HTTPS clone URL, {@code <P>_HTTPS_URL}
 */
public record GitRoute(String resource, String prefix, String repositoryUrl, GitCredential credential)
        implements Serializable {

    private static final String GIT_SUFFIX = ".git";
    private static final Pattern PREFIX = Pattern.compile("[A-Z_][A-Z0-9_]*");

    public GitRoute {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(credential, "credential");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("`" + prefix + "` is not a variable prefix");
        }
        checkUrl(repositoryUrl);
    }

    /** The variable git's credential helper and the Bearer header take the token from. */
    public String tokenVariable() {
        return prefix + "_" + EnvironmentContract.INTEGRATION_TOKEN;
    }

    /**
     * The URLs whose configuration is set: the clone URL, and the same without {@code .git}, which Bitbucket serves too.
     * git matches each as a prefix ending at a {@code /}, so {@code …/app.git} covers {@code …/app.git/} but neither
     * {@code …/app-tools.git} nor another repository of the host.
     */
    public List<String> scopes() {
        if (repositoryUrl.endsWith(GIT_SUFFIX)) {
            return List.of(repositoryUrl, repositoryUrl.substring(0, repositoryUrl.length() - GIT_SUFFIX.length()));
        }
        return List.of(repositoryUrl);
    }

    /** For a log line: {@code app-repo: https://bitbucket.org/acme/app.git as x-token-auth}; never the token. */
    public String describe() {
        String how =
                credential instanceof GitCredential.Basic basic ? "as " + basic.username() : "with a Bearer header";
        return resource + ": " + repositoryUrl + " " + how;
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the repository URL is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("`" + url + "` is not an http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the repository URL carries a user or credentials; it must not");
        }
        // git reads the URL back out of a configuration key; what could end or bend that key stays out.
        if (uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || url.chars().anyMatch(c -> c <= ' ' || c > '~' || c == '"' || c == '\\')) {
            throw new IllegalArgumentException(
                    "`" + url + "` has a query, fragment or character git configuration cannot hold");
        }
    }
}
