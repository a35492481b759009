package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloneLinksTest {

    @Test
    void userNameIsRemovedFromAnHttpsLink() {
        assertThat(CloneLinks.http("https://jdoe@bitbucket.org/acme/app.git"))
                .contains("https://bitbucket.org/acme/app.git");
    }

    @Test
    void userAndPasswordAreRemovedAndThePortKept() {
        assertThat(CloneLinks.http("http://jdoe:secret@bitbucket.example.com:7990/scm/proj/app.git"))
                .contains("http://bitbucket.example.com:7990/scm/proj/app.git");
    }

    @Test
    void linkWithoutUserIsKept() {
        assertThat(CloneLinks.http("https://bitbucket.example.com/scm/proj/app.git"))
                .contains("https://bitbucket.example.com/scm/proj/app.git");
    }

    @Test
    void nonHttpLinkIsNoHttpsUrl() {
        assertThat(CloneLinks.http("ssh://git@bitbucket.org/acme/app.git")).isEmpty();
        assertThat(CloneLinks.http("not a url")).isEmpty();
    }

    @Test
    void sshLinkKeepsItsLoginUserButNoPassword() {
        assertThat(CloneLinks.ssh("ssh://git@bitbucket.example.com:7999/proj/app.git"))
                .contains("ssh://git@bitbucket.example.com:7999/proj/app.git");
        assertThat(CloneLinks.ssh("ssh://git:secret@bitbucket.example.com:7999/proj/app.git"))
                .contains("ssh://git@bitbucket.example.com:7999/proj/app.git");
    }

    @Test
    void scpLikeSshLinkIsKept() {
        assertThat(CloneLinks.ssh("git@bitbucket.org:acme/app.git")).contains("git@bitbucket.org:acme/app.git");
    }
}
