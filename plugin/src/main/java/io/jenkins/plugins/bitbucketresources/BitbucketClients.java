package io.jenkins.plugins.bitbucketresources;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.BitbucketClient;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.ClientSettings;
import java.net.http.HttpClient;

/** The engine's Bitbucket client, speaking HTTP the way Jenkins is set up to. */
final class BitbucketClients {

    private BitbucketClients() {}

    /**
     * A client that goes through the proxy Jenkins is configured with and never follows a redirect, so that the token
     * is never sent on to another host.
     */
    static BitbucketClient create() {
        HttpClient http = ProxyConfiguration.newHttpClientBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new BitbucketClient(http, ClientSettings.defaults());
    }
}
