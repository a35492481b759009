package io.jenkins.plugins.bitbucketresources;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.BitbucketClient;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class BitbucketClientsTest {

    @Test
    void oneClientServesTheControllerUntilTheProxySettingsChange(JenkinsRule j) {
        BitbucketClient direct = BitbucketClients.get();
        assertSame(direct, BitbucketClients.get());

        j.jenkins.setProxy(new ProxyConfiguration("proxy.example.com", 3128));
        BitbucketClient behindProxy = BitbucketClients.get();
        assertNotSame(direct, behindProxy);
        assertSame(behindProxy, BitbucketClients.get());

        j.jenkins.getProxy().setNoProxyHost("bitbucket.example.com");
        BitbucketClient withExceptions = BitbucketClients.get();
        assertNotSame(behindProxy, withExceptions);

        j.jenkins.setProxy(null);
        assertNotSame(withExceptions, BitbucketClients.get());
    }

    @Test
    void formsHaveAClientOfTheirOwnThatFollowsTheProxySettingsToo(JenkinsRule j) {
        BitbucketClient forms = BitbucketClients.forForms();
        assertSame(forms, BitbucketClients.forForms());
        assertNotSame(BitbucketClients.get(), forms);

        j.jenkins.setProxy(new ProxyConfiguration("proxy.example.com", 3128));
        assertNotSame(forms, BitbucketClients.forForms());
    }
}
