package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.Objects;

/**
 * One thing wrong (or worth a warning) with a piece of configuration: which field, and a message
 * that says what is wrong and how to fix it.
 */
public record Problem(Severity severity, String field, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String field, String message) {
        return new Problem(Severity.ERROR, field, message);
    }

    public static Problem warning(String field, String message) {
        return new Problem(Severity.WARNING, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same problem reported under a longer field path, e.g. {@code branch} becomes {@code resources[2].branch}. */
    public Problem under(String parent) {
        return new Problem(severity, field.isEmpty() ? parent : parent + "." + field, message);
    }

    @Override
    public String toString() {
        return (severity == Severity.WARNING ? "warning: " : "") + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
