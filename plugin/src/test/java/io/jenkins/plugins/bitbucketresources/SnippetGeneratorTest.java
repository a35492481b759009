package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.CREDENTIALS_ID;
import static io.jenkins.plugins.bitbucketresources.Fixtures.TOKEN;
import static io.jenkins.plugins.bitbucketresources.Fixtures.addGlobally;
import static io.jenkins.plugins.bitbucketresources.Fixtures.cloudIntegration;
import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.ExtensionList;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The step's form, as the Snippet Generator of a job shows it: the resources the job sees to tick, a text field for
 * the others, the names typed checked as a build would look them up, and the call it generates.
 */
@WithJenkins
class SnippetGeneratorTest {

    private static final String STEP = WithBitbucketResourceStep.class.getName();

    private JenkinsRule j;
    private Folder teamA;
    private WorkflowJob job;
    private WithBitbucketResourceStep.DescriptorImpl descriptor;

    /**
     * The global list has {@code app-repo} and {@code tools}; folder {@code team-a} has its own {@code app-repo}, which
     * hides the global one, and a {@code broken-repo} whose saved definition was broken by hand.
     */
    @BeforeEach
    void resources(JenkinsRule j) throws Exception {
        this.j = j;
        addGlobally(cloudIntegration(CREDENTIALS_ID, TOKEN));
        Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"), gitRepo("tools", "acme/tools"));
        teamA = Fixtures.folder(j, "team-a");
        Fixtures.defineOn(teamA, gitRepo("app-repo", "team-a/app"), gitRepo("broken-repo", "team-a/broken"));
        Fixtures.editSavedConfiguration(
                teamA, "<sourceName>team-a/broken</sourceName>", "<sourceName>team-a</sourceName>");
        job = teamA.createProject(WorkflowJob.class, "build");
        descriptor = ExtensionList.lookupSingleton(WithBitbucketResourceStep.DescriptorImpl.class);
    }

    private static List<String> names(ResourceChoices choices) {
        return choices.getVisible().stream()
                .map(ResourceChoices.Choice::getName)
                .toList();
    }

    private static ResourceChoices.Choice choice(ResourceChoices choices, String name) {
        return choices.getVisible().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not offered"));
    }

    @Test
    void theListOffersWhatTheJobSeesNearestFirstWithWhereEachIsDefinedAndWhatItHides() {
        ResourceChoices choices = descriptor.choices(job, null);

        assertTrue(choices.isJobKnown());
        assertEquals(List.of("app-repo", "broken-repo", "tools"), names(choices));
        ResourceChoices.Choice appRepo = choice(choices, "app-repo");
        assertTrue(appRepo.isSelectable());
        assertFalse(appRepo.isChosen());
        assertEquals(
                "app-repo: gitRepo team-a/app, folder team-a, hiding the definition of the global list",
                appRepo.getLabel());
        ResourceChoices.Choice tools = choice(choices, "tools");
        assertTrue(tools.isSelectable());
        assertEquals("tools: gitRepo acme/tools, the global list", tools.getLabel());
    }

    @Test
    void aBrokenDefinitionIsListedWithTheEnginesWordsAndCannotBeTicked() {
        ResourceChoices.Choice broken = choice(descriptor.choices(job, null), "broken-repo");

        assertFalse(broken.isSelectable());
        assertEquals("broken-repo: defined in folder team-a", broken.getLabel());
        String reason = String.join("\n", broken.getReasonLines());
        assertThat(reason, containsString("Bitbucket resource `broken-repo` in folder team-a cannot be used"));
        assertThat(reason, containsString("sourceName"));
    }

    @Test
    void aResourceTheJobMayNotUseIsListedWithThePolicysLineAndCannotBeTicked() throws Exception {
        BitbucketResource deploy = gitRepo("deploy", "team-a/deploy");
        deploy.setAllowedJobs(List.of("team-a/release-*"));
        Fixtures.defineOn(teamA, gitRepo("app-repo", "team-a/app"), deploy);

        ResourceChoices.Choice refused = choice(descriptor.choices(job, null), "deploy");
        FormValidation typed = descriptor.doCheckResourcesText(job, "deploy");

        assertFalse(refused.isSelectable());
        assertEquals("deploy: gitRepo team-a/deploy, folder team-a", refused.getLabel());
        String reason = String.join("\n", refused.getReasonLines());
        assertThat(reason, containsString("Bitbucket resource `deploy`"));
        assertThat(reason, containsString("may not be used by job team-a/build"));
        assertThat(reason, containsString("allowedJobs"));
        assertEquals(FormValidation.Kind.ERROR, typed.kind, typed.renderHtml());
        assertThat(typed.renderHtml(), containsString("may not be used by job team-a/build"));
    }

