package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefFilterTest {

    @Test
    void patternsAreKeptInOrderAndStripped() {
        RefFilter filter = RefFilter.of("branches", List.of(" main ", "release/*"), List.of("release/old"));

        assertThat(filter.only()).containsExactly("main", "release/*");
        assertThat(filter.except()).containsExactly("release/old");
        assertThat(filter.isEmpty()).isFalse();
    }

    @Test
    void noPatternsIsNoFilter() {
        assertThat(RefFilter.of("tags", List.of(), List.of())).isEqualTo(RefFilter.NONE);
        assertThat(RefFilter.NONE.isEmpty()).isTrue();
    }

    @Test
    void exceptAloneIsAFilter() {
        assertThat(RefFilter.of("tags", List.of(), List.of("nightly-*")).isEmpty())
                .isFalse();
    }

    @Test
    void badPatternIsRefusedNamingItsIndex() {
        assertRefused(
                List.of("main", "a..b"),
                List.of(),
                "branches.only[1]",
                "`a..b` contains `..`, which git does not allow in a " + "branch or tag pattern");
    }

    @Test
    void duplicateInOnlyIsRefused() {
        assertRefused(
                List.of("main", "develop", "main"),
                List.of(),
                "branches.only[2]",
                "`main` is listed twice: remove one");
    }

    @Test
    void duplicateInExceptIsRefused() {
        assertRefused(
                List.of(), List.of("wip/*", " wip/* "), "branches.except[1]", "`wip/*` is listed twice: remove one");
    }

    @Test
    void patternInBothListsIsRefused() {
        assertRefused(
                List.of("main", "develop"),
                List.of("develop"),
                "branches.except[0]",
                "`develop` is in both `only` and `except`, so "
                        + "it would be followed and ignored at once: remove it from one of them");
    }

    @Test
    void collectReportsEveryBadPattern() {
        List<Problem> problems = new ArrayList<>();

        assertThat(RefFilter.collect(problems, "tags", List.of("v*", "", "v*"), List.of("a b")))
                .isEmpty();
        assertThat(problems)
                .extracting(Problem::field)
                .containsExactly("tags.only[1]", "tags.only[2]", "tags.except[0]");
    }

    @Test
    void constructorValidatesToo() {
        assertThatThrownBy(() -> new RefFilter(List.of("ok", "refs/heads/main"), List.of()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("only[1]"))
                .hasMessage("`refs/heads/main` is a full ref name: write the short name, e.g. `main`");
    }

    @Test
    void constructorStripsLikeTheFactory() {
        assertThat(new RefFilter(List.of(" main "), List.of()))
                .isEqualTo(RefFilter.of("branches", List.of("main"), List.of()));
    }

    @Test
    void listsAreImmutable() {
        List<String> only = new ArrayList<>(List.of("main"));
        RefFilter filter = new RefFilter(only, List.of());
        only.add("develop");

        assertThat(filter.only()).containsExactly("main");
        assertThatThrownBy(() -> filter.only().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static void assertRefused(List<String> only, List<String> except, String field, String message) {
        assertThatThrownBy(() -> RefFilter.of("branches", only, except))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessage(message);
    }
}
