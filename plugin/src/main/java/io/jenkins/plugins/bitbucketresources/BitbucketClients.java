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
 * The engine's Bitbucket clients for this controller: one for builds, one for forms, one for the periodic health check.
 * One client serves every build, so that its cache and its coalescing of identical requests work across them; forms
 * have their own, which tries once within a few seconds and never waits, since a person is waiting on the answer; the
 * health check's asks once and caches nothing, so that a check is one request. All are built again only when the
 * proxy settings change.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class BitbucketClients {

    private final ClientSettings builds =
            ClientSettings.defaults().withProxyAdvice(Messages.BitbucketClients_ProxyAdvice());
    private final ClientSettings forms =
            ClientSettings.forms().withProxyAdvice(Messages.BitbucketClients_ProxyAdvice());
    private final ClientSettings checks =
            ClientSettings.checks().withProxyAdvice(Messages.BitbucketClients_ProxyAdvice());

    private Held held;

    /** The client builds use. */
    @NonNull
    static BitbucketClient get() {
        return ExtensionList.lookupSingleton(BitbucketClients.class).current().builds();
    }

    /** The client of forms, such as <em>Test connection</em>. */
    @NonNull
    static BitbucketClient forForms() {
        return ExtensionList.lookupSingleton(BitbucketClients.class).current().forms();
    }

    /** The client of the periodic health check: one attempt and no cache, so that a check is one request. */
    @NonNull
    static BitbucketClient forChecks() {
        return ExtensionList.lookupSingleton(BitbucketClients.class).current().checks();
    }

    /**
     * The clients, going through the proxy Jenkins is configured with, with the engine's connect timeout, and never
     * following a redirect on their own, so that the token is never sent on to another host.
     */
    private synchronized Held current() {
        ProxyKey proxy = ProxyKey.of(Jenkins.get().getProxy());
        if (held == null || !held.proxy().equals(proxy)) {
            held = new Held(proxy, client(builds), client(forms), client(checks));
        }
        return held;
    }

    private static BitbucketClient client(ClientSettings settings) {
        return new BitbucketClient(
                settings.configure(ProxyConfiguration.newHttpClientBuilder()).build(), settings);
    }

    private record Held(ProxyKey proxy, BitbucketClient builds, BitbucketClient forms, BitbucketClient checks) {}

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
