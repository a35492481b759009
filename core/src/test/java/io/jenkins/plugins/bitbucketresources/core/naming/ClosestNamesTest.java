package io.jenkins.plugins.bitbucketresources.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNamesTest {

    @Test
    void samePrefixComesFirst() {
        assertThat(ClosestNames.closest("apprepo", List.of("apprepos", "app-repo", "lib")))
                .containsExactly("app-repo", "apprepos");
    }

    @Test
    void candidatesAreRankedByTheClosestOfSeveralWantedNamesKeepingTheirOrderOnTies() {
        assertThat(ClosestNames.byCloseness(
                        List.of("app-rep", "tols"), List.of("zeta", "tools", "lib", "app-repo", "AppRep", "tool")))
                .containsExactly("AppRep", "tools", "app-repo", "tool", "zeta", "lib");
    }

    @Test
    void caseIsIgnored() {
        assertThat(ClosestNames.closest("App-Repo", List.of("app-repo"))).containsExactly("app-repo");
    }

    @Test
    void swapOfNeighboursIsOneEdit() {
        assertThat(ClosestNames.distance("app-rpeo", "app-repo")).isEqualTo(1);
    }

    @Test
    void editsAreCounted() {
        assertThat(ClosestNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestNames.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestNames.distance("abc", "abc")).isZero();
    }

    @Test
    void farNamesAreNotSuggested() {
        assertThat(ClosestNames.closest("database", List.of("app-repo", "lib", "tools")))
                .isEmpty();
    }

    @Test
    void shortNameIsNotMatchedToAnEntirelyDifferentOne() {
        assertThat(ClosestNames.closest("ci", List.of("db", "qa"))).isEmpty();
    }

    @Test
    void shortNameStillGetsAOneEditSuggestion() {
        assertThat(ClosestNames.closest("ci", List.of("cli", "db"))).containsExactly("cli");
    }

    @Test
    void atMostThreeAreSuggestedClosestFirstThenAlphabetically() {
        assertThat(ClosestNames.closest("repo", List.of("repo2", "repo1", "rep", "repos", "rope")))
                .containsExactly("rep", "repo1", "repo2");
    }

    @Test
    void noCandidatesNoSuggestions() {
        assertThat(ClosestNames.closest("app", List.of())).isEmpty();
    }
}
