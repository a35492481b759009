package io.jenkins.plugins.bitbucketresources;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Configuration as code of who may use a resource ({@code allowedJobs}, {@code onlyOwnCheckout},
 * {@code globalResourcesFolders}) and of token health ({@code bitbucketTokenHealth}): import, export as written,
 * round trip, and values the engine refuses.
 */
@WithJenkinsConfiguredWithCode
class AdministrationConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("administration.yml")
    void importsThePolicyAndTheHealthSettings(JenkinsConfiguredWithCodeRule j) {
        BitbucketResourcesConfiguration resources = BitbucketResourcesConfiguration.get();
        assertEquals(List.of("team-a", "platform/release"), resources.getGlobalResourcesFolders());
        BitbucketResource appRepo = resources.getResources().get(0);
        assertEquals(List.of("team-a/**", "release/*"), appRepo.getAllowedJobs());
        assertTrue(appRepo.isOnlyOwnCheckout());
        assertTrue(resources.getResources().get(1).getAllowedJobs().isEmpty());
        assertFalse(resources.getResources().get(1).isOnlyOwnCheckout());

        TokenHealthConfiguration health = TokenHealthConfiguration.get();
        assertTrue(health.isPeriodicCheck());
        assertEquals(30, health.getCheckIntervalMinutes());
        assertEquals(21, health.getExpiryWarningDays());
    }

    @Test
    @ConfiguredWithCode("administration.yml")
    void exportsThemAsTheyWereWritten(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());

        assertEquals(
                Util.toStringFromYamlFile(this, "administration-expected-resources.yml"),
                Util.toYamlString(Util.getUnclassifiedRoot(context).get("bitbucketResources")));
        assertEquals(
                Util.toStringFromYamlFile(this, "administration-expected-health.yml"),
                Util.toYamlString(Util.getUnclassifiedRoot(context).get("bitbucketTokenHealth")));
    }

    @Test
    @ConfiguredWithCode("administration.yml")
    void theExportReadsBackToTheSameConfiguration(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = "unclassified:\n  bitbucketResources:\n"
                + Util.toYamlString(Util.getUnclassifiedRoot(context).get("bitbucketResources"))
                        .indent(4)
                + "  bitbucketTokenHealth:\n"
                + Util.toYamlString(Util.getUnclassifiedRoot(context).get("bitbucketTokenHealth"))
                        .indent(4);
        List<BitbucketResource> before = BitbucketResourcesConfiguration.get().getResources();
        BitbucketResourcesConfiguration.get().setResources(List.of());
        BitbucketResourcesConfiguration.get().setGlobalResourcesFolders(List.of());
        TokenHealthConfiguration.get().setPeriodicCheck(false);
        TokenHealthConfiguration.get().setCheckIntervalMinutes(60);
        TokenHealthConfiguration.get().setExpiryWarningDays(14);

        ConfigurationAsCode.get().configure(Fixtures.yamlFile(exported));

        List<BitbucketResource> after = BitbucketResourcesConfiguration.get().getResources();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            j.assertEqualDataBoundBeans(before.get(i), after.get(i));
        }
        assertEquals(
                List.of("team-a", "platform/release"),
                BitbucketResourcesConfiguration.get().getGlobalResourcesFolders());
        assertTrue(TokenHealthConfiguration.get().isPeriodicCheck());
        assertEquals(30, TokenHealthConfiguration.get().getCheckIntervalMinutes());
        assertEquals(21, TokenHealthConfiguration.get().getExpiryWarningDays());
    }

    @Test
    @ConfiguredWithCode("administration.yml")
    void anIntervalTheEngineRefusesIsReportedAndTheSettingKept(JenkinsConfiguredWithCodeRule j) {
        Exception refused = assertThrows(
                Exception.class,
                () -> ConfigurationAsCode.get().configure(resource("administration-invalid-interval.yml")));

        assertThat(Fixtures.messagesOf(refused), containsString("5 to 10080 minutes"));
        assertEquals(30, TokenHealthConfiguration.get().getCheckIntervalMinutes());
    }

    @Test
    @ConfiguredWithCode("administration.yml")
    void aPatternAsGlobalFolderIsReportedAndTheFoldersKept(JenkinsConfiguredWithCodeRule j) {
        Exception refused = assertThrows(
                Exception.class,
                () -> ConfigurationAsCode.get().configure(resource("administration-invalid-folder.yml")));

        assertThat(Fixtures.messagesOf(refused), containsString("is a pattern"));
        assertEquals(
                List.of("team-a", "platform/release"),
                BitbucketResourcesConfiguration.get().getGlobalResourcesFolders());
    }

    @Test
    @ConfiguredWithCode("administration.yml")
    void onlyOwnCheckoutOnAGitRepoIsReportedAndTheListKept(JenkinsConfiguredWithCodeRule j) {
        Exception refused = assertThrows(
                Exception.class,
                () -> ConfigurationAsCode.get().configure(resource("administration-invalid-own-checkout.yml")));

        assertThat(Fixtures.messagesOf(refused), containsString("only a ciRepo"));
        assertEquals(2, BitbucketResourcesConfiguration.get().getResources().size());
    }

    private String resource(String name) {
        return Objects.requireNonNull(getClass().getResource(name)).toExternalForm();
    }
}
