package io.jenkins.plugins.bitbucketresources.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void samePrefixComesFirst() {
        assertThat(Suggestions.closest("apprepo", List.of("apprepos", "app-repo", "lib"))).containsExactly("app-repo", "apprepos");
    }

    @Test
    void caseIsIgnored() {
        assertThat(Suggestions.closest("App-Repo", List.of("app-repo"))).containsExactly("app-repo");
    }

    @Test
    void swapOfNeighboursIsOneEdit() {
        assertThat(Suggestions.distance("app-rpeo", "app-repo")).isEqualTo(1);
    }

    @Test
    void editsAreCounted() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("abc", "abc")).isZero();
    }

    @Test
    void farNamesAreNotSuggested() {
        assertThat(Suggestions.closest("database", List.of("app-repo", "lib", "tools"))).isEmpty();
    }

    @Test
    void shortNameIsNotMatchedToAnEntirelyDifferentOne() {
        assertThat(Suggestions.closest("ci", List.of("db", "qa"))).isEmpty();
    }

    @Test
    void shortNameStillGetsAOneEditSuggestion() {
        assertThat(Suggestions.closest("ci", List.of("cli", "db"))).containsExactly("cli");
    }

    @Test
    void atMostThreeAreSuggestedClosestFirstThenAlphabetically() {
        assertThat(Suggestions.closest("repo", List.of("repo2", "repo1", "rep", "repos", "rope")))
                .containsExactly("rep", "repo1", "repo2");
    }

    @Test
    void noCandidatesNoSuggestions() {
        assertThat(Suggestions.closest("app", List.of())).isEmpty();
    }
}
