package io.jenkins.plugins.bitbucketresources.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobPathTest {

    @Test
    void foldersComeNearestFirst() {
        assertThat(JobPath.parse("team-a/backend/build").foldersNearestFirst())
                .containsExactly("team-a/backend", "team-a");
    }

    @Test
    void jobAtTheTopHasNoFolders() {
        assertThat(JobPath.parse("build").foldersNearestFirst()).isEmpty();
    }

    @Test
    void jobInOneFolderHasThatFolder() {
        assertThat(JobPath.parse("team-a/build").foldersNearestFirst()).containsExactly("team-a");
    }

    @Test
    void folderNamesMayContainSpacesAndDots() {
        assertThat(JobPath.parse("Team A/v1.2/build").foldersNearestFirst()).containsExactly("Team A/v1.2", "Team A");
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        assertThat(JobPath.parse("  team-a/build \n").fullName()).isEqualTo("team-a/build");
    }

    @Test
    void emptyJobIsRefused() {
        assertThatThrownBy(() -> JobPath.parse(" "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("job"))
                .hasMessage("is empty: give the job's full name, e.g. `team-a/backend/build`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/team-a/build", "team-a/build/", "team-a//build", "team-a/ /build"})
    void emptyFolderNameIsRefused(String raw) {
        assertThatThrownBy(() -> JobPath.parse(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("job"))
                .hasMessage("`" + raw
                        + "` has an empty folder name: write folder names separated by single `/`, without a leading or "
                        + "trailing `/`, e.g. `team-a/backend/build`");
    }

    @Test
    void messagesNameTheJobOrARunOutsideAnyJob() {
        assertThat(JobPath.describe(Optional.of(JobPath.parse("team-a/build")))).isEqualTo("job team-a/build");
        assertThat(JobPath.describe(Optional.empty())).isEqualTo("a run outside any job");
    }
}
