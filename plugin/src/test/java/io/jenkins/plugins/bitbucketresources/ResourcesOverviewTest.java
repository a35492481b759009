package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.ExtensionList;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import java.net.HttpURLConnection;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * The overview page under Manage Jenkins: what it lists (where each resource is defined, what hides what, who may use
 * it, the credential, its health, the jobs that used it), and who may see it: administrators with links to configure,
 * Overall/SystemRead without them, nobody else. Never a token.
 */
@WithJenkins
@ExtendWith(Users.SystemReadEnabled.class)
class ResourcesOverviewTest {

    private static final String ADMIN = Users.ADMIN;
    private static final String SYSTEM_READER = Users.SYSTEM_READER;
    private static final String READER = "reader";
    private static final String FOLDER_TOKEN = "ATCTT3xFfGN0TeamATokenValue4567";

    private JenkinsRule j;
    private Folder teamA;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        Users.signIn(
                j,
                Users.administratorAndSystemReader()
                        .grant(Jenkins.READ, Item.READ)
                        .everywhere()
                        .to(READER));
        teamA = Fixtures.folder(j, "team-a");
        Fixtures.addGlobally(Fixtures.cloudIntegration(Fixtures.CREDENTIALS_ID, TOKEN));
        Fixtures.addToFolder(teamA, Fixtures.cloudIntegration("team-integration", FOLDER_TOKEN));
        Fixtures.defineGlobally(Fixtures.gitRepo("app-repo", "acme/app"), Fixtures.gitRepo("tools", "acme/tools"));
        BitbucketResource teamRepo = Fixtures.resource("app-repo", "gitRepo", "team-integration", "team-a/app");
        teamRepo.setAllowedJobs(List.of("team-a/**"));
        Fixtures.defineOn(teamA, teamRepo);
        BitbucketResourcesConfiguration.get().setGlobalResourcesFolders(List.of("team-a"));
    }

    private static List<ResourcesOverview.Line> lines() {
        return Users.asSystem(ExtensionList.lookupSingleton(ResourcesOverview.class)::getLines);
    }

    private static ResourcesOverview.Line line(String name, String where) {
        return lines().stream()
                .filter(l -> l.getName().equals(name) && l.getWhere().equals(where))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + name + " in " + where));
    }

    private HtmlPage pageAs(String user) throws Exception {
        return j.createWebClient().login(user).goTo("bitbucket-resources/");
    }

    @Test
    void everyDefinitionIsListedWithWhereItIsDefinedAndWhatItHides() {
        assertThat(
                lines().stream().map(l -> l.getName() + " @ " + l.getWhere()).toList(),
                contains(
                        "app-repo @ global configuration", "app-repo @ folder team-a", "tools @ global configuration"));

        ResourcesOverview.Line global = line("app-repo", "global configuration");
        assertEquals("gitRepo", global.getType());
        assertEquals("acme/app", global.getRepository());
        assertEquals("folder team-a", global.getHiddenBy());
        assertEquals("", global.getHides());
        assertEquals("bitbucket-cloud (system)", global.getCredential());
        assertEquals("jobs under the folders `team-a`", global.getAllowed());

        ResourcesOverview.Line folder = line("app-repo", "folder team-a");
        assertEquals("global configuration", folder.getHides());
        assertEquals("team-integration (folder team-a)", folder.getCredential());
        assertEquals("jobs matching `team-a/**`", folder.getAllowed());
        assertTrue(folder.isUsable());
        assertEquals("not used yet", folder.getHealth());
    }

    @Test
    void theJobsThatUsedAResourceLatelyComeFromTheCredentialsRecordedUse() throws Exception {
        FreeStyleProject build = teamA.createProject(FreeStyleProject.class, "build");
        build.getBuildWrappersList().add(new BitbucketResourceBuildWrapper(List.of("app-repo")));
        j.buildAndAssertSuccess(build);

        assertThat(line("app-repo", "folder team-a").getRecentJobs(), contains("team-a/build"));
        assertThat(line("app-repo", "global configuration").getRecentJobs(), empty());
        assertThat(line("tools", "global configuration").getRecentJobs(), empty());
    }

    @Test
    void theCredentialsHealthIsOnItsRows() throws Exception {
        Fixtures.addGlobally(Fixtures.plainHttpIntegration());
        Fixtures.defineGlobally(
                Fixtures.gitRepo("app-repo", "acme/app"),
                Fixtures.resource("infra", "syncRepo", "plain-http", "PROJ/infra"),
                Fixtures.resource("lost", "gitRepo", "nowhere", "acme/lost"));

        ResourcesOverview.Line infra = line("infra", "global configuration");
        assertEquals("http URL", infra.getHealth());
        assertFalse(infra.isHealthy());
        assertThat(String.join("\n", infra.getConcerns()), containsString("http://bitbucket.example.com"));
        assertThat(line("lost", "global configuration").getCredential(), containsString("`nowhere`"));
    }

    @Test
    void administratorsSeeThePageWithLinksToWhereEachResourceIsConfigured() throws Exception {
        HtmlPage page = pageAs(ADMIN);
        String html = page.getWebResponse().getContentAsString();

        assertThat(html, containsString("app-repo"));
        assertThat(html, containsString("acme/tools"));
        assertThat(html, containsString("team-integration (folder team-a)"));
        List<String> links =
                page.getAnchors().stream().map(HtmlAnchor::getHrefAttribute).toList();
        assertThat(links, hasItem(containsString("job/team-a/configure")));
        assertThat(links, hasItem(containsString("manage/configure")));
        assertThat(html, not(containsString(TOKEN)));
        assertThat(html, not(containsString(FOLDER_TOKEN)));
    }

    @Test
    void systemReadersSeeTheSamePageWithoutLinksToConfigure() throws Exception {
        HtmlPage page = pageAs(SYSTEM_READER);
        String html = page.getWebResponse().getContentAsString();

        assertEquals(HttpURLConnection.HTTP_OK, page.getWebResponse().getStatusCode());
        assertThat(html, containsString("team-integration (folder team-a)"));
        assertThat(
                page.getAnchors().stream()
                        .map(HtmlAnchor::getHrefAttribute)
                        .filter(href -> href.contains("job/team-a/configure"))
                        .toList(),
                empty());
        assertThat(html, not(containsString(TOKEN)));
    }

    @Test
    void theLinkIsOnManageJenkinsForAdministratorsAndSystemReaders() throws Exception {
        for (String user : List.of(ADMIN, SYSTEM_READER)) {
            String manage = j.createWebClient()
                    .login(user)
                    .goTo("manage")
                    .getWebResponse()
                    .getContentAsString();
            assertThat(user, manage, containsString("bitbucket-resources"));
        }
    }

    @Test
    void everyoneElseIsRefused() throws Exception {
        JenkinsRule.WebClient reader = j.createWebClient().login(READER).withThrowExceptionOnFailingStatusCode(false);
        assertEquals(
                HttpURLConnection.HTTP_FORBIDDEN,
                reader.goTo("bitbucket-resources/").getWebResponse().getStatusCode());

        ResourcesOverview overview = ExtensionList.lookupSingleton(ResourcesOverview.class);
        Users.as(null, () -> assertThrows(AccessDeniedException.class, overview::getTarget));
    }

    @Test
    void anEmptyControllerSaysHowToAddAResource() throws Exception {
        BitbucketResourcesConfiguration.get().setResources(List.of());
        teamA.getProperties().remove(BitbucketResourcesFolderProperty.class);

        assertThat(lines(), hasSize(0));
        assertThat(pageAs(ADMIN).getWebResponse().getContentAsString(), containsString("No Bitbucket resource"));
    }
}
