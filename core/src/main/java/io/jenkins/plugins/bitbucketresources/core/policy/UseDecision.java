package io.jenkins.plugins.bitbucketresources.core.policy;

import io.jenkins.plugins.bitbucketresources.core.model.JobAccess;
import io.jenkins.plugins.bitbucketresources.core.model.JobPattern;
import java.util.Objects;

/** Whether a job may use a resource, and if not, which rule refused it and one line that says so. */
public sealed interface UseDecision {

    /** The rule that refused a resource. */
    enum Rule {
        /** The global resource is usable only by jobs under the folders of {@code globalResourcesFolders}. */
        GLOBAL_FOLDERS(GlobalPolicy.FIELD),
        /** No pattern of the resource's {@code allowedJobs} matches the job. */
        ALLOWED_JOBS(JobPattern.FIELD),
        /** The {@code ciRepo} asks for the job's own checkout ({@code onlyOwnCheckout}), and the build has not made it. */
        ONLY_OWN_CHECKOUT(JobAccess.ONLY_OWN_CHECKOUT_FIELD);

        private final String setting;

        Rule(String setting) {
            this.setting = setting;
        }

        /** The setting that holds the rule, as an administrator writes it: {@code allowedJobs}. */
        public String setting() {
            return setting;
        }
    }

    default boolean isAllowed() {
        return !(this instanceof Refused);
    }

    /** The job may use the resource. */
    record Allowed() implements UseDecision {}

    /**
     * Said before a build runs (a list of choices, the Snippet Generator): the job may use the resource once it has
     * checked {@code repository} out itself ({@code onlyOwnCheckout}).
     *
     * @param repository the resource's repository, e.g. {@code acme/app}
     */
    record AllowedAfterCheckout(String repository) implements UseDecision {
        public AllowedAfterCheckout {
            Objects.requireNonNull(repository, "repository");
        }
    }

    /**
     * The job may not use the resource.
     *
     * @param message one line naming the resource, where it is defined, the job and the rule, and what to change
     */
    record Refused(Rule rule, String message) implements UseDecision {
        public Refused {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
            if (message.isBlank() || message.contains("\n")) {
                throw new IllegalArgumentException("a refusal is one line of text");
            }
        }
    }
}
