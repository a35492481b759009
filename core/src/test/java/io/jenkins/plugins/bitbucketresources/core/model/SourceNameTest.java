package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceNameTest {

    private static final String FORM =
            "write `workspace/repo_slug` (Bitbucket Cloud, e.g. `acme/app`) or `PROJECT/repo` (Data Center, "
                    + "e.g. `PROJ/app`)";
    private static final String UUID = "{0f0e0d0c-0b0a-0908-0706-050403020100}";

    @Test
    void cloudFormIsSplitIntoWorkspaceAndSlug() {
        SourceName source = SourceName.parse("acme/app-service_2.x");

        assertThat(source.owner()).isEqualTo("acme");
        assertThat(source.slug()).isEqualTo("app-service_2.x");
        assertThat(source).hasToString("acme/app-service_2.x");
    }

    @Test
    void dataCenterFormIsSplitIntoProjectAndSlug() {
        SourceName source = SourceName.parse("PROJ/app");

        assertThat(source.owner()).isEqualTo("PROJ");
        assertThat(source.isPersonal()).isFalse();
    }

    @Test
    void personalRepositoryIsRecognised() {
        SourceName source = SourceName.parse("~jane.doe/app");

        assertThat(source.owner()).isEqualTo("~jane.doe");
        assertThat(source.isPersonal()).isTrue();
    }

    @Test
    void workspaceUuidIsAccepted() {
        assertThat(SourceName.parse(UUID + "/app").owner()).isEqualTo(UUID);
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        assertThat(SourceName.parse(" acme/app \n")).hasToString("acme/app");
    }

    @Test
    void emptySourceNameIsRefused() {
        assertRefused("", "is empty: " + FORM);
    }

    @Test
    void nameWithoutSlashIsRefused() {
        assertRefused("app", "`app` is not of the form owner/repository: " + FORM);
    }

    @Test
    void nameWithTwoSlashesIsRefused() {
        assertRefused("acme/app/src", "`acme/app/src` is not of the form owner/repository: " + FORM);
    }

    @Test
    void missingOwnerIsRefused() {
        assertRefused("/app", "has no workspace or project before `/`: " + FORM);
    }

    @Test
    void missingSlugIsRefused() {
        assertRefused("acme/", "has no repository after `/`: " + FORM);
    }

    @Test
    void webUrlIsRefusedAskingForTheShortForm() {
        assertRefused(
                "https://bitbucket.org/acme/app",
                "is a URL, not a source name: write only the owner and the repository slug, "
                        + "e.g. `acme/app` for https://bitbucket.org/acme/app");
    }

    @Test
    void sshCloneUrlIsRefusedAskingForTheShortForm() {
        assertRefused(
                "git@bitbucket.org:acme/app.git",
                "is a URL, not a source name: write only the owner and the repository slug, "
                        + "e.g. `acme/app` for https://bitbucket.org/acme/app");
    }

    @Test
    void badCharacterInOwnerIsRefused() {
        assertRefused(
                "ac me/app",
                "workspace or project `ac me` has characters Bitbucket does not allow: write it as in the "
                        + "repository's URL: a workspace ID (letters, digits, `-` and `_`), a project key, or `~user` for a personal "
                        + "repository");
    }

    @Test
    void badCharacterInSlugIsRefused() {
        assertRefused(
                "acme/app$",
                "repository slug `app$` has characters Bitbucket does not allow: use the slug from the "
                        + "repository's URL (letters, digits, `-`, `_` and `.`)");
    }

    @Test
    void dotDotSlugIsRefused() {
        assertRefused(
                "acme/..",
                "repository slug `..` has characters Bitbucket does not allow: use the slug from the repository's URL "
                        + "(letters, digits, `-`, `_` and `.`)");
    }

    @Test
    void gitSuffixIsRefusedWithTheSlugWithoutIt() {
        assertRefused(
                "acme/app.git", "repository slug `app.git` ends in `.git`: write the slug without it, e.g. `app`");
    }

    @Test
    void gitSuffixInAnyCaseIsRefused() {
        assertRefused(
                "PROJ/App.GIT", "repository slug `App.GIT` ends in `.git`: write the slug without it, e.g. `App`");
    }

    @Test
    void slugThatIsOnlyTheSuffixIsRefusedWithoutAnEmptyExample() {
        assertRefused("acme/.git", "repository slug `.git` ends in `.git`: write the slug without it");
    }

    @Test
    void overlongSlugIsRefused() {
        assertRefused(
                "acme/" + "a".repeat(129), "repository slug is 129 characters long; Bitbucket slugs have at most 128");
    }

    @Test
    void constructorValidatesLikeParse() {
        assertThatThrownBy(() -> new SourceName("acme", "app.git"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("repository slug `app.git` ends in `.git`: write the slug without it, e.g. `app`");
    }

    @Test
    void cloudAcceptsWorkspaceIdsAndUuids() {
        SourceName.parse("acme-corp_2/app").checkFor(Platform.CLOUD);
        SourceName.parse(UUID + "/app").checkFor(Platform.CLOUD);
    }

    @Test
    void cloudRefusesAPersonalProject() {
        assertRefusedFor(
                Platform.CLOUD,
                "~jane/app",
                "`~jane` is not a Bitbucket Cloud workspace ID (letters, digits, `-` and `_`; "
                        + "`~user` is a Data Center personal project): write `workspace/repo_slug`");
    }

    @Test
    void cloudRefusesADottedWorkspace() {
        assertRefusedFor(
                Platform.CLOUD,
                "acme.corp/app",
                "`acme.corp` is not a Bitbucket Cloud workspace ID (letters, digits, `-` and "
                        + "`_`): write `workspace/repo_slug`");
    }

    @Test
    void dataCenterAcceptsProjectKeysAndPersonalProjects() {
        SourceName.parse("PROJ_2/app").checkFor(Platform.DATA_CENTER);
        SourceName.parse("~jane.doe/app").checkFor(Platform.DATA_CENTER);
    }

    @Test
    void dataCenterRefusesAWorkspaceUuid() {
        assertRefusedFor(
                Platform.DATA_CENTER,
                UUID + "/app",
                "`" + UUID + "` is not a Bitbucket Data Center project key (a letter, "
                        + "then letters, digits or `_`) nor a personal project (`~user`): write `PROJECT/repo`");
    }

    @Test
    void dataCenterRefusesAHyphenatedWorkspace() {
        assertRefusedFor(
                Platform.DATA_CENTER,
                "acme-corp/app",
                "`acme-corp` is not a Bitbucket Data Center project key (a letter, then "
                        + "letters, digits or `_`) nor a personal project (`~user`): write `PROJECT/repo`");
    }

    @Test
    void dataCenterRefusesAProjectKeyStartingWithADigit() {
        assertRefusedFor(
                Platform.DATA_CENTER,
                "2PROJ/app",
                "`2PROJ` is not a Bitbucket Data Center project key (a letter, then letters, "
                        + "digits or `_`) nor a personal project (`~user`): write `PROJECT/repo`");
    }

    private static void assertRefused(String raw, String message) {
        assertThatThrownBy(() -> SourceName.parse(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("sourceName"))
                .hasMessage(message);
    }

    private static void assertRefusedFor(Platform platform, String raw, String message) {
        SourceName source = SourceName.parse(raw);
        assertThatThrownBy(() -> source.checkFor(platform))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("sourceName"))
                .hasMessage(message);
    }
}
