package io.jenkins.plugins.bitbucketresources;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.JobAccess;
import io.jenkins.plugins.bitbucketresources.core.model.JobPattern;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Who may use a resource, as configured: {@code allowedJobs} and {@code onlyOwnCheckout} on a resource, the global
 * {@code globalResourcesFolders}, and the token health settings. Forms keep them, the engine gets them, its verdicts
 * show on the forms, and a wrong value changes nothing already saved.
 */
@WithJenkins
class UseRulesConfigurationTest {

    private static final String ADMIN = "admin";
    private static final String CONFIGURER = "configurer";

    private JenkinsRule j;
    private Folder folder;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        folder = Fixtures.folder(j, "team-a");
        Users.signIn(
                j,
                new MockAuthorizationStrategy()
                        .grant(Jenkins.ADMINISTER)
                        .everywhere()
                        .to(ADMIN)
                        .grant(Jenkins.READ, Item.READ)
                        .everywhere()
                        .to(CONFIGURER)
                        .grant(Item.CONFIGURE)
                        .onFolders(folder)
                        .to(CONFIGURER));
    }

    private static BitbucketResource limited() {
        BitbucketResource resource = Fixtures.resource("app-repo", "ciRepo", Fixtures.CREDENTIALS_ID, "acme/app");
        resource.setAllowedJobs(List.of("team-a/**", "release/*", "team b/nightly build"));
        resource.setOnlyOwnCheckout(true);
        return resource;
    }

    /** What {@link JenkinsRule#configRoundtrip()} does, as an administrator: this controller has security on. */
    private void submitGlobalConfiguration() throws Exception {
        j.submit(j.createWebClient().login(ADMIN).goTo("configure").getFormByName("config"));
    }

    @Test
    void theEngineGetsThePatternsAndTheOwnCheckoutRule() {
        Resource resource = limited().toResource().orElseThrow();

        JobAccess access = resource.access();
        assertThat(
                access.allowedJobs().stream().map(JobPattern::value).toList(),
                contains("team-a/**", "release/*", "team b/nightly build"));
        assertTrue(access.onlyOwnCheckout());
        assertTrue(access.firstMatch("team-a/backend/build").isPresent());
        assertFalse(access.firstMatch("team-b/build").isPresent());
    }

    @Test
    void theGlobalConfigurationPageKeepsThePolicyOfEveryResourceAndTheGlobalFolders() throws Exception {
        Fixtures.defineGlobally(limited(), Fixtures.gitRepo("tools", "acme/tools"));
        BitbucketResourcesConfiguration.get().setGlobalResourcesFolders(List.of("team-a", "platform/release"));

        submitGlobalConfiguration();

        List<BitbucketResource> after = BitbucketResourcesConfiguration.get().getResources();
        j.assertEqualDataBoundBeans(limited(), after.get(0));
        j.assertEqualDataBoundBeans(Fixtures.gitRepo("tools", "acme/tools"), after.get(1));
        assertEquals(
                List.of("team-a", "platform/release"),
                BitbucketResourcesConfiguration.get().getGlobalResourcesFolders());
        assertEquals(
                List.of("team-a", "platform/release"),
                BitbucketResourcesConfiguration.get().policy().orElseThrow().folders());
    }

    @Test
    void aFoldersConfigurationPageKeepsThePolicyOfItsResources() throws Exception {
        Fixtures.defineOn(folder, limited());

        j.submit(j.createWebClient().login(ADMIN).getPage(folder, "configure").getFormByName("config"));

        BitbucketResourcesFolderProperty property = folder.getProperties().get(BitbucketResourcesFolderProperty.class);
        j.assertEqualDataBoundBeans(limited(), property.getResources().get(0));
    }

    @Test
    void theFormReadsOnePatternPerLineAndKeepsSpacesInsideNames() throws Exception {
        JSONObject form = new JSONObject()
                .element("name", "app-repo")
                .element("type", "ciRepo")
                .element("credentialsId", Fixtures.CREDENTIALS_ID)
                .element("sourceName", "acme/app")
                .element("allowedJobsText", "team-a/**\r\n\n  release/*  \nteam b/nightly build\n")
                .element("onlyOwnCheckout", true);

        BitbucketResource resource = ExtensionList.lookupSingleton(BitbucketResource.DescriptorImpl.class)
                .newInstance((StaplerRequest2) null, form);

        assertEquals(List.of("team-a/**", "release/*", "team b/nightly build"), resource.getAllowedJobs());
        assertTrue(resource.isOnlyOwnCheckout());
        assertEquals("team-a/**\nrelease/*\nteam b/nightly build", resource.getAllowedJobsText());
    }

    @Test
    void onlyOwnCheckoutOnAnotherTypeIsRefusedWithTheEnginesReason() {
        BitbucketResource resource = Fixtures.gitRepo("tools", "acme/tools");
        resource.setOnlyOwnCheckout(true);

        Validated<Resource> checked = resource.toResource();

        assertFalse(checked.isValid());
        assertEquals(JobAccess.ONLY_OWN_CHECKOUT_FIELD, Problems.firstField(checked));
        InvalidValueException refused =
                assertThrows(InvalidValueException.class, () -> Fixtures.defineGlobally(resource));
        assertThat(refused.getMessage(), containsString("only a ciRepo"));
    }

    @Test
    void theFormChecksShowTheEnginesVerdictsToThoseWhoMayConfigure() {
        BitbucketResource.DescriptorImpl resources =
                ExtensionList.lookupSingleton(BitbucketResource.DescriptorImpl.class);

        FormValidation patterns =
                Users.as(CONFIGURER, () -> resources.doCheckAllowedJobsText(folder, "team-a/**\nbad//name"));
        assertEquals(FormValidation.Kind.ERROR, patterns.kind);
        assertThat(patterns.renderHtml(), containsString("allowedJobs[1]"));
        assertThat(patterns.renderHtml(), containsString("empty name between"));
        assertEquals(
                FormValidation.Kind.OK,
                Users.as(CONFIGURER, () -> resources.doCheckAllowedJobsText(folder, "team-a/**\nrelease/*")).kind);
        assertEquals(
                FormValidation.Kind.WARNING,
                Users.as(CONFIGURER, () -> resources.doCheckAllowedJobsText(folder, "team-a/**\nteam-a/**")).kind);

        FormValidation ownCheckout =
                Users.as(CONFIGURER, () -> resources.doCheckOnlyOwnCheckout(folder, true, "gitRepo"));
        assertEquals(FormValidation.Kind.ERROR, ownCheckout.kind);
        assertThat(ownCheckout.renderHtml(), containsString("only a ciRepo"));
        assertEquals(
                FormValidation.Kind.OK,
                Users.as(CONFIGURER, () -> resources.doCheckOnlyOwnCheckout(folder, true, "ciRepo")).kind);
        assertEquals(
                FormValidation.Kind.OK,
                Users.as(CONFIGURER, () -> resources.doCheckOnlyOwnCheckout(folder, false, "gitRepo")).kind);

        assertEquals(
                FormValidation.Kind.OK,
                Users.as(CONFIGURER, () -> resources.doCheckAllowedJobsText(null, "bad//name")).kind,
                "the global list's form answers administrators only");
        assertEquals(
                FormValidation.Kind.ERROR,
                Users.as(ADMIN, () -> resources.doCheckAllowedJobsText(null, "bad//name")).kind);
    }

    @Test
    void theGlobalFoldersCheckAnswersAdministratorsWithTheEnginesVerdict() {
        BitbucketResourcesConfiguration configuration = BitbucketResourcesConfiguration.get();

        FormValidation pattern =
                Users.as(ADMIN, () -> configuration.doCheckGlobalResourcesFoldersText("team-a\nteam-*"));
        assertEquals(FormValidation.Kind.ERROR, pattern.kind);
        assertThat(pattern.renderHtml(), containsString("is a pattern"));
        assertEquals(
                FormValidation.Kind.OK,
                Users.as(ADMIN, () -> configuration.doCheckGlobalResourcesFoldersText("team-a\nplatform/release"))
                        .kind);
        assertEquals(
                FormValidation.Kind.OK,
                Users.as(CONFIGURER, () -> configuration.doCheckGlobalResourcesFoldersText("team-*")).kind);
    }

    @Test
    void aWrongGlobalFolderKeepsWhatWasSaved() throws Exception {
        BitbucketResourcesConfiguration configuration = BitbucketResourcesConfiguration.get();
        configuration.setGlobalResourcesFolders(List.of("team-a"));
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"));

        Descriptor.FormException refused = assertThrows(
                Descriptor.FormException.class,
                () -> configuration.configure(
                        (StaplerRequest2) null,
                        new JSONObject().element(GlobalPolicy.FIELD + "Text", "team-a\nteam-*")));
        assertThat(refused.getMessage(), containsString("is a pattern"));
        assertThrows(InvalidValueException.class, () -> configuration.setGlobalResourcesFolders(List.of("a//b")));

        assertEquals(List.of("team-a"), configuration.getGlobalResourcesFolders());
        assertEquals(1, configuration.getResources().size());
    }

    @Test
    void emptyingTheGlobalFoldersOpensTheGlobalListToEveryJobAgain() throws Exception {
        BitbucketResourcesConfiguration configuration = BitbucketResourcesConfiguration.get();
        configuration.setGlobalResourcesFolders(List.of("team-a"));

        configuration.configure((StaplerRequest2) null, new JSONObject().element(GlobalPolicy.FIELD + "Text", "\n"));

        assertTrue(configuration.policy().orElseThrow().everyJob());
    }

    @Test
    void theTokenHealthSettingsSurviveTheConfigurationPage() throws Exception {
        TokenHealthConfiguration health = TokenHealthConfiguration.get();
        health.setPeriodicCheck(true);
        health.setCheckIntervalMinutes(30);
        health.setExpiryWarningDays(21);

        submitGlobalConfiguration();

        assertTrue(health.isPeriodicCheck());
        assertEquals(30, health.getCheckIntervalMinutes());
        assertEquals(21, health.getExpiryWarningDays());
        assertEquals(java.time.Duration.ofMinutes(30), health.settings().checkInterval());
    }

    @Test
    void theTokenHealthSettingsAreOffAndHourlyAndTwoWeeksByDefault() {
        TokenHealthConfiguration health = TokenHealthConfiguration.get();

        assertFalse(health.isPeriodicCheck());
        assertEquals(60, health.getCheckIntervalMinutes());
        assertEquals(14, health.getExpiryWarningDays());
    }

    @Test
    void aTokenHealthValueTheEngineRefusesChangesNothing() {
        TokenHealthConfiguration health = TokenHealthConfiguration.get();

        assertThrows(InvalidValueException.class, () -> health.setCheckIntervalMinutes(1));
        assertThrows(InvalidValueException.class, () -> health.setExpiryWarningDays(400));
        Descriptor.FormException refused = assertThrows(
                Descriptor.FormException.class,
                () -> health.configure(
                        (StaplerRequest2) null,
                        new JSONObject()
                                .element("periodicCheck", true)
                                .element("checkIntervalMinutes", "2")
                                .element("expiryWarningDays", "14")));
        assertThat(refused.getMessage(), containsString("checkIntervalMinutes"));
        assertThrows(
                Descriptor.FormException.class,
                () -> health.configure(
                        (StaplerRequest2) null,
                        new JSONObject()
                                .element("periodicCheck", true)
                                .element("checkIntervalMinutes", "an hour")
                                .element("expiryWarningDays", "14")));

        assertFalse(health.isPeriodicCheck());
        assertEquals(60, health.getCheckIntervalMinutes());
        assertEquals(14, health.getExpiryWarningDays());
        assertEquals(FormValidation.Kind.ERROR, Users.as(ADMIN, () -> health.doCheckCheckIntervalMinutes("4")).kind);
        assertEquals(FormValidation.Kind.OK, Users.as(ADMIN, () -> health.doCheckCheckIntervalMinutes("5")).kind);
        assertEquals(FormValidation.Kind.ERROR, Users.as(ADMIN, () -> health.doCheckExpiryWarningDays("-1")).kind);
        assertEquals(FormValidation.Kind.OK, Users.as(CONFIGURER, () -> health.doCheckExpiryWarningDays("-1")).kind);
    }
}
