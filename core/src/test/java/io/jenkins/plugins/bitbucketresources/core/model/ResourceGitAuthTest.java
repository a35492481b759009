package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceGitAuthTest {

    private static Resource.Builder appRepo() {
        return Resource.builder()
                .name("app-repo")
                .type("gitRepo")
                .integration("bitbucket-cloud")
                .sourceName("acme/app");
    }

    @Test
    void gitAuthIsOnUnlessSwitchedOff() {
        assertThat(appRepo().build().orElseThrow().gitAuth()).isTrue();
        assertThat(appRepo().gitAuth(false).build().orElseThrow().gitAuth()).isFalse();
    }

    @Test
    void theConstructorWithoutTheSettingHasItOn() {
        Resource resource = new Resource(
                ResourceName.of("app"),
                ResourceType.GIT_REPO,
                "c",
                SourceName.parse("acme/app"),
                Optional.empty(),
                RefFilter.NONE,
                RefFilter.NONE,
                BuildTriggers.DEFAULT,
                false);

        assertThat(resource.gitAuth()).isTrue();
    }

    @Test
    void copiesKeepTheOtherSetting() {
        Resource off = appRepo().gitAuth(false).build().orElseThrow();

        assertThat(off.withResolveCommit(true).gitAuth()).isFalse();
        assertThat(off.withResolveCommit(true).withGitAuth(true))
                .isEqualTo(appRepo().resolveCommit(true).build().orElseThrow());
    }
}
