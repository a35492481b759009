package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host asks for when a block (a Pipeline step, a freestyle build, a command) starts. Built with
 * {@link #builder()}; every part but the names has a default.
 *
 * @param job the job asking, for messages and the use policy; empty for a run outside any job
 * @param scopes the scopes the job sees, nearest first (its folder, the folders above, the global configuration), each
 *     with every definition, broken ones included
 * @param names the resource names asked for, in the order asked
 * @param integrations where the integrations of the resources are looked up for this job
 * @param checkouts what the build has checked out so far, oldest first (a {@code ciRepo} takes its commit from there,
 *     and one with {@code onlyOwnCheckout} is usable only once its repository is among them)
 * @param policy who may use the global resources ({@code globalResourcesFolders}); with the resources' own
 *     {@code allowedJobs} and {@code onlyOwnCheckout}, the use policy every resource of the block must pass
 * @param commitOfEveryResource whether every resource gets its commit from Bitbucket, not only those that ask for it
 *     (a command line option; a build leaves it off)
 * @param timeLimit how long the lookups of commits may take, all together
 */
public record BlockRequest(
        Optional<JobPath> job,
        List<ScopeDefinitions> scopes,
        List<String> names,
        Integrations integrations,
        List<Checkout> checkouts,
        GlobalPolicy policy,
        boolean commitOfEveryResource,
        Duration timeLimit) {

    /** Long enough for a slow answer and a retry, short enough that a build does not hang at its start. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    public BlockRequest {
        Objects.requireNonNull(job, "job");
        scopes = List.copyOf(scopes);
        names = List.copyOf(names);
        Objects.requireNonNull(integrations, "integrations");
        checkouts = List.copyOf(checkouts);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("timeLimit must not be negative, not " + timeLimit);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Defaults: no job, no scopes, no names, no integration found, no checkouts, global resources for every job, commits
     * as the resources ask.
     */
    public static final class Builder {
        private Optional<JobPath> job = Optional.empty();
        private List<ScopeDefinitions> scopes = List.of();
        private List<String> names = List.of();
        private Integrations integrations = id -> new IntegrationLookup.Missing();
        private List<Checkout> checkouts = List.of();
        private GlobalPolicy policy = GlobalPolicy.EVERY_JOB;
        private boolean commitOfEveryResource;
        private Duration timeLimit = DEFAULT_TIME_LIMIT;

        private Builder() {}

        public Builder job(JobPath value) {
            this.job = Optional.of(value);
            return this;
        }

        public Builder job(Optional<JobPath> value) {
            this.job = Objects.requireNonNull(value, "job");
            return this;
        }

        public Builder scopes(List<ScopeDefinitions> nearestFirst) {
            this.scopes = List.copyOf(nearestFirst);
            return this;
        }

        public Builder names(List<String> value) {
            this.names = List.copyOf(value);
            return this;
        }

        public Builder names(String... value) {
            return names(List.of(value));
        }

        public Builder integrations(Integrations value) {
            this.integrations = Objects.requireNonNull(value, "integrations");
            return this;
        }

        public Builder checkouts(List<Checkout> value) {
            this.checkouts = List.copyOf(value);
            return this;
        }

        public Builder policy(GlobalPolicy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        public Builder commitOfEveryResource(boolean value) {
            this.commitOfEveryResource = value;
            return this;
        }

        public Builder timeLimit(Duration value) {
            this.timeLimit = Objects.requireNonNull(value, "timeLimit");
            return this;
        }

        public BlockRequest build() {
            return new BlockRequest(
                    job, scopes, names, integrations, checkouts, policy, commitOfEveryResource, timeLimit);
        }
    }
}