    @Test
    void globalResourcesKeptForTheJobsOfOtherFoldersCannotBeTicked() {
        BitbucketResourcesConfiguration.get().setGlobalResourcesFolders(List.of("team-b"));

        ResourceChoices choices = descriptor.choices(job, null);

        assertTrue(choice(choices, "app-repo").isSelectable(), "the folder's own definition is not concerned");
        ResourceChoices.Choice tools = choice(choices, "tools");
        assertFalse(tools.isSelectable());
        assertThat(String.join("\n", tools.getReasonLines()), containsString("globalResourcesFolders"));
    }

    @Test
    void namesChosenEarlierThatTheListDoesNotOfferGoToTheTextField() {
        WithBitbucketResourceStep step =
                new WithBitbucketResourceStep(new String[] {"tools", "later-repo", "broken-repo"});
        step.setShipctl(true);

        ResourceChoices choices = descriptor.choices(job, step);

        assertTrue(choice(choices, "tools").isChosen());
        assertFalse(choice(choices, "app-repo").isChosen());
        assertEquals(List.of("later-repo", "broken-repo"), choices.getOthers());
        WithBitbucketResourceStep typed = descriptor.typed(choices, step);
        assertEquals("later-repo broken-repo", typed.getResourcesText());
        assertTrue(typed.isShipctl(), "the fields below the list show the step's other settings as they were");
        assertFalse(descriptor.typed(choices, null).isShipctl());
    }

    @Test
    void outsideAJobNothingIsOfferedAndEveryNameIsTyped() {
        ResourceChoices choices = descriptor.choices(null, new WithBitbucketResourceStep(new String[] {"app-repo"}));

        assertFalse(choices.isJobKnown());
        assertTrue(choices.getVisible().isEmpty());
        assertEquals(List.of("app-repo"), choices.getOthers());
    }

    @Test
    void theFormShowsTheListWithTheChosenNamesTickedAndTheOthersInTheTextField() throws Exception {
        FreeStyleProject project = teamA.createProject(FreeStyleProject.class, "form");
        project.getBuildersList()
                .add(new StepConfigTester.StepBuilder(
                        new WithBitbucketResourceStep(new String[] {"app-repo", "later-repo"})));

        HtmlPage page;
        try (JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false)) {
            page = wc.getPage(project, "configure");
        }

