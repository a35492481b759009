package io.jenkins.plugins.bitbucketresources.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReservedVariablesTest {

    @Test
    void prefixOwningANamespaceCollidesWithEveryVariableInIt() {
        assertThat(ReservedVariables.collisions("NODE")).contains(List.of("NODE_LABELS", "NODE_NAME"));
    }

    @Test
    void prefixEqualToAVariableCollidesWithIt() {
        assertThat(ReservedVariables.collisions("PATH")).contains(List.of("PATH"));
    }

    @Test
    void longerPrefixInsideANamespaceCollidesOnlyWithWhatItReaches() {
        assertThat(ReservedVariables.collisions("JOB_BASE")).contains(List.of("JOB_BASE_NAME"));
    }

    @Test
    void prefixThatMerelyStartsLikeAVariableIsSafe() {
        assertThat(ReservedVariables.collisions("PATHS")).isEmpty();
        assertThat(ReservedVariables.collisions("JOBS")).isEmpty();
        assertThat(ReservedVariables.collisions("GITREPO")).isEmpty();
    }

    @Test
    void prefixExtendingAVariableIsSafe() {
        assertThat(ReservedVariables.collisions("PATH_EXTRA")).isEmpty();
    }

    @Test
    void ordinaryPrefixIsSafe() {
        assertThat(ReservedVariables.collisions("APPREPO")).isEmpty();
    }

    @Test
    void collisionsAreListedSorted() {
        List<String> hits = ReservedVariables.collisions("GIT").orElseThrow();
        assertThat(hits).isSorted().contains("GIT_COMMIT", "GIT_BRANCH", "GIT_URL");
    }

    @Test
    void everyVariableJenkinsSetsForBuildsIsKnown() {
        assertThat(ReservedVariables.known())
                .contains(
                        "JOB_NAME",
                        "NODE_NAME",
                        "GIT_COMMIT",
                        "GIT_BRANCH",
                        "CHANGE_BRANCH",
                        "BUILD_NUMBER",
                        "BUILD_URL",
                        "PATH",
                        "HOME",
                        "WORKSPACE",
                        "BRANCH_NAME",
                        "TAG_NAME");
    }
}
