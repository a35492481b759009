package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.cloudIntegration;
import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.util.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The <em>Bitbucket resources</em> page of jobs and folders: what a build would get, never a value, and only for those
 * who may see the item's configuration.
 */
@WithJenkins
class ItemResourcesActionTest {

    private static final String READER = "reader";
    private static final String AUTHOR = "author";
    private static final String ADMIN = "admin";

    private static final String DC_TOKEN = "BBDC-NzE0MjM5NjQxNTg2OkTestTokenValue";
    private static final String DC_USERNAME = "svc-bb-4711";
    private static final String DC_URL = "https://git.example.com/bitbucket";

    private JenkinsRule j;
    private Folder teamA;
    private WorkflowJob job;

    /**
     * Globally: {@code app-repo}, {@code tools} and {@code lost} (whose integration exists nowhere), on a Cloud
     * integration. On folder {@code team-a}: its own {@code app-repo}, a {@code ciRepo} on the folder's Data Center
     * integration (with a username) that asks for its commit, and a {@code broken-repo} broken by hand.
     */
    @BeforeEach
    void resources(JenkinsRule j) throws Exception {
        this.j = j;
        Fixtures.addGlobally(cloudIntegration(CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(
                gitRepo("app-repo", "acme/app"),
                gitRepo("tools", "acme/tools"),
                Fixtures.resource("lost", "gitRepo", "nowhere", "acme/lost"));
        teamA = Fixtures.folder(j, "team-a");
        Fixtures.addToFolder(
                teamA,
                new BitbucketIntegrationCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        "team-dc",
                        "Data Center of team A",
                        DC_URL,
                        Secret.fromString(DC_TOKEN),
                        DC_USERNAME,
                        null,
                        null));
        BitbucketResource ciRepo = Fixtures.resource("app-repo", "ciRepo", "team-dc", "PROJ/app");
        ciRepo.setBranch("main");
        ciRepo.setResolveCommit(true);
        Fixtures.defineOn(teamA, ciRepo, gitRepo("broken-repo", "team-a/broken"));
        Fixtures.editSavedConfiguration(
                teamA, "<sourceName>team-a/broken</sourceName>", "<sourceName>team-a</sourceName>");
        job = teamA.createProject(WorkflowJob.class, "build");
        Users.signIn(
                j,
                new MockAuthorizationStrategy()
                        .grant(Jenkins.READ, Item.READ)
                        .everywhere()
                        .to(READER)
                        .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ)
                        .everywhere()
                        .to(AUTHOR)
                        .grant(Jenkins.ADMINISTER)
                        .everywhere()
                        .to(ADMIN));
    }