        List<String> offered = new ArrayList<>();
        List<String> ticked = new ArrayList<>();
        for (DomNode node : page.querySelectorAll("input[name='chosen']")) {
            HtmlCheckBoxInput box = (HtmlCheckBoxInput) node;
            offered.add(box.getAttribute("json"));
            if (box.isChecked()) {
                ticked.add(box.getAttribute("json"));
            }
        }
        assertEquals(List.of("app-repo", "tools"), offered);
        assertEquals(List.of("app-repo"), ticked);
        HtmlInput typed = (HtmlInput) page.querySelector("input[name='_.resourcesText']");
        assertEquals("later-repo", typed.getValue());
        String text = page.getWebResponse().getContentAsString();
        assertThat(
                text,
                containsString(
                        "app-repo: gitRepo team-a/app, folder team-a, hiding the definition of the global list"));
        assertThat(text, containsString("broken-repo: defined in folder team-a"));
        assertThat(text, containsString("cannot be used until its definition is fixed"));
        for (String form : Fixtures.formsOf(TOKEN)) {
            assertThat(text, not(containsString(form)));
        }
    }

    @Test
    void theFormRoundTripsTickedAndTypedNames() throws Exception {
        WithBitbucketResourceStep before =
                new WithBitbucketResourceStep(new String[] {"app-repo", "tools", "later-repo"});

        WithBitbucketResourceStep after = new StepConfigTester(j).configRoundTrip(before);

        j.assertEqualDataBoundBeans(before, after);
    }

    private static String form(Object chosen, String typed) {
        JSONObject form = new JSONObject().element("stapler-class", STEP).element("$class", STEP);
        if (chosen != null) {
            form.element("chosen", chosen);
        }
        return form.element("resourcesText", typed).toString();
    }

    @Test
    void oneTickedResourceGivesTheShortCall() throws Exception {
        new SnippetizerTester(j)
                .assertGenerateSnippet(
                        form("app-repo", ""), "withBitbucketResource('app-repo') {\n    // some block\n}", null);
    }

    @Test
    void tickedAndTypedNamesGiveTheListEachOnce() throws Exception {
        JSONArray ticked = new JSONArray();
        ticked.add("app-repo");
        ticked.add("tools");

        new SnippetizerTester(j)
                .assertGenerateSnippet(
                        form(ticked, " later-repo  tools "),
                        "withBitbucketResource(['app-repo', 'tools', 'later-repo']) {\n    // some block\n}",
                        null);
    }

    @Test
    void aTypedNameAloneGivesTheShortCall() throws Exception {
        new SnippetizerTester(j)
                .assertGenerateSnippet(
                        form(null, "later-repo"), "withBitbucketResource('later-repo') {\n    // some block\n}", null);
    }

    @Test
    void nothingChosenGeneratesNoCallButSaysWhatToDo() throws Exception {
        new SnippetizerTester(j)
                .assertGenerateSnippet(form(null, "  "), Messages.WithBitbucketResourceStep_NoneNamed(), null);
        assertThat(Messages.WithBitbucketResourceStep_NoneNamed(), containsString("tick at least one resource"));
    }

    @Test
    void typedNamesAreCheckedAsABuildOfTheJobWouldLookThemUp() {
        FormValidation unknown = descriptor.doCheckResourcesText(job, "app-rep");
        FormValidation broken = descriptor.doCheckResourcesText(job, "broken-repo");
        FormValidation twice = descriptor.doCheckResourcesText(job, "tools tools");

        assertEquals(FormValidation.Kind.WARNING, unknown.kind, unknown.renderHtml());
        assertThat(
                unknown.renderHtml(),
                containsString("No Bitbucket resource named `app-rep` is visible to job team-a/build"));
        assertThat(unknown.renderHtml(), containsString("Did you mean `app-repo`?"));
        assertEquals(FormValidation.Kind.ERROR, broken.kind, broken.renderHtml());
        assertThat(broken.renderHtml(), containsString("cannot be used until its definition is fixed"));
        assertEquals(FormValidation.Kind.ERROR, twice.kind, twice.renderHtml());
        assertThat(twice.renderHtml(), containsString("named more than once"));
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckResourcesText(job, "app-repo tools").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckResourcesText(job, " ").kind);
    }

    @Test
    void outsideAJobOnlyTheNamesThemselvesAreChecked() {
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckResourcesText(null, "app-repo bad!name").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckResourcesText(null, "app-rep").kind);
    }

    @Test
    void whoMayNotSeeTheJobsConfigurationIsOfferedNothingAndToldNothingOfIt() {
        Users.signIn(
                j,
                new MockAuthorizationStrategy()
                        .grant(Jenkins.READ, Item.READ)
                        .everywhere()
                        .to("reader")
                        .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ)
                        .everywhere()
                        .to("author"));

        ResourceChoices forReader = Users.as("reader", () -> descriptor.choices(job, null));
        assertFalse(forReader.isJobKnown());
        assertTrue(forReader.getVisible().isEmpty());
        assertEquals(
                FormValidation.Kind.OK, Users.as("reader", () -> descriptor.doCheckResourcesText(job, "app-rep")).kind);
        assertEquals(
                List.of("app-repo", "broken-repo", "tools"),
                names(Users.as("author", () -> descriptor.choices(job, null))));
        assertEquals(
                FormValidation.Kind.WARNING,
                Users.as("author", () -> descriptor.doCheckResourcesText(job, "app-rep")).kind);
    }
}
