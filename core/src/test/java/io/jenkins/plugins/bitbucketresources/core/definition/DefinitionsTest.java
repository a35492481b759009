package io.jenkins.plugins.bitbucketresources.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

    private static Validated<Resource> entry(String name, String sourceName) {
        return Resource.builder()
                .name(name)
                .type("gitRepo")
                .integration("bitbucket-cloud")
                .sourceName(sourceName)
                .build();
    }

    @Test
    void validEntriesAreKeptInOrder() {
        Validated<List<Resource>> checked =
                Definitions.check(List.of(entry("app-repo", "acme/app"), entry("lib", "acme/lib")));

        assertThat(checked.isValid()).isTrue();
        assertThat(checked.orElseThrow()).extracting(r -> r.name().value()).containsExactly("app-repo", "lib");
    }

    @Test
    void problemsAreNamedAfterTheirEntry() {
        Validated<List<Resource>> checked =
                Definitions.check(List.of(entry("app-repo", "acme/app"), entry("lib", "acme")));

        assertThat(checked.isValid()).isFalse();
        assertThat(checked.problems()).extracting(Problem::field).containsExactly("resources[1].sourceName");
    }

    @Test
    void aNameDefinedTwiceInOneScopeIsAnError() {
        Validated<List<Resource>> checked = Definitions.check(
                List.of(entry("app-repo", "acme/app"), entry("lib", "acme/lib"), entry("app-repo", "acme/other")));

        assertThat(checked.problems())
                .containsExactly(
                        Problem.error(
                                "resources[2].name",
                                "`app-repo` is already defined in this scope (resources[0]): rename one of them or remove the duplicate"));
    }

    @Test
    void namesGivingTheSameVariablePrefixAreRefusedWhenTheListIsSaved() {
        Validated<List<Resource>> checked = Definitions.check(
                List.of(entry("app-repo", "acme/app"), entry("lib", "acme/lib"), entry("App-Repo", "acme/other")));

        assertThat(checked.problems())
                .containsExactly(Problem.error(
                        "resources[2].name",
                        "`App-Repo` gives the variable prefix "
                                + "`APPREPO`, as `app-repo` (resources[0]) does, so their variables would overwrite each other and they could never "
                                + "be used together: rename one of them"));
    }

    @Test
    void namesWhosePrefixesDifferOnlyByAnUnderscoreAreDistinct() {
        assertThat(Definitions.check(List.of(entry("app-repo", "acme/app"), entry("app_repo", "acme/other")))
                        .isValid())
                .isTrue();
    }

    @Test
    void conflictsNameTheEntryAndTheEarlierOne() {
        List<Definitions.Conflict> conflicts = Definitions.conflicts(List.of(
                entry("app-repo", "acme/app"),
                entry("lib", "acme"),
                entry("app-repo", "acme/other"),
                entry("APPREPO", "acme/third")));

        assertThat(conflicts)
                .extracting(Definitions.Conflict::index, Definitions.Conflict::earlier)
                .containsExactly(tuple(2, 0), tuple(3, 0));
    }

    @Test
    void aBrokenEntryConflictsWithNothing() {
        assertThat(Definitions.conflicts(List.of(entry("app-repo", "acme"), entry("app-repo", "acme/app"))))
                .isEmpty();
    }

    @Test
    void anEmptyScopeIsValid() {
        assertThat(Definitions.check(List.of()).orElseThrow()).isEmpty();
    }
}
