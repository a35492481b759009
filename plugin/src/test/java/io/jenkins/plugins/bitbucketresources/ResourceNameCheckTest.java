package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Names whose variable prefixes collide in one list (`app-repo` and `App-Repo` both give `APPREPO`) are refused when
 * the list is saved, and the name check warns about a collision with a name already saved in the same list.
 */
@WithJenkins
class ResourceNameCheckTest {

    private JenkinsRule j;
    private BitbucketResource.DescriptorImpl resources;

    @BeforeEach
    void descriptor(JenkinsRule j) {
        this.j = j;
        resources = ExtensionList.lookupSingleton(BitbucketResource.DescriptorImpl.class);
    }

    private static JSONObject entry(String name) {
        return new JSONObject()
                .element("name", name)
                .element("type", "gitRepo")
                .element("credentialsId", "bitbucket-cloud")
                .element("sourceName", "acme/" + name.toLowerCase());
    }

    private static JSONArray entries(String... names) {
        JSONArray all = new JSONArray();
        for (String name : names) {
            all.add(entry(name));
        }
        return all;
    }

    @Test
    void namesWithTheSamePrefixAreRefusedWhenTheGlobalListIsSaved() {
        Fixtures.defineGlobally(gitRepo("tools", "acme/tools"));

        Descriptor.FormException refused = assertThrows(
                Descriptor.FormException.class,
                () -> BitbucketResourcesConfiguration.get()
                        .configure(
                                (StaplerRequest2) null,
                                new JSONObject().element("resources", entries("app-repo", "App-Repo"))));

        assertThat(refused.getMessage(), containsString("resources[1]"));
        assertEquals(
                List.of("tools"),
                BitbucketResourcesConfiguration.get().getResources().stream()
                        .map(BitbucketResource::getName)
                        .toList());
        assertThrows(
                InvalidValueException.class,
                () -> Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"), gitRepo("App-Repo", "acme/other")));
    }

    @Test
    void namesWithTheSamePrefixAreRefusedWhenAFolderIsSaved() throws Exception {
        BitbucketResourcesFolderProperty.DescriptorImpl folders =
                ExtensionList.lookupSingleton(BitbucketResourcesFolderProperty.DescriptorImpl.class);

        Descriptor.FormException refused = assertThrows(
                Descriptor.FormException.class,
                () -> folders.newInstance(
                        (StaplerRequest2) null,
                        new JSONObject().element("resources", entries("app-repo", "App-Repo"))));

        assertThat(refused.getMessage(), containsString("resources[1]"));
        assertThrows(
                InvalidValueException.class,
                () -> new BitbucketResourcesFolderProperty(
                        List.of(gitRepo("app-repo", "acme/app"), gitRepo("App-Repo", "acme/other"))));
    }

    @Test
    void theNameCheckWarnsOfANameSavedInTheSameListWithTheSamePrefix() throws Exception {
        Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"));
        Folder folder = Fixtures.folder(j, "team-a");
        Fixtures.defineOn(folder, gitRepo("tools", "acme/tools"));

        FormValidation global = resources.doCheckName(null, "App-Repo");
        FormValidation itself = resources.doCheckName(null, "app-repo");
        FormValidation inFolder = resources.doCheckName(folder, "App-Repo");
        FormValidation toolsInFolder = resources.doCheckName(folder, "TOOLS");

        assertEquals(FormValidation.Kind.WARNING, global.kind);
        assertThat(global.renderHtml(), containsString("APPREPO"));
        assertThat(global.renderHtml(), containsString("app-repo"));
        assertEquals(FormValidation.Kind.OK, itself.kind);
        assertEquals(
                FormValidation.Kind.OK, inFolder.kind, "the global list is another list: the folder's entry hides it");
        assertEquals(FormValidation.Kind.WARNING, toolsInFolder.kind);
    }

    @Test
    void theNameCheckSuggestsANameThatIsValid() {
        FormValidation verdict = resources.doCheckName(null, "bad name!");

        assertEquals(FormValidation.Kind.ERROR, verdict.kind);
        Matcher suggestion = Pattern.compile("e\\.g\\. `([^`]+)`").matcher(verdict.renderHtml());
        assertTrue(suggestion.find(), verdict.renderHtml());
        assertNotEquals("bad-name!", suggestion.group(1));
        assertEquals(
                FormValidation.Kind.OK,
                resources.doCheckName(null, suggestion.group(1)).kind,
                "the suggested name " + suggestion.group(1));
    }
}
