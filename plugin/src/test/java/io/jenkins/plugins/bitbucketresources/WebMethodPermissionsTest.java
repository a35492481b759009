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
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.ExtensionList;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.ModelObject;
import hudson.model.User;
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
 * the folder, a user who manages credentials (create and update them everywhere, without configuring anything or
 * administering Jenkins), and an administrator. The resource form answers those who may configure where the resource
 * is saved; the integration form answers those who may save credentials in the store of its context, a user's own
 * store included, and checks what was typed for anyone.
 */
@WithJenkins
class WebMethodPermissionsTest {

    private static final String ANONYMOUS = null;
    private static final String READER = "reader";
    private static final String CONFIGURER = "configurer";
    private static final String STORE_MANAGER = "store-manager";
    private static final String ADMIN = "admin";
    private static final String[] EVERYONE = {ANONYMOUS, READER, CONFIGURER, STORE_MANAGER, ADMIN};

    private static final Secret APP_PASSWORD = Secret.fromString("ATBBsomeOldAppPassword123");

    private JenkinsRule j;
    private Folder folder;
    private BitbucketResource.DescriptorImpl resources;
    private BitbucketIntegrationCredentialsImpl.DescriptorImpl integrations;

    @BeforeEach
    void security(JenkinsRule j) throws Exception {
        this.j = j;
        folder = Fixtures.folder(j, "team-a");
        Users.signIn(
                j,
                new MockAuthorizationStrategy()
                        .grant(Jenkins.READ, Item.READ)
                        .everywhere()
                        .to(READER, CONFIGURER, STORE_MANAGER)
                        .grant(Item.CONFIGURE)
                        .onFolders(folder)
                        .to(CONFIGURER)
                        .grant(
                                CredentialsProvider.CREATE,
                                CredentialsProvider.UPDATE,
                                CredentialsProvider.VIEW,
                                CredentialsProvider.DELETE)
                        .everywhere()
                        .to(STORE_MANAGER)
                        .grant(Jenkins.ADMINISTER)
                        .everywhere()
                        .to(ADMIN));
        Fixtures.addGlobally(cloudIntegration("global-integration", TOKEN));
        Fixtures.addToFolder(folder, cloudIntegration("folder-integration", TOKEN));
        resources = ExtensionList.lookupSingleton(BitbucketResource.DescriptorImpl.class);
        integrations = ExtensionList.lookupSingleton(BitbucketIntegrationCredentialsImpl.DescriptorImpl.class);
    }

    private static ModelObject ownStore(String user) {
        return User.getById(user, true);
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }

    private static FormValidation.Kind kind(String user, Supplier<FormValidation> check) {
        return Users.as(user, check).kind;
    }

    // The resource form: folders and the global configuration.

    @Test
    void resourceChecksAnswerOnlyThoseWhoMayConfigureWhereTheResourceIsSaved() {
        for (String user : new String[] {ANONYMOUS, READER, STORE_MANAGER}) {
            assertEquals(FormValidation.Kind.OK, kind(user, () -> resources.doCheckName(folder, "app repo")), user);
            assertEquals(FormValidation.Kind.OK, kind(user, () -> resources.doCheckSourceName(folder, "acme")), user);
            assertEquals(FormValidation.Kind.OK, kind(user, () -> resources.doCheckBranch(folder, "a..b")), user);
            assertEquals(
                    FormValidation.Kind.OK, kind(user, () -> resources.doCheckBranchesOnlyText(folder, "a:b")), user);
            assertEquals(
                    FormValidation.Kind.OK, kind(user, () -> resources.doCheckBranchesExceptText(folder, "a:b")), user);
            assertEquals(FormValidation.Kind.OK, kind(user, () -> resources.doCheckTagsOnlyText(folder, "a:b")), user);
            assertEquals(
                    FormValidation.Kind.OK, kind(user, () -> resources.doCheckTagsExceptText(folder, "a:b")), user);
            assertEquals(FormValidation.Kind.OK, kind(user, () -> resources.doCheckCredentialsId(folder, "x")), user);
        }
        for (String user : new String[] {CONFIGURER, ADMIN}) {
            assertEquals(FormValidation.Kind.ERROR, kind(user, () -> resources.doCheckName(folder, "app repo")), user);
            assertEquals(
                    FormValidation.Kind.ERROR, kind(user, () -> resources.doCheckSourceName(folder, "acme")), user);
            assertEquals(FormValidation.Kind.ERROR, kind(user, () -> resources.doCheckBranch(folder, "a..b")), user);
            assertEquals(
                    FormValidation.Kind.ERROR,
                    kind(user, () -> resources.doCheckBranchesOnlyText(folder, "main a:b")),
                    user);
            assertEquals(
                    FormValidation.Kind.ERROR,
                    kind(user, () -> resources.doCheckBranchesExceptText(folder, "a:b")),
                    user);
            assertEquals(
                    FormValidation.Kind.ERROR, kind(user, () -> resources.doCheckTagsOnlyText(folder, "v* a:b")), user);
            assertEquals(
                    FormValidation.Kind.ERROR, kind(user, () -> resources.doCheckTagsExceptText(folder, "a:b")), user);
            assertEquals(
                    FormValidation.Kind.ERROR, kind(user, () -> resources.doCheckCredentialsId(folder, "x")), user);
        }
        for (String user : new String[] {ANONYMOUS, READER, CONFIGURER, STORE_MANAGER}) {
            assertEquals(FormValidation.Kind.OK, kind(user, () -> resources.doCheckName(null, "app repo")), user);
        }
        assertEquals(FormValidation.Kind.ERROR, kind(ADMIN, () -> resources.doCheckName(null, "app repo")));
        assertEquals(FormValidation.Kind.OK, kind(ADMIN, () -> resources.doCheckName(null, "app-repo")));
    }

