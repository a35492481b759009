package io.jenkins.plugins.bitbucketresources.core.model;

/**
 * A value given for a field cannot be used. The message says what is wrong and how to fix it; it never
 * contains a secret.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public Problem toProblem() {
        return Problem.error(field, getMessage());
    }
}
