package io.jenkins.plugins.bitbucketresources;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.util.stream.Collectors;

/** The engine's problems with a value, as one message. */
final class Problems {

    private Problems() {}

    static String describe(Validated<?> validated) {
        return validated.problems().stream()
                .filter(Problem::isError)
                .map(Problem::toString)
                .collect(Collectors.joining("\n"));
    }

    /** The field of the first error, for a form to point at; empty when there is none. */
    static String firstField(Validated<?> validated) {
        return validated.problems().stream()
                .filter(Problem::isError)
                .map(Problem::field)
                .findFirst()
                .orElse("");
    }
}
