package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.ProxyConfiguration;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.BitbucketClient;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.ClientSettings;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The engine's Bitbucket client for this controller. One client serves every build and form, so that its cache and
 * its coalescing of identical requests work across them; it is built again only when the proxy settings change.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class BitbucketClients {

    private final ClientSettings settings = ClientSettings.defaults();

    private Held held;

    /** The client of this controller. */
    @NonNull
    static BitbucketClient get() {
        return ExtensionList.lookupSingleton(BitbucketClients.class).client();
    }

    /**
     * The client, going through the proxy Jenkins is configured with, with the engine's connect timeout, and never
     * following a redirect on its own, so that the token is never sent on to another host.
     */
    @NonNull
    synchronized BitbucketClient client() {
        ProxyKey proxy = ProxyKey.of(Jenkins.get().getProxy());
        if (held == null || !held.proxy().equals(proxy)) {
            held = new Held(
                    proxy,
                    new BitbucketClient(
                            settings.configure(ProxyConfiguration.newHttpClientBuilder())
                                    .build(),
                            settings));
        }
        return held.client();
    }

    private record Held(ProxyKey proxy, BitbucketClient client) {}

    /**
     * What the HTTP client takes from the proxy settings when it is built. The settings object itself is compared by
     * identity: saving the proxy form replaces it, and its authenticator reads the password of the object it belongs
     * to.
     */
    private record ProxyKey(
            @CheckForNull ProxyConfiguration configuration,
            @CheckForNull String name,
            int port,
            @CheckForNull String noProxyHost,
            @CheckForNull String userName) {

        static ProxyKey of(@CheckForNull ProxyConfiguration configuration) {
            return configuration == null
                    ? new ProxyKey(null, null, 0, null, null)
                    : new ProxyKey(
                            configuration,
                            configuration.getName(),
                            configuration.getPort(),
                            configuration.getNoProxyHost(),
                            configuration.getUserName());
        }
    }
}
