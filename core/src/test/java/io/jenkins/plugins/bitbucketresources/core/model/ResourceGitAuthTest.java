package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;

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
    void copiesKeepTheOtherSetting() {
        Resource off = appRepo().gitAuth(false).build().orElseThrow();

        assertThat(off.withResolveCommit(true).gitAuth()).isFalse();
        assertThat(off.withResolveCommit(true))
                .isEqualTo(appRepo().gitAuth(false).resolveCommit(true).build().orElseThrow());
    }
}
