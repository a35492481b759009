package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import java.util.List;
import java.util.Objects;

/** What a host found when it looked an integration ID up for a job. */
public sealed interface IntegrationLookup {

    /** A valid Bitbucket integration with that ID. */
    record Found(Integration integration) implements IntegrationLookup {
        public Found {
            Objects.requireNonNull(integration, "integration");
        }
    }

    /** Nothing with that ID is available to the job. */
    record Missing() implements IntegrationLookup {}

    /**
     * Something with that ID is available, but it is not a Bitbucket integration.
     *
     * @param kind what it is, for the message, e.g. {@code Secret text}
     */
    record WrongKind(String kind) implements IntegrationLookup {
        public WrongKind {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * A Bitbucket integration with that ID, which is not valid.
     *
     * @param problems what is wrong with it, by field; at least one error
     */
    record Invalid(List<Problem> problems) implements IntegrationLookup {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.stream().noneMatch(Problem::isError)) {
                throw new IllegalArgumentException("an invalid integration has at least one error");
            }
        }
    }
}
