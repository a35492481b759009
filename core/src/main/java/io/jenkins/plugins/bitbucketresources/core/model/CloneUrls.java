package io.jenkins.plugins.bitbucketresources.core.model;

import java.net.URI;
import java.util.Locale;

/**
 * The HTTPS and SSH clone URLs of a repository, derived from the integration's location. They never carry a user
 * name or token: git gets those from a credential helper.
 *
 * <p>Cloud: {@code https://bitbucket.org/ws/repo.git} and {@code git@bitbucket.org:ws/repo.git} (the {@code api.}
 * host stands for its web host). Data Center: {@code <server>/scm/proj/repo.git} and
 * {@code ssh://git@<host>:7999/proj/repo.git}, 7999 being Data Center's default SSH port.
 */
public record CloneUrls(String https, String ssh) {

    public static final int DATA_CENTER_SSH_PORT = 7999;

    public static CloneUrls of(ApiUrl url, Platform platform, SourceName source) {
        URI uri = url.uri();
        if (platform == Platform.CLOUD) {
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            String webHost = host.startsWith("api.") ? host.substring("api.".length()) : host;
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = source.owner() + "/" + source.slug() + ".git";
            return new CloneUrls(
                    uri.getScheme().toLowerCase(Locale.ROOT) + "://" + webHost + port + "/" + path,
                    "git@" + webHost + ":" + path);
        }
        String path = source.owner().toLowerCase(Locale.ROOT) + "/" + source.slug() + ".git";
        return new CloneUrls(
                url.serverBase() + "/scm/" + path,
                "ssh://git@" + uri.getHost() + ":" + DATA_CENTER_SSH_PORT + "/" + path);
    }
}
