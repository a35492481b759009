package io.jenkins.plugins.bitbucketresources.cli.config;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import java.nio.file.Path;
import java.util.Comparator;

/** A problem in a resources file, with where it is: {@code file:line:column: error: field: message}. */
public record Finding(Problem.Severity severity, Path file, int line, int column, String field, String message) {

    static final Comparator<Finding> BY_POSITION =
            Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column);

    public boolean isError() {
        return severity == Problem.Severity.ERROR;
    }

    public String format() {
        StringBuilder text = new StringBuilder().append(file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ").append(isError() ? "error" : "warning").append(": ");
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
