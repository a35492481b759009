package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceNameTest {

    @Test
    void nameIsKeptAsWrittenAndGivesItsPrefix() {
        ResourceName name = ResourceName.of("app-repo");

        assertThat(name.value()).isEqualTo("app-repo");
        assertThat(name.prefix()).isEqualTo("APPREPO");
    }

    @Test
    void designExamplesGiveTheirPrefixes() {
        assertThat(ResourceName.of("my-repo").prefix()).isEqualTo("MYREPO");
        assertThat(ResourceName.of("my_repo").prefix()).isEqualTo("MY_REPO");
        assertThat(ResourceName.of("2fast").prefix()).isEqualTo("FAST");
    }

    @Test
    void surroundingWhitespaceIsRemoved() {
        assertThat(ResourceName.of("  app-repo\n").value()).isEqualTo("app-repo");
    }

    @Test
    void emptyNameIsRefused() {
        assertRefused("  ", "is empty: name the resource, e.g. `app-repo`");
    }

    @Test
    void nameWithoutAPrefixIsRefused() {
        assertRefused(
                "2-4",
                "`2-4` gives no variable prefix (only letters, digits and `_` are kept, and leading digits are "
                        + "dropped): include at least one letter, e.g. `repo-2-4`");
    }

    @Test
    void nameOfOnlyNonAsciiLettersIsRefused() {
        assertRefused(
                "dépôt".replaceAll("[a-z]", ""),
                "`éô` gives no variable prefix (only letters, digits and `_` are kept, and "
                        + "leading digits are dropped): include at least one letter, e.g. `repo`");
    }

    @Test
    void whitespaceInsideIsRefusedWithAFixedSpelling() {
        assertRefused("my repo", "`my repo` contains whitespace: use letters, digits, `-` and `_`, e.g. `my-repo`");
    }

    @Test
    void punctuationInANameWithWhitespaceIsLeftOutOfTheSuggestion() {
        assertRefused(
                "bad name!", "`bad name!` contains whitespace: use letters, digits, `-` and `_`, e.g. `bad-name`");
    }

    @Test
    void suggestionsKeepWhatTheRulesAllow() {
        assertThat(ResourceName.suggestFor("my repo")).isEqualTo("my-repo");
        assertThat(ResourceName.suggestFor("  Team A / Tools  ")).isEqualTo("Team-A-Tools");
        assertThat(ResourceName.suggestFor("2-4")).isEqualTo("repo-2-4");
        assertThat(ResourceName.suggestFor("!!!")).isEqualTo("repo");
        assertThat(ResourceName.suggestFor("git  x")).isEqualTo("git-x");
        assertThat(ResourceName.suggestFor("job base")).isEqualTo("job-base");
        assertThat(ResourceName.suggestFor("job_base")).isEqualTo("job_base-repo");
        assertThat(ResourceName.suggestFor("a".repeat(200))).isEqualTo("a".repeat(128));
        assertThat(ResourceName.suggestFor("path " + "x".repeat(200))).hasSize(128);
    }

    @Test
    void overlongNameIsRefused() {
        assertRefused("a".repeat(129), "is 129 characters long: keep it to 128");
    }

    @Test
    void nameOfTheLongestLengthIsAccepted() {
        assertThat(ResourceName.of("a".repeat(128)).prefix()).hasSize(128);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            job       | JOB       | `JOB_BASE_NAME`, `JOB_DISPLAY_URL`, `JOB_NAME`, `JOB_URL`
            node      | NODE      | `NODE_LABELS`, `NODE_NAME`
            git       | GIT       | `GIT_ASKPASS`, `GIT_AUTHOR_EMAIL`, `GIT_AUTHOR_NAME`, `GIT_BRANCH`, `GIT_CHECKOUT_DIR`, `GIT_COMMIT`, `GIT_COMMITTER_EMAIL`, `GIT_COMMITTER_NAME`, `GIT_CONFIG_COUNT`, `GIT_DIR`, `GIT_LOCAL_BRANCH`, `GIT_PREVIOUS_COMMIT`, `GIT_PREVIOUS_SUCCESSFUL_COMMIT`, `GIT_SSH`, `GIT_SSH_COMMAND`, `GIT_URL`, `GIT_WORK_TREE`
            change    | CHANGE    | `CHANGE_AUTHOR`, `CHANGE_AUTHOR_DISPLAY_NAME`, `CHANGE_AUTHOR_EMAIL`, `CHANGE_BRANCH`, `CHANGE_FORK`, `CHANGE_ID`, `CHANGE_TARGET`, `CHANGE_TITLE`, `CHANGE_URL`
            build     | BUILD     | `BUILD_CAUSE`, `BUILD_DISPLAY_NAME`, `BUILD_ID`, `BUILD_NUMBER`, `BUILD_TAG`, `BUILD_URL`
            path      | PATH      | `PATH`
            home      | HOME      | `HOME`
            workspace | WORKSPACE | `WORKSPACE`, `WORKSPACE_TMP`
            """)
    void prefixReachingIntoJenkinsVariablesIsRefusedNamingThemAndAFix(String name, String prefix, String variables) {
        assertRefused(
                name,
                "`" + name + "` gives the variable prefix `" + prefix + "`, which would overwrite or shadow "
                        + variables + " set by Jenkins, its SCM or the shell: rename the resource, e.g. `" + name
                        + "-repo`");
    }

    @Test
    void reservedPrefixIsRefusedWhateverTheSpelling() {
        assertRefused(
                "Git.",
                "`Git.` gives the variable prefix `GIT`, which would overwrite or shadow `GIT_ASKPASS`, "
                        + "`GIT_AUTHOR_EMAIL`, `GIT_AUTHOR_NAME`, `GIT_BRANCH`, `GIT_CHECKOUT_DIR`, `GIT_COMMIT`, `GIT_COMMITTER_EMAIL`, "
                        + "`GIT_COMMITTER_NAME`, `GIT_CONFIG_COUNT`, `GIT_DIR`, `GIT_LOCAL_BRANCH`, `GIT_PREVIOUS_COMMIT`, "
                        + "`GIT_PREVIOUS_SUCCESSFUL_COMMIT`, `GIT_SSH`, `GIT_SSH_COMMAND`, `GIT_URL`, `GIT_WORK_TREE` set by Jenkins, "
                        + "its SCM or the shell: rename the resource, e.g. `Git-repo`");
    }

    @Test
    void prefixReachingIntoAVariableNamespaceFromInsideIsRefused() {
        assertRefused(
                "job_base",
                "`job_base` gives the variable prefix `JOB_BASE`, which would overwrite or shadow `JOB_BASE_NAME` "
                        + "set by Jenkins, its SCM or the shell: rename the resource, e.g. `job_base-repo`");
    }

    @Test
    void suggestedRenameOfAReservedNameIsItselfAccepted() {
        for (String name :
                new String[] {"job", "node", "git", "change", "build", "path", "home", "workspace", "job_base"}) {
            assertThat(ResourceName.of(name + "-repo").prefix())
                    .isEqualTo(name.toUpperCase(Locale.ROOT).replace("-", "") + "REPO");
        }
    }

    @Test
    void nameThatOnlyStartsLikeAReservedOneIsAccepted() {
        assertThat(ResourceName.of("app-repo").prefix()).isEqualTo("APPREPO");
        assertThat(ResourceName.of("jobs").prefix()).isEqualTo("JOBS");
        assertThat(ResourceName.of("git-tools").prefix()).isEqualTo("GITTOOLS");
    }

    @Test
    void namesOrderAsWritten() {
        assertThat(ResourceName.of("b")).isGreaterThan(ResourceName.of("a"));
    }

    private static void assertRefused(String raw, String message) {
        assertThatThrownBy(() -> ResourceName.of(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessage(message);
    }
}
