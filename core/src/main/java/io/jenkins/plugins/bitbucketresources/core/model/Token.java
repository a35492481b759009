package io.jenkins.plugins.bitbucketresources.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * An integration's token. It is never printed: {@link #toString()} is {@code ****}, and no message about a bad token
 * repeats any part of it.
 */
public final class Token {

    public static final String FIELD = "token";
    public static final String MASK = "****";

    /**
     * The shortest token accepted. A token must be long enough for the log masker to hide it: forms shorter than
     * {@code SecretForms.MIN_FORM_BYTES} are never masked, and a token of a few characters would be masked wherever
     * those characters happen to occur in ordinary output, which hides the log and still gives the token away by
     * where the masks fall. Every kind of Bitbucket token is dozens of characters long (Cloud access and API tokens
     * far more), so a shorter value is a copy-and-paste accident or a placeholder.
     */
    public static final int MIN_LENGTH = 8;

    private final String value;

    private Token(String value) {
        this.value = value;
    }

    /**
     * A token as the administrator stored it. Surrounding whitespace (a newline at the end of a token file) is
     * removed; whitespace, control characters and anything outside printable ASCII inside are refused, since no
     * Bitbucket token has them (a typographic quote or a non-breaking space is a copy-and-paste accident), and so is a
     * token shorter than {@value #MIN_LENGTH} characters. A message names the position of the bad character, never the
     * character or the token.
     */
    public static Token of(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException(FIELD, "is empty: paste the token Bitbucket showed when it was created");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw new InvalidValueException(
                        FIELD,
                        "contains whitespace or a control character at position " + (i + 1)
                                + ": Bitbucket tokens have none; copy the token again without line breaks or spaces");
            }
            if (c > '~') {
                throw new InvalidValueException(
                        FIELD,
                        "contains a character that is not plain ASCII at position " + (i + 1)
                                + ": Bitbucket tokens are ASCII letters, digits and punctuation; copy the token again from Bitbucket");
            }
        }
        if (text.length() < MIN_LENGTH) {
            throw new InvalidValueException(
                    FIELD,
                    "is shorter than " + MIN_LENGTH + " characters, so it is not a Bitbucket token (they "
                            + "are far longer) and it could not be masked in logs without hiding ordinary text: paste the whole token Bitbucket "
                            + "showed when it was created");
        }
        return new Token(text);
    }

    /** The secret itself, for an HTTP header or a child process environment only. */
    public String reveal() {
        return value;
    }

    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token token
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), token.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
