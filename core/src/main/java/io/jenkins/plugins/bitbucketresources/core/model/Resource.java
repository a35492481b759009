package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named, typed pointer to a Bitbucket repository, with the integration that reaches it and its branch, tag and
 * trigger settings. {@code branch} and {@code branches} exclude each other.
 *
 * @param resolveCommit whether the head commit of the branch is fetched from the Bitbucket API for {@code <P>_COMMIT}
 * @param gitAuth whether git over HTTPS to the repository authenticates with the integration's token inside the block
 * @param shipctl whether the block or build that uses this resource gets the {@code shipctl} reader on its {@code PATH}
 * @param access which jobs may use the resource ({@code allowedJobs}, {@code onlyOwnCheckout}); {@link JobAccess#OPEN} for
 *     every job that sees it
 */
public record Resource(
        ResourceName name,
        ResourceType type,
        String integration,
        SourceName sourceName,
        Optional<String> branch,
        RefFilter branches,
        RefFilter tags,
        BuildTriggers buildOn,
        boolean resolveCommit,
        boolean gitAuth,
        boolean shipctl,
        JobAccess access) {

    public static final String INTEGRATION_FIELD = "integration";
    static final String BRANCHES_FIELD = "branches";
    private static final String BRANCH_AND_BRANCHES = "is set together with `branch`: use `branch` for one branch, or "
            + "`branches: {only: [...], except: [...]}` for several, not both";

    public Resource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        integration = checkIntegration(integration);
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(branch, "branch");
        branch = branch.map(b -> RefNames.checkName("branch", b));
        Objects.requireNonNull(branches, "branches");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(buildOn, "buildOn");
        if (branch.isPresent() && !branches.isEmpty()) {
            throw new InvalidValueException(BRANCHES_FIELD, BRANCH_AND_BRANCHES);
        }
        Objects.requireNonNull(access, "access");
        if (access.onlyOwnCheckout() && type != ResourceType.CI_REPO) {
            throw new InvalidValueException(JobAccess.ONLY_OWN_CHECKOUT_FIELD, onlyOwnCheckoutMisplaced(type));
        }
    }

    private static String onlyOwnCheckoutMisplaced(ResourceType type) {
        return "is set on a " + type.id()
                + ", but only a ciRepo (the repository the job itself builds) can require the job's own "
                + "checkout: remove onlyOwnCheckout, or make the resource a ciRepo";
    }

    /** The same resource, asking (or not) for its commit from the Bitbucket API. */
    public Resource withResolveCommit(boolean value) {
        return new Resource(
                name, type, integration, sourceName, branch, branches, tags, buildOn, value, gitAuth, shipctl, access);
    }

    /** The branch when exactly one is configured: {@code branch}, or a single literal {@code branches.only}. */
    public Optional<String> singleBranch() {
        if (branch.isPresent()) {
            return branch;
        }
        if (branches.only().size() == 1 && branches.except().isEmpty()) {
            String only = branches.only().get(0);
            if (only.indexOf('*') < 0 && only.indexOf('?') < 0) {
                return Optional.of(only);
            }
        }
        return Optional.empty();
    }

    public static String checkIntegration(String raw) {
        String id = raw.strip();
        if (id.isEmpty()) {
            throw new InvalidValueException(
                    INTEGRATION_FIELD, "is empty: name the integration (credentials ID) this resource uses");
        }
        if (id.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidValueException(
                    INTEGRATION_FIELD,
                    "`" + id + "` contains whitespace, which no integration ID has: write "
                            + "the ID of the integration (its credentials ID), e.g. `bitbucket-cloud`");
        }
        return id;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Raw values in, a valid resource or every problem out. */
    public static final class Builder {
        private String name = "";
        private String type = "";
        private String integration = "";
        private String sourceName = "";
        private Optional<String> branch = Optional.empty();
        private List<String> branchesOnly = List.of();
        private List<String> branchesExcept = List.of();
        private List<String> tagsOnly = List.of();
        private List<String> tagsExcept = List.of();
        private BuildTriggers buildOn = BuildTriggers.DEFAULT;
        private boolean resolveCommit;
        private boolean gitAuth = true;
        private boolean shipctl;
        private List<String> allowedJobs = List.of();
        private boolean onlyOwnCheckout;

        private Builder() {}

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder type(String value) {
            this.type = value;
            return this;
        }

        public Builder integration(String value) {
            this.integration = value;
            return this;
        }

        public Builder sourceName(String value) {
            this.sourceName = value;
            return this;
        }

        /** One branch; an empty or blank value means none. */
        public Builder branch(String value) {
            this.branch = Optional.of(value).filter(v -> !v.isBlank());
            return this;
        }

        public Builder branches(List<String> only, List<String> except) {
            this.branchesOnly = List.copyOf(only);
            this.branchesExcept = List.copyOf(except);
            return this;
        }

        public Builder tags(List<String> only, List<String> except) {
            this.tagsOnly = List.copyOf(only);
            this.tagsExcept = List.copyOf(except);
            return this;
        }

        public Builder buildOn(BuildTriggers value) {
            this.buildOn = Objects.requireNonNull(value);
            return this;
        }

        public Builder resolveCommit(boolean value) {
            this.resolveCommit = value;
            return this;
        }

        /** Whether git over HTTPS authenticates with the token; on unless switched off. */
        public Builder gitAuth(boolean value) {
            this.gitAuth = value;
            return this;
        }

        public Builder shipctl(boolean value) {
            this.shipctl = value;
            return this;
        }

        /** Job full-name patterns ({@code team-a/**}); none means every job that sees the resource. */
        public Builder allowedJobs(List<String> patterns) {
            this.allowedJobs = List.copyOf(patterns);
            return this;
        }

        /** For a ciRepo: only a build that has checked the repository out itself may use the resource. */
        public Builder onlyOwnCheckout(boolean value) {
            this.onlyOwnCheckout = value;
            return this;
        }

        public Validated<Resource> build() {
            List<Problem> problems = new ArrayList<>();
            Optional<ResourceName> checkedName = Integration.attempt(problems, () -> ResourceName.of(name));
            Optional<ResourceType> checkedType = Integration.attempt(problems, () -> ResourceType.parse(type));
            Optional<String> checkedIntegration = Integration.attempt(problems, () -> checkIntegration(integration));
            Optional<SourceName> checkedSource = Integration.attempt(problems, () -> SourceName.parse(sourceName));
            Optional<String> checkedBranch =
                    branch.flatMap(b -> Integration.attempt(problems, () -> RefNames.checkName("branch", b)));
            Optional<RefFilter> checkedBranches =
                    RefFilter.collect(problems, BRANCHES_FIELD, branchesOnly, branchesExcept);
            Optional<RefFilter> checkedTags = RefFilter.collect(problems, "tags", tagsOnly, tagsExcept);
            if (branch.isPresent() && !(branchesOnly.isEmpty() && branchesExcept.isEmpty())) {
                problems.add(Problem.error(BRANCHES_FIELD, BRANCH_AND_BRANCHES));
            }
            Validated<JobAccess> checkedAccess = JobAccess.parse(allowedJobs, onlyOwnCheckout);
            problems.addAll(checkedAccess.problems());
            if (onlyOwnCheckout && checkedType.isPresent() && checkedType.get() != ResourceType.CI_REPO) {
                problems.add(
                        Problem.error(JobAccess.ONLY_OWN_CHECKOUT_FIELD, onlyOwnCheckoutMisplaced(checkedType.get())));
            }
            if (problems.stream().anyMatch(Problem::isError)) {
                return new Validated.Invalid<>(problems);
            }
            Optional<Resource> resource = Integration.attempt(
                    problems,
                    () -> new Resource(
                            checkedName.orElseThrow(),
                            checkedType.orElseThrow(),
                            checkedIntegration.orElseThrow(),
                            checkedSource.orElseThrow(),
                            checkedBranch,
                            checkedBranches.orElseThrow(),
                            checkedTags.orElseThrow(),
                            buildOn,
                            resolveCommit,
                            gitAuth,
                            shipctl,
                            checkedAccess.orElseThrow()));
            return resource.<Validated<Resource>>map(r -> new Validated.Valid<>(r, problems))
                    .orElseGet(() -> new Validated.Invalid<>(problems));
        }
    }
}
