package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.StaplerRequest2;

@WithJenkins
class BitbucketResourcesFolderPropertyTest {

    private static BitbucketResourcesFolderProperty.DescriptorImpl descriptor() {
        return ExtensionList.lookupSingleton(BitbucketResourcesFolderProperty.DescriptorImpl.class);
    }

    private static JSONObject entry(String name, String sourceName) {
        return new JSONObject()
                .element("name", name)
                .element("type", "syncRepo")
                .element("credentialsId", "bitbucket-cloud")
                .element("sourceName", sourceName)
                .element("branchesOnlyText", "main  release/*")
                .element("buildOnCommit", false)
                .element("resolveCommit", true);
    }

    @Test
    void theFolderPageKeepsEveryField(JenkinsRule j) throws Exception {
        Folder folder = Fixtures.folder(j, "team-a");
        BitbucketResource resource = Fixtures.resource("app-repo", "syncRepo", "bitbucket-cloud", "acme/app");
        resource.setBranch("main");
        resource.setTagsOnly(List.of("v*"));
        resource.setBuildOnPullRequest(true);
        Fixtures.defineOn(folder, resource, gitRepo("tools", "acme/tools"));

        folder = j.configRoundtrip(folder);

        BitbucketResourcesFolderProperty after = folder.getProperties().get(BitbucketResourcesFolderProperty.class);
        assertNotNull(after);
        assertEquals(2, after.getResources().size());
        j.assertEqualDataBoundBeans(resource, after.getResources().get(0));
        j.assertEqualDataBoundBeans(
                gitRepo("tools", "acme/tools"), after.getResources().get(1));
    }

    @Test
    void aFolderWithoutResourcesKeepsNoProperty(JenkinsRule j) throws Exception {
        Folder folder = Fixtures.folder(j, "team-a");
        Fixtures.defineOn(folder, gitRepo("app-repo", "acme/app"));

        assertNull(descriptor().newInstance((StaplerRequest2) null, new JSONObject()));
        assertNull(descriptor()
                .newInstance((StaplerRequest2) null, new JSONObject().element("resources", new JSONArray())));
    }

    @Test
    void theFormsListsBecomeTheResources(JenkinsRule j) throws Exception {
        JSONArray two = new JSONArray();
        two.add(entry("app-repo", "acme/app"));
        two.add(entry("tools", "acme/tools"));

        BitbucketResourcesFolderProperty property = (BitbucketResourcesFolderProperty)
                descriptor().newInstance((StaplerRequest2) null, new JSONObject().element("resources", two));

        assertNotNull(property);
        assertEquals(2, property.getResources().size());
        BitbucketResource first = property.getResources().get(0);
        assertEquals(List.of("main", "release/*"), first.getBranchesOnly());
        assertEquals(false, first.isBuildOnCommit());
        assertEquals(true, first.isResolveCommit());
    }

    @Test
    void aWrongEntryIsRefusedWithTheEnginesMessage(JenkinsRule j) {
        Descriptor.FormException refused = assertThrows(
                Descriptor.FormException.class,
                () -> descriptor()
                        .newInstance(
                                (StaplerRequest2) null,
                                new JSONObject().element("resources", entry("app-repo", "acme"))));

        assertThat(refused.getMessage(), containsString("resources[0].sourceName"));
        assertThat(refused.getMessage(), containsString("owner/repository"));
    }

    @Test
    void aResourceWithBranchAndBranchesIsRefused(JenkinsRule j) {
        BitbucketResource both = gitRepo("app-repo", "acme/app");
        both.setBranch("main");
        both.setBranchesOnly(List.of("release/*"));

        InvalidValueException refused =
                assertThrows(InvalidValueException.class, () -> new BitbucketResourcesFolderProperty(List.of(both)));

        assertThat(refused.getMessage(), containsString("together with `branch`"));
    }
}
