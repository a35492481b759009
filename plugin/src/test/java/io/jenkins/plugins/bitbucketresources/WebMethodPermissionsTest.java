package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.cloudIntegration;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.ExtensionList;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import java.util.List;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every web method of the plugin's forms, as an anonymous user, a user who may only read, a user who may configure
 * the folder, and an administrator.
 */
@WithJenkins
class WebMethodPermissionsTest {

    private static final String ANONYMOUS = null;
    private static final String READER = "reader";
    private static final String CONFIGURER = "configurer";
    private static final String ADMIN = "admin";

    private Folder folder;
    private BitbucketResource.DescriptorImpl resources;
    private BitbucketIntegrationCredentialsImpl.DescriptorImpl integrations;

    @BeforeEach
    void security(JenkinsRule j) throws Exception {
        folder = Fixtures.folder(j, "team-a");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to(READER, CONFIGURER)
                .grant(Item.CONFIGURE)
                .onFolders(folder)
                .to(CONFIGURER)
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to(ADMIN));
        Fixtures.addGlobally(cloudIntegration("global-integration", TOKEN));
        Fixtures.addToFolder(folder, cloudIntegration("folder-integration", TOKEN));
        resources = ExtensionList.lookupSingleton(BitbucketResource.DescriptorImpl.class);
        integrations = ExtensionList.lookupSingleton(BitbucketIntegrationCredentialsImpl.DescriptorImpl.class);
    }

    private static <T> T as(String user, Supplier<T> call) {
        try (ACLContext ignored = user == null ? ACL.as2(Jenkins.ANONYMOUS2) : ACL.as(User.getById(user, true))) {
            return call.get();
        }
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }

    @Test
    void resourceChecksAnswerOnlyThoseWhoMayConfigure() {
        for (String user : new String[] {ANONYMOUS, READER}) {
            assertEquals(FormValidation.Kind.OK, as(user, () -> resources.doCheckName(folder, "app repo")).kind);
            assertEquals(FormValidation.Kind.OK, as(user, () -> resources.doCheckSourceName(folder, "acme")).kind);
            assertEquals(FormValidation.Kind.OK, as(user, () -> resources.doCheckBranch(folder, "a..b")).kind);
            assertEquals(FormValidation.Kind.OK, as(user, () -> resources.doCheckBranchesOnlyText(folder, "a:b")).kind);
            assertEquals(
                    FormValidation.Kind.OK, as(user, () -> resources.doCheckBranchesExceptText(folder, "a:b")).kind);
            assertEquals(FormValidation.Kind.OK, as(user, () -> resources.doCheckTagsOnlyText(folder, "a:b")).kind);
            assertEquals(FormValidation.Kind.OK, as(user, () -> resources.doCheckTagsExceptText(folder, "a:b")).kind);
        }
        assertEquals(FormValidation.Kind.OK, as(CONFIGURER, () -> resources.doCheckName(null, "app repo")).kind);

        assertEquals(FormValidation.Kind.ERROR, as(CONFIGURER, () -> resources.doCheckName(folder, "app repo")).kind);
        assertEquals(FormValidation.Kind.ERROR, as(CONFIGURER, () -> resources.doCheckSourceName(folder, "acme")).kind);
        assertEquals(FormValidation.Kind.ERROR, as(CONFIGURER, () -> resources.doCheckBranch(folder, "a..b")).kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as(CONFIGURER, () -> resources.doCheckBranchesOnlyText(folder, "main a:b")).kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as(CONFIGURER, () -> resources.doCheckBranchesExceptText(folder, "a:b")).kind);
        assertEquals(
                FormValidation.Kind.ERROR, as(CONFIGURER, () -> resources.doCheckTagsOnlyText(folder, "v* a:b")).kind);
        assertEquals(
                FormValidation.Kind.ERROR, as(CONFIGURER, () -> resources.doCheckTagsExceptText(folder, "a:b")).kind);
        assertEquals(FormValidation.Kind.ERROR, as(ADMIN, () -> resources.doCheckName(null, "app repo")).kind);
        assertEquals(FormValidation.Kind.OK, as(ADMIN, () -> resources.doCheckName(null, "app-repo")).kind);
    }

    @Test
    void theTypeListIsOnlyGivenToThoseWhoMayConfigure() {
        assertThat(values(as(READER, () -> resources.doFillTypeItems(folder, "ciRepo"))), contains("ciRepo"));
        assertThat(
                values(as(CONFIGURER, () -> resources.doFillTypeItems(folder, "ciRepo"))),
                contains("gitRepo", "ciRepo", "syncRepo"));
    }

    @Test
    void theCredentialsDropDownDoesNotListCredentialsToThoseWhoMayNotSeeThem() {
        assertThat(values(as(ANONYMOUS, () -> resources.doFillCredentialsIdItems(folder, ""))), contains(""));
        assertThat(
                values(as(READER, () -> resources.doFillCredentialsIdItems(folder, "folder-integration"))),
                contains("folder-integration"));
        assertThat(values(as(CONFIGURER, () -> resources.doFillCredentialsIdItems(null, ""))), contains(""));

        List<String> inFolder = values(as(CONFIGURER, () -> resources.doFillCredentialsIdItems(folder, "")));
        assertThat(inFolder, hasItems("", "global-integration", "folder-integration"));

        List<String> globally = values(as(ADMIN, () -> resources.doFillCredentialsIdItems(null, "")));
        assertThat(globally, hasItem("global-integration"));
        assertThat(globally, not(hasItem("folder-integration")));
    }

    @Test
    void integrationsOfTheSystemScopeAreNotOfferedSinceBuildsCannotUseThem() throws Exception {
        Fixtures.addGlobally(new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.SYSTEM, "system-integration", null, null, Secret.fromString(TOKEN), null, null, null));

        List<String> globally = values(as(ADMIN, () -> resources.doFillCredentialsIdItems(null, "")));

        assertThat(globally, hasItem("global-integration"));
        assertThat(globally, not(hasItem("system-integration")));
        assertEquals(
                FormValidation.Kind.ERROR,
                as(ADMIN, () -> resources.doCheckCredentialsId(null, "system-integration")).kind);
    }

    @Test
    void theCredentialsCheckFindsOnlyIntegrationsVisibleInTheFolder() {
        assertEquals(FormValidation.Kind.OK, as(READER, () -> resources.doCheckCredentialsId(folder, "missing")).kind);
        assertEquals(
                FormValidation.Kind.OK,
                as(CONFIGURER, () -> resources.doCheckCredentialsId(folder, "folder-integration")).kind);
        assertEquals(
                FormValidation.Kind.OK,
                as(CONFIGURER, () -> resources.doCheckCredentialsId(folder, "global-integration")).kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as(CONFIGURER, () -> resources.doCheckCredentialsId(folder, "missing")).kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as(ADMIN, () -> resources.doCheckCredentialsId(null, "folder-integration")).kind);
    }

    @Test
    void thePreviewIsOnlyWorkedOutForThoseWhoMayConfigure() {
        FormValidation hidden = as(
                READER,
                () -> resources.doPreviewVariables(
                        folder,
                        "app-repo",
                        "gitRepo",
                        "folder-integration",
                        "acme/app",
                        "main",
                        "",
                        "",
                        "",
                        "",
                        false));
        FormValidation shown = as(
                CONFIGURER,
                () -> resources.doPreviewVariables(
                        folder,
                        "app-repo",
                        "gitRepo",
                        "folder-integration",
                        "acme/app",
                        "main",
                        "",
                        "",
                        "v*",
                        "",
                        true));

        assertEquals(FormValidation.Kind.OK, hidden.kind);
        assertThat(hidden.renderHtml(), not(containsString("APPREPO")));
        assertEquals(FormValidation.Kind.OK, shown.kind);
        assertThat(shown.renderHtml(), containsString("APPREPO_INTEGRATION_TOKEN"));
        assertThat(shown.renderHtml(), containsString("APPREPO_POINTER_TAGS_ONLY_0"));
        assertThat(shown.renderHtml(), containsString("APPREPO_COMMIT"));
    }

    @Test
    void thePreviewShowsTheEnginesProblems() {
        FormValidation problems = as(
                CONFIGURER,
                () -> resources.doPreviewVariables(
                        folder,
                        "app-repo",
                        "gitRepo",
                        "folder-integration",
                        "acme/app",
                        "main",
                        "release/*",
                        "",
                        "",
                        "",
                        false));

        assertEquals(FormValidation.Kind.ERROR, problems.kind);
        assertThat(problems.renderHtml(), containsString("together with `branch`"));
    }

    @Test
    void integrationChecksAnswerOnlyThoseWhoMayConfigure() {
        Secret appPassword = Secret.fromString("ATBBsomeOldAppPassword123");
        for (String user : new String[] {ANONYMOUS, READER, CONFIGURER}) {
            assertEquals(FormValidation.Kind.OK, as(user, () -> integrations.doCheckUrl(null, "ftp://x")).kind);
            assertEquals(
                    FormValidation.Kind.OK,
                    as(user, () -> integrations.doCheckToken(null, appPassword, "", "", "", "")).kind);
        }
        assertEquals(FormValidation.Kind.ERROR, as(CONFIGURER, () -> integrations.doCheckUrl(folder, "ftp://x")).kind);
        assertEquals(FormValidation.Kind.ERROR, as(ADMIN, () -> integrations.doCheckUrl(null, "ftp://x")).kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as(ADMIN, () -> integrations.doCheckToken(null, appPassword, "", "", "", "")).kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as(
                                ADMIN,
                                () -> integrations.doCheckUsername(
                                        null,
                                        "not-an-email",
                                        "",
                                        Secret.fromString("ATATT3xFfGF0apiTokenValue"),
                                        "",
                                        ""))
                        .kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as(ADMIN, () -> integrations.doCheckPlatform(null, "mainframe", "", Secret.fromString(TOKEN), "", ""))
                        .kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as(ADMIN, () -> integrations.doCheckKind(null, "appPassword", "", Secret.fromString(TOKEN), "", ""))
                        .kind);
        assertEquals(FormValidation.Kind.ERROR, as(ADMIN, () -> integrations.doCheckTestRepository(null, "acme")).kind);
        assertEquals(FormValidation.Kind.OK, as(READER, () -> integrations.doCheckTestRepository(null, "acme")).kind);
    }

    @Test
    void platformAndKindListsAreOnlyGivenToThoseWhoMayConfigure() {
        assertThat(values(as(READER, () -> integrations.doFillPlatformItems(null, "cloud"))), contains("cloud"));
        assertThat(
                values(as(ADMIN, () -> integrations.doFillPlatformItems(null, "cloud"))),
                contains("", "cloud", "datacenter"));
        assertThat(values(as(READER, () -> integrations.doFillKindItems(null, ""))), contains(""));
        assertThat(
                values(as(ADMIN, () -> integrations.doFillKindItems(null, ""))),
                contains("", "apiToken", "accessToken", "personalHttpToken", "projectHttpToken"));
    }

    @Test
    void testConnectionIsRefusedToThoseWhoMayNotConfigure() {
        for (String user : new String[] {ANONYMOUS, READER}) {
            assertThrows(
                    AccessDeniedException.class,
                    () -> as(
                            user,
                            () -> integrations.doTestConnection(
                                    folder, "ftp://x", Secret.fromString(TOKEN), "", "", "", "")));
        }
        assertThrows(
                AccessDeniedException.class,
                () -> as(
                        CONFIGURER,
                        () -> integrations.doTestConnection(
                                null, "ftp://x", Secret.fromString(TOKEN), "", "", "", "")));

        FormValidation configurer = as(
                CONFIGURER,
                () -> integrations.doTestConnection(folder, "ftp://x", Secret.fromString(TOKEN), "", "", "", ""));
        FormValidation admin = as(
                ADMIN, () -> integrations.doTestConnection(null, "ftp://x", Secret.fromString(TOKEN), "", "", "", ""));

        assertEquals(FormValidation.Kind.ERROR, configurer.kind);
        assertEquals(FormValidation.Kind.ERROR, admin.kind);
        assertThat(admin.renderHtml(), containsString("not http or https"));
    }

    @Test
    void theWrapperListsResourcesOnlyToThoseWhoMayConfigureTheJob() throws Exception {
        Fixtures.defineOn(folder, Fixtures.resource("app-repo", "gitRepo", "folder-integration", "acme/app"));
        FreeStyleProject job = folder.createProject(FreeStyleProject.class, "build");
        BitbucketResourceBuildWrapper.DescriptorImpl wrapper =
                ExtensionList.lookupSingleton(BitbucketResourceBuildWrapper.DescriptorImpl.class);
        BitbucketResourceBuildWrapper chosen = new BitbucketResourceBuildWrapper(List.of("gone"));

        List<String> forReader = as(READER, () -> wrapper.choices(job, chosen)).stream()
                .map(BitbucketResourceBuildWrapper.Choice::getName)
                .toList();
        List<String> forConfigurer = as(CONFIGURER, () -> wrapper.choices(job, chosen)).stream()
                .map(BitbucketResourceBuildWrapper.Choice::getName)
                .toList();

        assertEquals(List.of("gone"), forReader);
        assertEquals(List.of("app-repo", "gone"), forConfigurer);
    }

    @Test
    void everyWebMethodRefusesGet(JenkinsRule j) throws Exception {
        String resource = "descriptorByName/" + BitbucketResource.class.getName() + "/";
        String integration = "descriptorByName/" + BitbucketIntegrationCredentialsImpl.class.getName() + "/";
        List<String> urls = List.of(
                resource + "checkName?value=x",
                resource + "checkSourceName?value=x",
                resource + "checkBranch?value=x",
                resource + "checkBranchesOnlyText?value=x",
                resource + "checkBranchesExceptText?value=x",
                resource + "checkTagsOnlyText?value=x",
                resource + "checkTagsExceptText?value=x",
                resource + "fillTypeItems",
                resource + "fillCredentialsIdItems",
                resource + "checkCredentialsId?value=x",
                resource + "previewVariables?name=x",
                integration + "checkUrl?value=x",
                integration + "checkToken?value=x",
                integration + "checkUsername?value=x",
                integration + "checkPlatform?value=x",
                integration + "checkKind?value=x",
                integration + "checkTestRepository?value=x",
                integration + "fillPlatformItems",
                integration + "fillKindItems",
                integration + "testConnection?url=x");
        try (JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            wc.login(ADMIN);
            for (String url : urls) {
                Page page = wc.goTo(url, null);

                assertEquals(404, page.getWebResponse().getStatusCode(), url);
            }
        }
    }
}