    private HtmlPage page(String user, Item item) throws Exception {
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            wc.login(user);
            return wc.getPage(item, ItemResourcesAction.URL_NAME + "/");
        }
    }

    /** The rows of the page, by resource name, in the order shown. */
    private static Map<String, DomElement> rows(HtmlPage page) {
        Map<String, DomElement> rows = new LinkedHashMap<>();
        for (DomNode node : page.querySelectorAll("#bitbucket-resources tbody tr")) {
            DomElement row = (DomElement) node;
            rows.put(row.getAttribute("data-resource-name"), row);
        }
        return rows;
    }

    /** The variable names a row lists. */
    private static List<String> variables(DomElement row) {
        List<String> names = new ArrayList<>();
        for (DomNode code : row.querySelectorAll("code")) {
            names.add(code.getTextContent().strip());
        }
        return names;
    }

    @Test
    void theJobPageListsEachResourceAsABuildWouldGetIt() throws Exception {
        Map<String, DomElement> rows = rows(page(AUTHOR, job));

        assertEquals(List.of("app-repo", "broken-repo", "tools", "lost"), List.copyOf(rows.keySet()));

        DomElement appRepo = rows.get("app-repo");
        assertEquals("USABLE", appRepo.getAttribute("data-state"));
        String appRepoText = appRepo.getTextContent();
        assertThat(appRepoText, containsString("ciRepo"));
        assertThat(appRepoText, containsString("PROJ/app"));
        assertThat(appRepoText, containsString("folder team-a"));
        assertThat(appRepoText, containsString("hides the definition of the global list"));
        assertThat(appRepoText, containsString("`team-dc` found (Bitbucket Data Center)"));
        assertThat(
                variables(appRepo),
                hasItems(
                        "APPREPO_INTEGRATION_URL",
                        "APPREPO_INTEGRATION_TOKEN",
                        "APPREPO_INTEGRATION_USERNAME",
                        "APPREPO_SOURCENAME",
                        "APPREPO_HTTPS_URL",
                        "APPREPO_BRANCH",
                        "APPREPO_POINTER_BUILDONCOMMIT",
                        "APPREPO_COMMIT"));
        assertThat(appRepoText, containsString("the token, masked in the log"));

        DomElement tools = rows.get("tools");
        assertEquals("USABLE", tools.getAttribute("data-state"));
        assertThat(tools.getTextContent(), containsString("the global list"));
        assertThat(tools.getTextContent(), containsString("`bitbucket-cloud` found (Bitbucket Cloud)"));
        assertThat(variables(tools), hasItems("TOOLS_INTEGRATION_TOKEN", "TOOLS_SOURCENAME"));
        assertThat(variables(tools), not(hasItem("TOOLS_INTEGRATION_USERNAME")));
        assertThat(variables(tools), not(hasItem("TOOLS_COMMIT")));
    }

    @Test
    void whatGitAuthenticationAndShipctlAddIsListedByNameWithTheResourcesThatAskForIt() throws Exception {
        BitbucketResource noGit = gitRepo("no-git", "acme/no-git");
        noGit.setGitAuth(false);
        BitbucketResource shipctl = gitRepo("shipped", "acme/shipped");
        shipctl.setShipctl(true);
        Fixtures.defineGlobally(gitRepo("tools", "acme/tools"), noGit, shipctl);

        Map<String, DomElement> rows = rows(page(AUTHOR, job));

        assertThat(variables(rows.get("tools")), hasItem("GIT_CONFIG_PARAMETERS"));
        assertThat(variables(rows.get("tools")), not(hasItem("PATH+SHIPCTL")));
        assertThat(
                rows.get("tools").getTextContent(), containsString("git's configuration for HTTPS to this repository"));
        assertThat(variables(rows.get("no-git")), not(hasItem("GIT_CONFIG_PARAMETERS")));
        assertThat(variables(rows.get("shipped")), hasItems("GIT_CONFIG_PARAMETERS", "PATH+SHIPCTL"));
        assertThat(rows.get("shipped").getTextContent(), containsString("shipctl's directory, first on the PATH"));
    }

    @Test
    void whatABuildWouldFailWithIsSaidInTheEnginesWords() throws Exception {
        Map<String, DomElement> rows = rows(page(AUTHOR, job));

        DomElement lost = rows.get("lost");
        assertEquals("NOT_USABLE", lost.getAttribute("data-state"));
        assertThat(
                lost.getTextContent(),
                containsString("uses the integration `nowhere`, but no Bitbucket integration with that ID"));
        assertThat(lost.getTextContent(), containsString("`nowhere` not found where a build looks for it"));
        DomElement broken = rows.get("broken-repo");
        assertEquals("BROKEN", broken.getAttribute("data-state"));
        assertThat(broken.getTextContent(), containsString("cannot be used until its definition is fixed"));
        assertThat(broken.getTextContent(), containsString("sourceName"));
    }

    @Test
    void whatTheAdministratorKeepsFromTheJobIsSaidAsTheBuildWouldSayIt() throws Exception {
        BitbucketResource deploy = gitRepo("deploy", "acme/deploy");
        deploy.setAllowedJobs(List.of("release/*"));
        BitbucketResource own = Fixtures.resource("own", "ciRepo", CREDENTIALS_ID, "acme/own");
        own.setOnlyOwnCheckout(true);
        Fixtures.defineGlobally(gitRepo("tools", "acme/tools"), deploy, own);

        Map<String, DomElement> rows = rows(page(AUTHOR, job));

        assertEquals("REFUSED", rows.get("deploy").getAttribute("data-state"));
        assertThat(rows.get("deploy").getTextContent(), containsString("Not for this job:"));
        assertThat(rows.get("deploy").getTextContent(), containsString("may not be used by job team-a/build"));
        assertThat(rows.get("deploy").getTextContent(), containsString("allowedJobs"));
        assertEquals("CONDITIONAL", rows.get("own").getAttribute("data-state"));
        assertThat(
                rows.get("own").getTextContent(),
                containsString("the build has checked out acme/own itself first (onlyOwnCheckout)"));
        assertEquals("USABLE", rows.get("tools").getAttribute("data-state"));
    }

    @Test
    void aFolderPageListsTheRulesThatDependOnTheJob() throws Exception {
        BitbucketResource deploy = gitRepo("deploy", "acme/deploy");
        deploy.setAllowedJobs(List.of("release/*"));
        Fixtures.defineGlobally(gitRepo("tools", "acme/tools"), deploy);
        BitbucketResourcesConfiguration.get().setGlobalResourcesFolders(List.of("team-b"));

        Map<String, DomElement> rows = rows(page(AUTHOR, teamA));

        assertEquals("CONDITIONAL", rows.get("deploy").getAttribute("data-state"));
        assertThat(
                rows.get("deploy").getTextContent(),
                containsString("the job's full name matches `release/*` (allowedJobs)"));
        assertThat(
                rows.get("deploy").getTextContent(),
                containsString("the job is under one of the folders `team-b` (globalResourcesFolders)"));
        assertEquals("CONDITIONAL", rows.get("tools").getAttribute("data-state"));
        assertEquals(
                "USABLE", rows.get("app-repo").getAttribute("data-state"), "a folder's own resource is not concerned");
    }

    @Test
    void globalResourcesKeptForTheJobsOfOtherFoldersAreRefusedOnTheJobPage() throws Exception {
        BitbucketResourcesConfiguration.get().setGlobalResourcesFolders(List.of("team-b"));

        Map<String, DomElement> rows = rows(page(AUTHOR, job));

        assertEquals("USABLE", rows.get("app-repo").getAttribute("data-state"));
        assertEquals("REFUSED", rows.get("tools").getAttribute("data-state"));
        assertThat(rows.get("tools").getTextContent(), containsString("globalResourcesFolders"));
    }

    @Test
    void aJobOutsideTheFoldersSeesTheGlobalListAndAFolderCredentialIsNotFoundForIt() throws Exception {
        BitbucketResource teamRepo = Fixtures.resource("team-repo", "gitRepo", "team-dc", "PROJ/team");
        Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"), teamRepo);
        FreeStyleProject top = j.createFreeStyleProject("top");

        Map<String, DomElement> rows = rows(page(AUTHOR, top));

        assertEquals(List.of("app-repo", "team-repo"), List.copyOf(rows.keySet()));
        assertEquals("USABLE", rows.get("app-repo").getAttribute("data-state"));
        assertEquals("NOT_USABLE", rows.get("team-repo").getAttribute("data-state"));
        assertThat(
                rows.get("team-repo").getTextContent(),
                containsString("`team-dc` not found where a build looks for it"));
    }

    @Test
    void theFolderPageListsWhatAJobInsideItGets() throws Exception {
        HtmlPage page = page(AUTHOR, teamA);
        Map<String, DomElement> rows = rows(page);

        assertEquals(List.of("app-repo", "broken-repo", "tools", "lost"), List.copyOf(rows.keySet()));
        assertThat(page.getWebResponse().getContentAsString(), containsString("What a job in this folder gets"));
        assertThat(rows.get("app-repo").getTextContent(), containsString("`team-dc` found (Bitbucket Data Center)"));
    }

    @Test
    void noPageShowsAValue() throws Exception {
        List<String> secrets = new ArrayList<>(Fixtures.formsOf(TOKEN));
        secrets.addAll(Fixtures.formsOf(DC_TOKEN));
        List<String> values = List.of(DC_USERNAME, DC_URL, "https://bitbucket.org/acme/tools.git", "git@bitbucket.org");
        List<String> pages = new ArrayList<>();
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            wc.login(ADMIN);
            pages.add(wc.getPage(job, ItemResourcesAction.URL_NAME + "/")
                    .getWebResponse()
                    .getContentAsString());
            pages.add(wc.getPage(teamA, ItemResourcesAction.URL_NAME + "/")
                    .getWebResponse()
                    .getContentAsString());
            pages.add(wc.getPage(teamA, "configure").getWebResponse().getContentAsString());
            pages.add(wc.goTo("manage/configure").getWebResponse().getContentAsString());
            pages.add(wc.getPage(job, "pipeline-syntax").getWebResponse().getContentAsString());
        }

        for (String content : pages.subList(0, 4)) {
            assertThat(content, containsString("app-repo"));
        }
        for (String content : pages) {
            for (String secret : secrets) {
                assertThat(content, not(containsString(secret)));
            }
        }
        for (String content : pages.subList(0, 2)) {
            for (String value : values) {
                assertThat(content, not(containsString(value)));
            }
        }
    }

    /** Whether the item's page links to its resources page. */
    private boolean links(String user, Item item) throws Exception {
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            wc.login(user);
            HtmlPage page = wc.getPage(item);
            for (HtmlAnchor anchor : page.getAnchors()) {
                String href = anchor.getHrefAttribute();
                if (href.endsWith("/" + item.getUrl() + ItemResourcesAction.URL_NAME)
                        || href.endsWith("/" + item.getUrl() + ItemResourcesAction.URL_NAME + "/")) {
                    return true;
                }
            }
            return false;
        }
    }

    private int status(String user, Item item) throws Exception {
        try (JenkinsRule.WebClient wc =
                j.createWebClient().withJavaScriptEnabled(false).withThrowExceptionOnFailingStatusCode(false)) {
            wc.login(user);
            Page page = wc.getPage(item, ItemResourcesAction.URL_NAME + "/");
            return page.getWebResponse().getStatusCode();
        }
    }

    @Test
    void withoutExtendedReadThereIsNoLinkAndThePageIsRefused() throws Exception {
        assertEquals(false, links(READER, job));
        assertEquals(false, links(READER, teamA));
        assertEquals(403, status(READER, job));
        assertEquals(403, status(READER, teamA));
        ItemResourcesAction action = job.getAction(ItemResourcesAction.class);
        assertNotNull(action);
        assertNull(Users.as(READER, action::getIconFileName));
    }

    @Test
    void withExtendedReadThereIsALinkAndThePage() throws Exception {
        assertEquals(true, links(AUTHOR, job));
        assertEquals(true, links(AUTHOR, teamA));
        assertEquals(200, status(AUTHOR, job));
        assertEquals(200, status(AUTHOR, teamA));
    }
}