    @Test
    void theTypeListIsOnlyGivenToThoseWhoMayConfigure() {
        for (String user : new String[] {ANONYMOUS, READER, STORE_MANAGER}) {
            assertThat(values(Users.as(user, () -> resources.doFillTypeItems(folder, "ciRepo"))), contains("ciRepo"));
        }
        for (String user : new String[] {CONFIGURER, ADMIN}) {
            assertThat(
                    values(Users.as(user, () -> resources.doFillTypeItems(folder, "ciRepo"))),
                    contains("gitRepo", "ciRepo", "syncRepo"));
        }
        assertThat(values(Users.as(CONFIGURER, () -> resources.doFillTypeItems(null, "ciRepo"))), contains("ciRepo"));
    }

    @Test
    void theCredentialsDropDownDoesNotListCredentialsToThoseWhoMayNotSeeThem() {
        assertThat(values(Users.as(ANONYMOUS, () -> resources.doFillCredentialsIdItems(folder, ""))), contains(""));
        for (String user : new String[] {READER, STORE_MANAGER}) {
            assertThat(
                    values(Users.as(user, () -> resources.doFillCredentialsIdItems(folder, "folder-integration"))),
                    contains("folder-integration"));
        }
        assertThat(values(Users.as(CONFIGURER, () -> resources.doFillCredentialsIdItems(null, ""))), contains(""));

        List<String> inFolder = values(Users.as(CONFIGURER, () -> resources.doFillCredentialsIdItems(folder, "")));
        assertThat(inFolder, hasItems("", "global-integration", "folder-integration"));

        List<String> globally = values(Users.as(ADMIN, () -> resources.doFillCredentialsIdItems(null, "")));
        assertThat(globally, hasItem("global-integration"));
        assertThat(globally, not(hasItem("folder-integration")));
    }

    @Test
    void integrationsOfTheSystemScopeAreNotOfferedSinceBuildsCannotUseThem() throws Exception {
        Fixtures.addGlobally(new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.SYSTEM, "system-integration", null, null, Secret.fromString(TOKEN), null, null, null));

        List<String> globally = values(Users.as(ADMIN, () -> resources.doFillCredentialsIdItems(null, "")));

