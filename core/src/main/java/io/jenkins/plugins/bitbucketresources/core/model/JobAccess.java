package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which jobs may use a resource: the job full-name patterns of {@code allowedJobs} (none: every job that sees the
 * resource, as before this setting existed), and, for a {@code ciRepo}, {@code onlyOwnCheckout}: only a build that has
 * itself checked the resource's repository out. The decision is made by
 * {@link io.jenkins.plugins.bitbucketresources.core.policy.UsePolicy}.
 */
public record JobAccess(List<JobPattern> allowedJobs, boolean onlyOwnCheckout) {

    public static final String ONLY_OWN_CHECKOUT_FIELD = "onlyOwnCheckout";

    /** Every job that sees the resource may use it. */
    public static final JobAccess OPEN = new JobAccess(List.of(), false);

    public JobAccess {
        allowedJobs = List.copyOf(allowedJobs);
    }

    /** Whether {@code allowedJobs} limits the jobs at all. */
    public boolean limitsJobs() {
        return !allowedJobs.isEmpty();
    }

    /** The first pattern that matches the job's full name. */
    public Optional<JobPattern> firstMatch(String jobFullName) {
        Objects.requireNonNull(jobFullName, "jobFullName");
        return allowedJobs.stream().filter(p -> p.matches(jobFullName)).findFirst();
    }

    /** For messages: {@code `team-a/**`, `release/*`}. */
    public String describePatterns() {
        return allowedJobs.stream().map(p -> "`" + p + "`").collect(Collectors.joining(", "));
    }

    /**
     * Raw patterns in, every problem out, each under {@code allowedJobs[i]}; blank entries are skipped (a form's empty
     * line), a pattern written twice is a warning.
     */
    public static Validated<JobAccess> parse(List<String> rawPatterns, boolean onlyOwnCheckout) {
        return Validated.eachOnce(JobPattern.FIELD, rawPatterns, JobPattern::parse)
                .map(patterns -> new JobAccess(patterns, onlyOwnCheckout));
    }
}
