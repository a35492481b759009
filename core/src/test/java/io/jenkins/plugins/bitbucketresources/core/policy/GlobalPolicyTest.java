package io.jenkins.plugins.bitbucketresources.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalPolicyTest {

    @Test
    void noFoldersMeansEveryJob() {
        GlobalPolicy policy = GlobalPolicy.parse(List.of("", "  ")).orElseThrow();

        assertThat(policy.everyJob()).isTrue();
        assertThat(policy).isEqualTo(GlobalPolicy.EVERY_JOB);
    }

    @Test
    void foldersAreStrippedAndTwinsWarned() {
        Validated<GlobalPolicy> policy = GlobalPolicy.parse(List.of(" team-a ", "platform/release", "team-a"));

        assertThat(policy.orElseThrow().folders()).containsExactly("team-a", "platform/release");
        assertThat(policy.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.field()).isEqualTo("globalResourcesFolders[2]");
        });
    }

    @Test
    void patternsAndBadNamesAreErrorsNamingTheEntry() {
        Validated<GlobalPolicy> policy = GlobalPolicy.parse(List.of("team-*", "/team-b", "ok"));

        assertThat(policy.isValid()).isFalse();
        assertThat(policy.problems())
                .extracting(Problem::field)
                .containsExactly("globalResourcesFolders[0]", "globalResourcesFolders[1]");
        assertThat(policy.problems().get(0).message()).contains("is a pattern: list folder full names");
        assertThat(policy.problems().get(1).message()).contains("is not a folder full name");
    }

    @Test
    void recordRefusesABadFolder() {
        assertThatThrownBy(() -> new GlobalPolicy(List.of("a//b"))).hasMessageContaining("not a folder full name");
    }
}