        assertThat(globally, hasItem("global-integration"));
        assertThat(globally, not(hasItem("system-integration")));
        assertEquals(
                FormValidation.Kind.ERROR,
                kind(ADMIN, () -> resources.doCheckCredentialsId(null, "system-integration")));
    }

    @Test
    void theCredentialsCheckFindsOnlyIntegrationsVisibleInTheFolder() {
        assertEquals(
                FormValidation.Kind.OK,
                kind(CONFIGURER, () -> resources.doCheckCredentialsId(folder, "folder-integration")));
        assertEquals(
                FormValidation.Kind.OK,
                kind(CONFIGURER, () -> resources.doCheckCredentialsId(folder, "global-integration")));
        assertEquals(
                FormValidation.Kind.ERROR, kind(CONFIGURER, () -> resources.doCheckCredentialsId(folder, "missing")));
        // The global list: an integration only a folder holds serves the jobs inside it only, which is a warning.
        assertEquals(
                FormValidation.Kind.WARNING,
                kind(ADMIN, () -> resources.doCheckCredentialsId(null, "folder-integration")));
        assertEquals(FormValidation.Kind.ERROR, kind(ADMIN, () -> resources.doCheckCredentialsId(null, "missing")));
    }

    private FormValidation preview(String user, ModelObject context) {
        return Users.as(
                user,
                () -> resources.doPreviewVariables(
                        (Item) context,
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
    }

    @Test
    void thePreviewIsOnlyWorkedOutForThoseWhoMayConfigure() {
        for (String user : new String[] {ANONYMOUS, READER, STORE_MANAGER}) {
            FormValidation hidden = preview(user, folder);
            assertEquals(FormValidation.Kind.OK, hidden.kind, user);
            assertThat(hidden.renderHtml(), not(containsString("APPREPO")));
        }
        for (String user : new String[] {CONFIGURER, ADMIN}) {
            FormValidation shown = preview(user, folder);
            assertEquals(FormValidation.Kind.OK, shown.kind, user);
            assertThat(shown.renderHtml(), containsString("APPREPO_INTEGRATION_TOKEN"));
            assertThat(shown.renderHtml(), containsString("APPREPO_POINTER_TAGS_ONLY_0"));
            assertThat(shown.renderHtml(), containsString("APPREPO_COMMIT"));
        }
        assertThat(preview(CONFIGURER, null).renderHtml(), not(containsString("APPREPO")));
        assertThat(preview(ADMIN, null).renderHtml(), containsString("APPREPO_INTEGRATION_TOKEN"));
    }

    @Test
    void thePreviewShowsTheEnginesProblems() {
        FormValidation problems = Users.as(
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
    void theWrapperListsResourcesOnlyToThoseWhoMaySeeTheJobsConfiguration() throws Exception {
        Fixtures.defineOn(folder, Fixtures.resource("app-repo", "gitRepo", "folder-integration", "acme/app"));
        FreeStyleProject job = folder.createProject(FreeStyleProject.class, "build");
        BitbucketResourceBuildWrapper.DescriptorImpl wrapper =
                ExtensionList.lookupSingleton(BitbucketResourceBuildWrapper.DescriptorImpl.class);
        BitbucketResourceBuildWrapper chosen = new BitbucketResourceBuildWrapper(List.of("gone"));

        for (String user : new String[] {ANONYMOUS, READER, STORE_MANAGER}) {
            ResourceChoices choices = Users.as(user, () -> wrapper.choices(job, chosen));
            assertEquals(List.of(), choices.getVisible(), user);
            assertEquals(List.of("gone"), choices.getNotVisible(), user + ": what was chosen is kept");
        }
        for (String user : new String[] {CONFIGURER, ADMIN}) {
            ResourceChoices choices = Users.as(user, () -> wrapper.choices(job, chosen));
            assertEquals(
                    List.of("app-repo"),
                    choices.getVisible().stream()
                            .map(ResourceChoices.Choice::getName)
                            .toList(),
                    user);
            assertEquals(List.of("gone"), choices.getNotVisible(), user);
        }
    }

    // The integration form: the credentials pages of the system, a folder, a user.

    @Test
    void checksOfWhatWasTypedAnswerEveryone() {
        Secret apiToken = Secret.fromString("ATATT3xFfGF0apiTokenValue");
        for (String user : EVERYONE) {
            assertEquals(FormValidation.Kind.ERROR, kind(user, () -> integrations.doCheckUrl("ftp://x")), user);
            assertEquals(FormValidation.Kind.OK, kind(user, () -> integrations.doCheckUrl("https://x.example")), user);
            assertEquals(FormValidation.Kind.ERROR, kind(user, () -> integrations.doCheckTestRepository("acme")), user);
            for (ModelObject context : new ModelObject[] {null, folder}) {
                assertEquals(
                        FormValidation.Kind.ERROR,
                        kind(
                                user,
                                () -> integrations.doCheckToken(
                                        context, APP_PASSWORD.getPlainText(), "", "", "", "", "")),
                        user);
                assertEquals(
                        FormValidation.Kind.ERROR,
                        kind(
                                user,
                                () -> integrations.doCheckUsername(
                                        context, "not-an-email", "", apiToken.getPlainText(), "", "", "")),
                        user);
                assertEquals(
                        FormValidation.Kind.ERROR,
                        kind(user, () -> integrations.doCheckPlatform(context, "mainframe", "", TOKEN, "", "", "")),
                        user);
                assertEquals(
                        FormValidation.Kind.ERROR,
                        kind(user, () -> integrations.doCheckKind(context, "appPassword", "", TOKEN, "", "", "")),
                        user);
                assertEquals(
                        FormValidation.Kind.OK,
                        kind(user, () -> integrations.doCheckToken(context, TOKEN, "", "", "", "", "")),
                        user);
            }
        }
    }

    @Test
    void platformAndKindListsAreGivenToThoseWhoMaySaveInTheStore() {
        for (String user : new String[] {ANONYMOUS, READER, CONFIGURER}) {
            for (ModelObject context : new ModelObject[] {null, j.jenkins, folder}) {
                assertThat(
                        values(Users.as(user, () -> integrations.doFillPlatformItems(context, "cloud"))),
                        contains("cloud"));
                assertThat(values(Users.as(user, () -> integrations.doFillKindItems(context, ""))), contains(""));
            }
        }
        for (String user : new String[] {STORE_MANAGER, ADMIN}) {
            for (ModelObject context : new ModelObject[] {null, j.jenkins, folder}) {
                assertThat(
                        values(Users.as(user, () -> integrations.doFillPlatformItems(context, "cloud"))),
                        contains("", "cloud", "datacenter"));
                assertThat(
                        values(Users.as(user, () -> integrations.doFillKindItems(context, ""))),
                        contains("", "apiToken", "accessToken", "personalHttpToken", "projectHttpToken"));
            }
        }
        for (String user : new String[] {READER, CONFIGURER, STORE_MANAGER, ADMIN}) {
            assertThat(
                    values(Users.as(user, () -> integrations.doFillPlatformItems(ownStore(user), "cloud"))),
                    contains("", "cloud", "datacenter"));
        }
        assertThat(
                values(Users.as(READER, () -> integrations.doFillPlatformItems(ownStore(CONFIGURER), "cloud"))),
                contains("cloud"));
    }

    private FormValidation testConnection(String user, ModelObject context) {
        return Users.as(
                user,
                () -> integrations.doTestConnection(
                        context, "ftp://bitbucket.example.com", TOKEN, "", "", "", "", "new-integration"));
    }

    @Test
    void testConnectionIsRefusedToThoseWhoMayNotSaveInTheStore() {
        for (String user : new String[] {ANONYMOUS, READER, CONFIGURER}) {
            for (ModelObject context : new ModelObject[] {null, j.jenkins, folder}) {
                assertThrows(AccessDeniedException.class, () -> testConnection(user, context), user);
            }
        }
        assertThrows(AccessDeniedException.class, () -> testConnection(READER, ownStore(CONFIGURER)));
        assertThrows(AccessDeniedException.class, () -> testConnection(ANONYMOUS, ownStore(READER)));
    }

    @Test
    void testConnectionAnswersThoseWhoMaySaveInTheStoreWithoutNeedingAdministerOrConfigure() {
        for (String user : new String[] {STORE_MANAGER, ADMIN}) {
            for (ModelObject context : new ModelObject[] {null, j.jenkins, folder}) {
                FormValidation answer = testConnection(user, context);
                assertEquals(FormValidation.Kind.ERROR, answer.kind, user);
                assertThat(answer.renderHtml(), containsString("not http or https"));
            }
        }
    }

    @Test
    void everySignedInUserMayUseTheFormOnTheirOwnStore() {
        for (String user : new String[] {READER, CONFIGURER, STORE_MANAGER, ADMIN}) {
            FormValidation answer = testConnection(user, ownStore(user));
            assertEquals(FormValidation.Kind.ERROR, answer.kind, user);
            assertThat(answer.renderHtml(), containsString("not http or https"));
            assertThat(
                    values(Users.as(user, () -> integrations.doFillKindItems(ownStore(user), ""))),
                    hasItem("accessToken"));
        }
    }

    @Test
    void everyWebMethodRefusesGet() throws Exception {
        String resource = "descriptorByName/" + BitbucketResource.class.getName() + "/";
        String integration = "descriptorByName/" + BitbucketIntegrationCredentialsImpl.class.getName() + "/";
        String step = "descriptorByName/" + WithBitbucketResourceStep.class.getName() + "/";
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
                integration + "testConnection?url=x",
                step + "checkResourcesText?value=x");
        try (JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            wc.login(ADMIN);
            for (String url : urls) {
                Page page = wc.goTo(url, null);

                assertEquals(404, page.getWebResponse().getStatusCode(), url);
            }
        }
    }
}
