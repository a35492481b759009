package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "team-a/**, team-a/build, true",
        "team-a/**, team-a/backend/build, true",
        "team-a/**, team-b/build, false",
        "team-a/**, team-ab/build, false",
        "release/*, release/deploy, true",
        "release/*, release/eu/deploy, false",
        "release/*, release, false",
        "team-a/deploy, team-a/deploy, true",
        "team-a/deploy, team-a/deploy-2, false",
        "team-a/deploy, Team-A/deploy, false",
        "**, build, true",
        "**, a/b/c/build, true",
        "**/deploy, deploy, true",
        "**/deploy, x/y/deploy, true",
        "**/deploy, x/y/deploy2, false",
        "team-*/build, team-a/build, true",
        "team-*/build, team/build, false",
        "*-release/*, eu-release/app, true",
        "a/**/b/**/c, a/b/c, true",
        "a/**/b/**/c, a/x/b/y/z/c, true",
        "a/**/b/**/c, a/x/c, false",
        "*, build, true",
        "*, team-a/build, false",
        "'my jobs/*', 'my jobs/nightly build', true"
    })
    void matchesJobFullNames(String pattern, String job, boolean expected) {
        assertThat(JobPattern.parse(pattern).matches(job)).isEqualTo(expected);
    }

    @Test
    void doubleStarStandsForNoFolderToo() {
        assertThat(JobPattern.parse("team-a/**").matches("team-a")).isTrue();
    }

    @Test
    void keepsThePatternAsWrittenWithoutSurroundingSpace() {
        JobPattern pattern = JobPattern.parse("  team-a/**  ");

        assertThat(pattern.value()).isEqualTo("team-a/**");
        assertThat(pattern).isEqualTo(JobPattern.parse("team-a/**")).hasToString("team-a/**");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyPatternIsRefused(String raw) {
        assertThatThrownBy(() -> JobPattern.parse(raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("empty pattern")
                .hasMessageContaining("team-a/**");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/team-a/**", "team-a/", "team-a//build"})
    void emptyNamesBetweenSlashesAreRefused(String raw) {
        assertThatThrownBy(() -> JobPattern.parse(raw)).hasMessageContaining("empty name between `/`");
    }

    @Test
    void doubleStarInsideANameIsRefused() {
        assertThatThrownBy(() -> JobPattern.parse("team-a/build**"))
                .hasMessageContaining("must stand alone between `/`")
                .hasMessageContaining("release-*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"release/?", "team-[ab]/build", "team\\a"})
    void otherWildcardsAreRefusedWithTheOnesThatWork(String raw) {
        assertThatThrownBy(() -> JobPattern.parse(raw))
                .hasMessageContaining("is not a wildcard here")
                .hasMessageContaining("`**`");
    }

    @Test
    void spaceNextToASlashIsRefusedWithTheFix() {
        assertThatThrownBy(() -> JobPattern.parse("team-a / build")).hasMessageContaining("write `team-a/build`");
    }

    @Test
    void lineBreakIsRefused() {
        assertThatThrownBy(() -> JobPattern.parse("team-a/**\nrelease/*")).hasMessageContaining("control character");
    }

    @Test
    void accessCollectsEveryProblemUnderItsIndex() {
        Validated<JobAccess> access = JobAccess.parse(List.of("team-a/**", "", "a//b", "team-a/**", "x**"), false);

        assertThat(access.isValid()).isFalse();
        assertThat(access.problems())
                .extracting(Problem::field)
                .containsExactly("allowedJobs[2]", "allowedJobs[3]", "allowedJobs[4]");
        assertThat(access.problems().get(1).isError()).isFalse();
    }

    @Test
    void accessSkipsBlankEntriesAndWarnsOfTwins() {
        JobAccess access =
                JobAccess.parse(List.of(" ", "release/*", "release/*"), true).orElseThrow();

        assertThat(access.allowedJobs()).containsExactly(JobPattern.parse("release/*"));
        assertThat(access.onlyOwnCheckout()).isTrue();
        assertThat(access.firstMatch("release/x")).contains(JobPattern.parse("release/*"));
        assertThat(access.describePatterns()).isEqualTo("`release/*`");
    }
}
