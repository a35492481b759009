package io.jenkins.plugins.bitbucketresources.core.revision;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepositoryAddressTest {

    @Test
    void scpLikeAndSshUrlGiveTheSameAddress() {
        assertThat(RepositoryAddress.parse("git@bitbucket.org:acme/app.git"))
                .isEqualTo(RepositoryAddress.parse("ssh://git@bitbucket.org/acme/app.git"))
                .contains(new RepositoryAddress("ssh", "bitbucket.org", "acme/app"));
    }

    @Test
    void portAndUserAreIgnored() {
        assertThat(RepositoryAddress.parse("ssh://builder@Git.Example.com:7999/proj/app.git"))
                .contains(new RepositoryAddress("ssh", "git.example.com", "proj/app"));
    }

    @Test
    void somethingThatIsNotARemoteHasNoAddress() {
        assertThat(RepositoryAddress.parse("")).isEmpty();
        assertThat(RepositoryAddress.parse("just-a-word")).isEmpty();
        assertThat(RepositoryAddress.parse("https://bitbucket.org/")).isEmpty();
        assertThat(RepositoryAddress.parse("file:///srv/git/app.git")).isEmpty();
    }

    @Test
    void httpAndHttpsAreOneTransportAndSshAnother() {
        assertThat(RepositoryAddress.parse("http://bitbucket.org/acme/app"))
                .isEqualTo(RepositoryAddress.parse("https://bitbucket.org/acme/app"));
        assertThat(RepositoryAddress.parse("https://bitbucket.org/acme/app"))
                .isNotEqualTo(RepositoryAddress.parse("git@bitbucket.org:acme/app"));
    }

    @Test
    void spellingsOfOneRepositoryAgree() {
        GeneratedCases.check(1000, generate -> {
            String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            String owner = generate.string(letters, 1, 12);
            String slug = generate.string(letters, 1, 12);
            Optional<RepositoryAddress> scp =
                    RepositoryAddress.parse("git@bitbucket.org:" + owner + "/" + slug + ".git");
            Optional<RepositoryAddress> ssh = RepositoryAddress.parse(
                    "ssh://git@BITBUCKET.org:22/" + owner.toUpperCase(Locale.ROOT) + "/" + slug + "/");

            assertThat(scp).isPresent().isEqualTo(ssh);
        });
    }
}
