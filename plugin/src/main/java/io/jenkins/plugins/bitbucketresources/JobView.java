package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Job;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResources;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import java.util.List;
import java.util.Optional;

/**
 * What a job sees of the Bitbucket resources, as the engine decides it for a build of the job: each name with its
 * nearest definition, usable, broken, or refused to the job by the use policy. For a folder, what a job directly inside
 * it sees, without the rules that depend on the job's name. The forms, the checks of names typed for a job and the
 * resources page all start from here, so that they agree with each other and with the builds.
 *
 * <p>While the saved global use policy is not valid, no build gets any resource: nothing is visible, and
 * {@link #problem()} says why.
 */
final class JobView {

    private final List<ScopeDefinitions> scopes;
    private final Optional<JobPath> job;
    private final Validated<GlobalPolicy> policy;
    private final VisibleResources visible;

    private JobView(List<ScopeDefinitions> scopes, Optional<JobPath> job, Validated<GlobalPolicy> policy) {
        this.scopes = scopes;
        this.job = job;
        this.policy = policy;
        if (!(policy instanceof Validated.Valid<GlobalPolicy> valid)) {
            this.visible = BlockPreparation.visible(List.of());
        } else if (job.isPresent()) {
            this.visible = BlockPreparation.visible(scopes, job, valid.value());
        } else {
            this.visible = BlockPreparation.visible(scopes);
        }
    }

    /** The view of a job or a folder; empty for anything else. */
    @NonNull
    static Optional<JobView> of(@CheckForNull Object context) {
        if (context instanceof AbstractFolder<?> folder) {
            return Optional.of(new JobView(
                    ResourceResolver.definitionsSeenFrom(folder), Optional.empty(), GlobalUsePolicy.current()));
        }
        if (context instanceof Job<?, ?> job) {
            return Optional.of(new JobView(
                    ResourceResolver.definitionsSeenFrom(job.getParent()), pathOf(job), GlobalUsePolicy.current()));
        }
        return Optional.empty();
    }

    /** The job by its full name as it is now: a job moved or renamed is judged by its new name. */
    @NonNull
    static Optional<JobPath> pathOf(@NonNull Item job) {
        try {
            return Optional.of(JobPath.parse(job.getFullName()));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    /** The scopes the job sees, nearest first. */
    @NonNull
    List<ScopeDefinitions> scopes() {
        return scopes;
    }

    /** The job; empty for a folder's view. */
    @NonNull
    Optional<JobPath> job() {
        return job;
    }

    boolean forFolder() {
        return job.isEmpty();
    }

    /** The global use policy; empty while the saved one is not valid. */
    @NonNull
    Optional<GlobalPolicy> policy() {
        return policy instanceof Validated.Valid<GlobalPolicy> valid ? Optional.of(valid.value()) : Optional.empty();
    }

    /** Each name the job sees, in the engine's order. */
    @NonNull
    VisibleResources visible() {
        return visible;
    }

    /** Why no build gets any resource now: the saved global use policy is not valid. */
    @NonNull
    Optional<String> problem() {
        return GlobalUsePolicy.problem(policy);
    }
}
