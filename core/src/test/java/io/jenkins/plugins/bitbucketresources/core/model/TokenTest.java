package io.jenkins.plugins.bitbucketresources.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenTest {

    @Test
    void tokenIsRevealedAsGiven() {
        assertThat(Token.of("BBDC-abc123+/=").reveal()).isEqualTo("BBDC-abc123+/=");
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        assertThat(Token.of("  ATCTTabc123\r\n").reveal()).isEqualTo("ATCTTabc123");
    }

    @Test
    void toStringIsTheMask() {
        assertThat(Token.of("ATCTTabc123")).hasToString("****");
    }

    @Test
    void emptyTokenIsRefused() {
        assertRefused(" \n", "is empty: paste the token Bitbucket showed when it was created");
    }

    @Test
    void spaceInsideIsRefusedByPosition() {
        assertRefused(
                "abc def",
                "contains whitespace or a control character at position 4: Bitbucket tokens have none; copy the "
                        + "token again without line breaks or spaces");
    }

    @Test
    void lineBreakInsideIsRefusedByPosition() {
        assertRefused(
                "abcdef\nghi",
                "contains whitespace or a control character at position 7: Bitbucket tokens have none; copy "
                        + "the token again without line breaks or spaces");
    }

    @Test
    void nonBreakingSpaceInsideIsRefused() {
        assertRefused(
                "ab\u00a0cd",
                "contains whitespace or a control character at position 3: Bitbucket tokens have none; copy the "
                        + "token again without line breaks or spaces");
    }

    @Test
    void controlCharacterInsideIsRefused() {
        assertRefused(
                "ab\u0000cd",
                "contains whitespace or a control character at position 3: Bitbucket tokens have none; copy the "
                        + "token again without line breaks or spaces");
    }

    @Test
    void typographicQuoteIsRefused() {
        assertRefused(
                "\u201cATCTTabc\u201d",
                "contains a character that is not plain ASCII at position 1: Bitbucket tokens are ASCII "
                        + "letters, digits and punctuation; copy the token again from Bitbucket");
    }

    @Test
    void tokensWithTheSameValueAreEqual() {
        assertThat(Token.of("abc-token")).isEqualTo(Token.of(" abc-token ")).hasSameHashCodeAs(Token.of("abc-token"));
        assertThat(Token.of("abc-token")).isNotEqualTo(Token.of("abd-token"));
    }

    @Test
    void prefixIsVisibleWithoutRevealing() {
        assertThat(Token.of("BBDC-xyz").startsWith("BBDC-")).isTrue();
        assertThat(Token.of("BBDC-xyz").startsWith("ATATT")).isFalse();
    }

    @Test
    void tokenShorterThanTheMinimumIsRefusedWithoutRepeatingIt() {
        assertRefused(
                "ab-3456",
                "is shorter than 8 characters, so it is not a Bitbucket token (they are far longer) and it could not be "
                        + "masked in logs without hiding ordinary text: paste the whole token Bitbucket showed when it was created");
        assertThat(Token.of("ab-34567").reveal()).isEqualTo("ab-34567");
    }

    @Test
    void shortTokenWithABadCharacterIsToldAboutTheCharacterFirst() {
        assertRefused(
                "ab cd",
                "contains whitespace or a control character at position 3: Bitbucket tokens have none; copy the token "
                        + "again without line breaks or spaces");
    }

    private static void assertRefused(String raw, String message) {
        assertThatThrownBy(() -> Token.of(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("token"))
                .hasMessage(message);
    }
}
