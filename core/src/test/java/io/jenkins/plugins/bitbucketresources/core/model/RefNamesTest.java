package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefNamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "main",
                "feature/login-form",
                "release/2.x",
                "v1.0.0",
                "hotfix_42",
                "a@b",
                "deps/@types",
                "user/ünicode"
            })
    void validNamesAreAccepted(String name) {
        assertThat(RefNames.checkName("branch", name)).isEqualTo(name);
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        assertThat(RefNames.checkName("branch", " main\n")).isEqualTo("main");
    }

    @ParameterizedTest
    @ValueSource(strings = {"release/*", "v?.0", "*", "feature/**"})
    void globsAreAcceptedInPatterns(String pattern) {
        assertThat(RefNames.checkPattern("branches.only[0]", pattern)).isEqualTo(pattern);
    }

    @Test
    void emptyNameIsRefused() {
        assertNameRefused(" ", "is empty: write a branch or tag name, e.g. `main`");
    }

    @Test
    void emptyPatternIsRefused() {
        assertPatternRefused("", "is empty: write a branch or tag pattern, e.g. `main`");
    }

    @Test
    void spaceIsRefused() {
        assertNameRefused(
                "feature x",
                "`feature x` contains whitespace, which git does not allow in a branch or tag name: copy the "
                        + "name from Bitbucket");
    }

    @Test
    void controlCharacterIsRefusedByPosition() {
        assertNameRefused(
                "main\u0007x",
                "contains a line break or another control character at position 5, which git does not allow "
                        + "in a branch or tag name");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a~b  | ~
            a^b  | ^
            a:b  | :
            a\\b | \\
            a[b  | [
            """)
    void charactersGitForbidsAreRefused(String name, String character) {
        assertNameRefused(
                name, "`" + name + "` contains `" + character + "`, which git does not allow in a branch or tag name");
    }

    @Test
    void globInABranchNameIsRefusedPointingToPatterns() {
        assertNameRefused(
                "release/*",
                "`release/*` contains `*`, which git does not allow in a branch or tag name; use "
                        + "`branches: {only: [...]}` for patterns");
        assertNameRefused(
                "v?",
                "`v?` contains `?`, which git does not allow in a branch or tag name; use `branches: {only: [...]}` "
                        + "for patterns");
    }

    @Test
    void bracketIsRefusedEvenInPatterns() {
        assertPatternRefused("v[0-9]", "`v[0-9]` contains `[`, which git does not allow in a branch or tag pattern");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a..b  | ..
            a@{1} | @{
            a//b  | //
            """)
    void sequencesGitForbidsAreRefused(String name, String sequence) {
        assertNameRefused(
                name, "`" + name + "` contains `" + sequence + "`, which git does not allow in a branch or tag name");
    }

    @Test
    void loneAtSignIsRefused() {
        assertNameRefused("@", "`@` alone is not a valid branch or tag name: git reads it as HEAD");
    }

    @Test
    void leadingSlashIsRefused() {
        assertNameRefused("/main", "`/main` starts with `/`, which git does not allow in a branch or tag name");
    }

    @Test
    void leadingDashIsRefused() {
        assertNameRefused("-main", "`-main` starts with `-`, which git does not allow in a branch or tag name");
    }

    @Test
    void trailingSlashIsRefused() {
        assertNameRefused("main/", "`main/` ends with `/`, which git does not allow in a branch or tag name");
    }

    @Test
    void trailingDotIsRefused() {
        assertNameRefused("v1.", "`v1.` ends with `.`, which git does not allow in a branch or tag name");
    }

    @Test
    void partStartingWithDotIsRefused() {
        assertNameRefused(
                "feature/.hidden",
                "`feature/.hidden` has a part starting with `.`, which git does not allow in a branch or "
                        + "tag name");
        assertNameRefused(
                ".hidden", "`.hidden` has a part starting with `.`, which git does not allow in a branch or tag name");
    }

    @Test
    void partEndingWithLockIsRefused() {
        assertNameRefused(
                "main.lock",
                "`main.lock` has a part ending with `.lock`, which git does not allow in a branch or tag name");
        assertNameRefused(
                "a.lock/b",
                "`a.lock/b` has a part ending with `.lock`, which git does not allow in a branch or tag name");
    }

    @Test
    void fullBranchRefIsRefusedWithItsShortName() {
        assertNameRefused("refs/heads/main", "`refs/heads/main` is a full ref name: write the short name, e.g. `main`");
    }

    @Test
    void fullTagRefIsRefusedWithItsShortName() {
        assertPatternRefused("refs/tags/v*", "`refs/tags/v*` is a full ref name: write the short name, e.g. `v*`");
    }

    @Test
    void otherFullRefIsRefused() {
        assertNameRefused("refs/pull/1", "`refs/pull/1` is a full ref name: write the short name of a branch or tag");
    }

    @Test
    void problemNamesTheFieldItWasGiven() {
        assertThatThrownBy(() -> RefNames.checkPattern("tags.except[3]", "a..b"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tags.except[3]"));
    }

    private static void assertNameRefused(String raw, String message) {
        assertThatThrownBy(() -> RefNames.checkName("branch", raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("branch"))
                .hasMessage(message);
    }

    private static void assertPatternRefused(String raw, String message) {
        assertThatThrownBy(() -> RefNames.checkPattern("branches.only[0]", raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("branches.only[0]"))
                .hasMessage(message.replace("branch or tag name", "branch or tag pattern"));
    }
}
