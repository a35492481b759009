package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.RootElementConfigurator;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.model.Mapping;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void importsTheIntegrationsAndTheGlobalList(JenkinsConfiguredWithCodeRule j) {
        List<BitbucketIntegrationCredentials> integrations = CredentialsProvider.lookupCredentialsInItemGroup(
                BitbucketIntegrationCredentials.class, null, ACL.SYSTEM2);
        BitbucketIntegrationCredentials cloud = integrations.stream()
                .filter(c -> c.getId().equals("bitbucket-cloud"))
                .findFirst()
                .orElseThrow();
        BitbucketIntegrationCredentials dataCenter = integrations.stream()
                .filter(c -> c.getId().equals("bitbucket-dc"))
                .findFirst()
                .orElseThrow();
        assertEquals(TOKEN, cloud.getToken().getPlainText());
        assertEquals("https://api.bitbucket.org/2.0", cloud.getUrl());
        assertEquals("https://git.example.com/bitbucket", dataCenter.getUrl());
        assertEquals("builder", dataCenter.getUsername());
        assertEquals("datacenter", dataCenter.getPlatform());
        assertEquals("personalHttpToken", dataCenter.getKind());
        assertEquals("", cloud.getPlatform());
        assertEquals("", cloud.getKind());
        assertEquals("PROJ/infra", dataCenter.getTestRepository());
        assertEquals("", cloud.getTestRepository());

        List<BitbucketResource> resources =
                BitbucketResourcesConfiguration.get().getResources();
        assertEquals(2, resources.size());
        assertEquals("ciRepo", resources.get(0).getType());
        assertEquals(List.of("v*"), resources.get(0).getTagsOnly());
        assertEquals(true, resources.get(0).isBuildOnPullRequest());
        assertEquals(List.of("v*-rc*"), resources.get(0).getTagsExcept());
        assertEquals(false, resources.get(0).isBuildOnCommit());
        assertEquals(true, resources.get(0).isBuildOnTagPush());
        assertEquals(true, resources.get(0).isBuildOnRelease());
        assertEquals(List.of("release/old-*"), resources.get(1).getBranchesExcept());
        assertEquals(true, resources.get(1).isBuildOnCommit());
        assertEquals(List.of("main", "release/*"), resources.get(1).getBranchesOnly());
        assertEquals(true, resources.get(0).isGitAuth());
        assertEquals(false, resources.get(1).isGitAuth());
        assertEquals(true, resources.get(1).isShipctl());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void exportsTheGlobalListAsItWasWritten(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());

        CNode exported = Util.getUnclassifiedRoot(context).get("bitbucketResources");

        assertEquals(
                Util.toStringFromYamlFile(this, "configuration-as-code-expected.yml"), Util.toYamlString(exported));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void exportsTheTokenEncrypted(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        RootElementConfigurator<?> credentials = ConfiguratorRegistry.get().lookupRootElement("credentials");

        String yaml = Util.toYamlString(describe(credentials, context));
        Mapping cloud = integration(describe(credentials, context), 0);

        assertThat(yaml, not(containsString(TOKEN)));
        assertThat(yaml, not(containsString("BBDC-dc-token-value")));
        assertEquals(TOKEN, Secret.fromString(cloud.getScalarValue("token")).getPlainText());
        assertEquals("bitbucket-cloud", cloud.getScalarValue("id"));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void theIntegrationsSettingsAreExportedAndReadBack(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        RootElementConfigurator<?> credentials = ConfiguratorRegistry.get().lookupRootElement("credentials");
        CNode exported = describe(credentials, context);
        assertEquals("PROJ/infra", integration(exported, 1).getScalarValue("testRepository"));
        assertEquals("datacenter", integration(exported, 1).getScalarValue("platform"));
        assertEquals("personalHttpToken", integration(exported, 1).getScalarValue("kind"));

        ConfigurationAsCode.get()
                .configure(Fixtures.yamlFile(
                        "credentials:\n" + Util.toYamlString(exported).indent(2)));

        BitbucketIntegrationCredentials dataCenter =
                CredentialsProvider.lookupCredentialsInItemGroup(
                                BitbucketIntegrationCredentials.class, null, ACL.SYSTEM2)
                        .stream()
                        .filter(c -> c.getId().equals("bitbucket-dc"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("PROJ/infra", dataCenter.getTestRepository());
        assertEquals("datacenter", dataCenter.getPlatform());
        assertEquals("personalHttpToken", dataCenter.getKind());
        assertEquals("builder", dataCenter.getUsername());
        assertEquals("BBDC-dc-token-value", dataCenter.getToken().getPlainText());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void theExportReadsBackToTheSameConfiguration(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = "unclassified:\n  bitbucketResources:\n"
                + Util.toYamlString(Util.getUnclassifiedRoot(context).get("bitbucketResources"))
                        .indent(4);
        List<BitbucketResource> before = BitbucketResourcesConfiguration.get().getResources();
        BitbucketResourcesConfiguration.get().setResources(List.of());

        ConfigurationAsCode.get().configure(Fixtures.yamlFile(exported));

        List<BitbucketResource> after = BitbucketResourcesConfiguration.get().getResources();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            j.assertEqualDataBoundBeans(before.get(i), after.get(i));
        }
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void aWrongResourceIsRefusedAndTheListKept(JenkinsConfiguredWithCodeRule j) throws Exception {
        String invalid = Objects.requireNonNull(getClass().getResource("configuration-as-code-invalid.yml"))
                .toExternalForm();

        Exception refused =
                assertThrows(Exception.class, () -> ConfigurationAsCode.get().configure(invalid));

        assertThat(Fixtures.messagesOf(refused), containsString("would overwrite or shadow"));
        assertEquals(2, BitbucketResourcesConfiguration.get().getResources().size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // the registry hands out configurators of unknown type
    private static CNode describe(RootElementConfigurator configurator, ConfigurationContext context) throws Exception {
        return configurator.describe(configurator.getTargetComponent(context), context);
    }

    private static Mapping integration(CNode credentials, int index) throws Exception {
        return credentials
                .asMapping()
                .get("system")
                .asMapping()
                .get("domainCredentials")
                .asSequence()
                .get(0)
                .asMapping()
                .get("credentials")
                .asSequence()
                .get(index)
                .asMapping()
                .get("bitbucketIntegration")
                .asMapping();
    }
}
