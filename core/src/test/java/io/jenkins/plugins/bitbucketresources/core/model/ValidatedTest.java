package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatedTest {

    @Test
    void valueWithWarningsIsValid() {
        Validated<String> result = Validated.of("x", List.of(Problem.warning("token", "is written inline")));

        assertThat(result.isValid()).isTrue();
        assertThat(result.orElseThrow()).isEqualTo("x");
        assertThat(result.problems())
                .extracting(Problem::toString)
                .containsExactly("warning: token: is written inline");
    }

    @Test
    void anErrorMakesItInvalid() {
        Validated<String> result = Validated.of(null, List.of(Problem.warning("a", "w"), Problem.error("b", "e")));

        assertThat(result).isInstanceOf(Validated.Invalid.class);
        assertThat(result.problems()).hasSize(2);
    }

    @Test
    void orElseThrowOfOneErrorKeepsItsField() {
        assertThatThrownBy(() -> Validated.of(null, List.of(Problem.warning("a", "w"), Problem.error("b", "e")))
                        .orElseThrow())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("b"))
                .hasMessage("b: e");
    }

    @Test
    void mapKeepsTheWarnings() {
        Validated<Integer> mapped =
                Validated.of("abc", List.of(Problem.warning("a", "w"))).map(String::length);

        assertThat(mapped.orElseThrow()).isEqualTo(3);
        assertThat(mapped.problems()).containsExactly(Problem.warning("a", "w"));
    }

    @Test
    void mapOfInvalidStaysInvalid() {
        assertThat(Validated.<String>of(null, List.of(Problem.error("a", "e")))
                        .map(String::length)
                        .isValid())
                .isFalse();
    }

    @Test
    void validCannotCarryAnError() {
        assertThatThrownBy(() -> new Validated.Valid<>("x", List.of(Problem.error("a", "e"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidNeedsAnError() {
        assertThatThrownBy(() -> new Validated.Invalid<String>(List.of(Problem.warning("a", "w"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemWithoutFieldPrintsOnlyItsMessage() {
        assertThat(Problem.error("", "no resources")).hasToString("no resources");
        assertThat(Problem.error("", "x").under("resources[0]").field()).isEqualTo("resources[0]");
    }
}
