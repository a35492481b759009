package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.BitbucketClient;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.ClientSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP client of the command line: no automatic redirects (the Bitbucket client follows them itself, on the same
 * host only), and the proxy the environment names, as curl and git read it: {@code HTTPS_PROXY}, {@code HTTP_PROXY}
 * and {@code NO_PROXY}, in upper or lower case.
 */
final class HttpClients {

    /** Follows the engine's message when a proxy asks for credentials: what this command line sends a proxy. */
    static final String PROXY_ADVICE =
            "The command line takes its proxy from HTTPS_PROXY or HTTP_PROXY and sends it no credentials: "
                    + "use a proxy that lets this machine through without them, or list the Bitbucket host in NO_PROXY to reach it directly.";

    private HttpClients() {}

    /** The engine's Bitbucket client over this HTTP client, with the terminal's settings: the one every command uses. */
    static BitbucketClient bitbucketClient(Terminal terminal) {
        ClientSettings settings = terminal.clientSettings();
        return new BitbucketClient(create(terminal.environment(), settings), settings);
    }

    private static HttpClient create(Map<String, String> environment, ClientSettings settings) {
        HttpClient.Builder builder = settings.configure(HttpClient.newBuilder());
        new EnvironmentProxies(environment).selector().ifPresent(builder::proxy);
        return builder.build();
    }

    /** Proxies from the environment; a host listed in {@code NO_PROXY} (or a subdomain of one) goes direct. */
    record EnvironmentProxies(Map<String, String> environment) {

        Optional<ProxySelector> selector() {
            if (proxyFor("https").isEmpty() && proxyFor("http").isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    if (bypass(uri.getHost())) {
                        return List.of(Proxy.NO_PROXY);
                    }
                    return proxyFor(uri.getScheme())
                            .map(address -> List.of(new Proxy(Proxy.Type.HTTP, address)))
                            .orElse(List.of(Proxy.NO_PROXY));
                }

                @Override
                public void connectFailed(URI uri, SocketAddress address, IOException e) {
                    // The request fails and the Bitbucket client reports the host as unreachable.
                }
            });
        }

        Optional<InetSocketAddress> proxyFor(String scheme) {
            String key = scheme.toLowerCase(Locale.ROOT) + "_proxy";
            return variable(key).flatMap(HttpClients::address);
        }

        boolean bypass(String host) {
            if (host == null) {
                return false;
            }
            String lower = host.toLowerCase(Locale.ROOT);
            return variable("no_proxy").stream()
                    .flatMap(list -> Arrays.stream(list.split(",")))
                    .map(entry -> entry.strip().toLowerCase(Locale.ROOT))
                    .filter(entry -> !entry.isEmpty())
                    .anyMatch(entry -> entry.equals("*")
                            || lower.equals(entry.replaceFirst("^\\.", ""))
                            || lower.endsWith(entry.startsWith(".") ? entry : "." + entry));
        }

        private Optional<String> variable(String lowerName) {
            return Optional.ofNullable(environment.get(lowerName))
                    .or(() -> Optional.ofNullable(environment.get(lowerName.toUpperCase(Locale.ROOT))))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty());
        }
    }

    /** {@code http://host:port}, {@code host:port} or {@code host} (port 80). */
    static Optional<InetSocketAddress> address(String value) {
        try {
            URI uri = URI.create(value.contains("://") ? value : "http://" + value);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(
                    InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
