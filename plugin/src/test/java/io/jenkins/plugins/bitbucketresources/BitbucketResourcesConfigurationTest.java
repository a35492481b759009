package io.jenkins.plugins.bitbucketresources;

import static io.jenkins.plugins.bitbucketresources.Fixtures.gitRepo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Descriptor;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;
import org.kohsuke.stapler.StaplerRequest2;

class BitbucketResourcesConfigurationTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static BitbucketResource everyField() {
        BitbucketResource resource = Fixtures.resource("app-repo", "ciRepo", "bitbucket-cloud", "acme/app");
        resource.setBranchesOnly(List.of("main", "release/*"));
        resource.setBranchesExcept(List.of("release/old"));
        resource.setTagsOnly(List.of("v*"));
        resource.setTagsExcept(List.of("*-rc*"));
        resource.setBuildOnCommit(false);
        resource.setBuildOnPullRequest(true);
        resource.setBuildOnTagPush(true);
        resource.setBuildOnRelease(true);
        resource.setResolveCommit(true);
        resource.setGitAuth(false);
        resource.setShipctl(true);
        return resource;
    }

    @Test
    void theConfigurationPageKeepsEveryField() throws Throwable {
        sessions.then(j -> {
            BitbucketResource branchOnly = gitRepo("tools", "acme/tools");
            branchOnly.setBranch("main");
            Fixtures.defineGlobally(everyField(), branchOnly);

            j.configRoundtrip();

            List<BitbucketResource> after =
                    BitbucketResourcesConfiguration.get().getResources();
            assertEquals(2, after.size());
            j.assertEqualDataBoundBeans(everyField(), after.get(0));
            j.assertEqualDataBoundBeans(branchOnly, after.get(1));
        });
    }

    @Test
    void theListSurvivesARestart() throws Throwable {
        sessions.then(j -> Fixtures.defineGlobally(everyField()));
        sessions.then(j -> {
            List<BitbucketResource> after =
                    BitbucketResourcesConfiguration.get().getResources();
            assertEquals(1, after.size());
            j.assertEqualDataBoundBeans(everyField(), after.get(0));
        });
    }

    /** Saved before git authentication and shipctl could be set: git authentication on, as it is by default. */
    @Test
    void aResourceSavedBeforeGitAuthenticationExistedHasItOn() throws Throwable {
        sessions.then(j -> {
            Files.writeString(
                    j.jenkins.getRootDir().toPath().resolve(BitbucketResourcesConfiguration.class.getName() + ".xml"),
                    "<?xml version='1.1' encoding='UTF-8'?>\n"
                            + "<" + BitbucketResourcesConfiguration.class.getName() + ">\n"
                            + "  <resources>\n"
                            + "    <" + BitbucketResource.class.getName() + ">\n"
                            + "      <name>app-repo</name>\n"
                            + "      <type>gitRepo</type>\n"
                            + "      <credentialsId>bitbucket-cloud</credentialsId>\n"
                            + "      <sourceName>acme/app</sourceName>\n"
                            + "      <branch></branch>\n"
                            + "      <buildOnCommit>true</buildOnCommit>\n"
                            + "      <resolveCommit>false</resolveCommit>\n"
                            + "    </" + BitbucketResource.class.getName() + ">\n"
                            + "  </resources>\n"
                            + "</" + BitbucketResourcesConfiguration.class.getName() + ">\n",
                    StandardCharsets.UTF_8);

            BitbucketResourcesConfiguration.get().load();

            BitbucketResource loaded =
                    BitbucketResourcesConfiguration.get().getResources().get(0);
            assertTrue(loaded.isGitAuth());
            assertFalse(loaded.isShipctl());
            assertTrue(loaded.toResource().orElseThrow().gitAuth());
        });
    }

    @Test
    void submittingNoEntriesEmptiesTheList() throws Throwable {
        sessions.then(j -> {
            Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"));

            BitbucketResourcesConfiguration.get().configure((StaplerRequest2) null, new JSONObject());

            assertThat(BitbucketResourcesConfiguration.get().getResources(), empty());
        });
    }

    @Test
    void aWrongEntryKeepsWhatWasSaved() throws Throwable {
        sessions.then(j -> {
            Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"));
            JSONObject wrong = new JSONObject()
                    .element("name", "app repo")
                    .element("type", "gitRepo")
                    .element("credentialsId", "bitbucket-cloud")
                    .element("sourceName", "acme/app");

            Descriptor.FormException refused = assertThrows(
                    Descriptor.FormException.class,
                    () -> BitbucketResourcesConfiguration.get()
                            .configure((StaplerRequest2) null, new JSONObject().element("resources", wrong)));

            assertThat(refused.getMessage(), containsString("resources[0].name"));
            assertThat(refused.getMessage(), containsString("contains whitespace"));
            assertEquals(
                    "acme/app",
                    BitbucketResourcesConfiguration.get().getResources().get(0).getSourceName());
        });
    }

    @Test
    void aNameDefinedTwiceIsRefused() throws Throwable {
        sessions.then(j -> {
            InvalidValueException refused = assertThrows(
                    InvalidValueException.class,
                    () -> Fixtures.defineGlobally(gitRepo("app-repo", "acme/app"), gitRepo("app-repo", "acme/other")));

            assertThat(refused.getMessage(), containsString("already defined"));
            assertThat(BitbucketResourcesConfiguration.get().getResources(), empty());
        });
    }
}
