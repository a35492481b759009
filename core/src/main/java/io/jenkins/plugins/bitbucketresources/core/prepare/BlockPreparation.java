package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.EnvironmentContract;
import io.jenkins.plugins.bitbucketresources.core.env.ResourceVariables;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.revision.CommitPlan;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Prepares a block: from the names a job asks for to the variables it gets, or to every problem that stops it, with
 * the same decisions and the same messages for every host (the Pipeline step, the freestyle build wrapper, the command
 * line). A host only translates: it passes in the scopes as it holds them, its way of finding integrations and what
 * the build checked out, and turns the outcome into its own kind of failure.
 *
 * <p>The steps, in order:
 * <ol>
 *   <li>the names asked for: at least one, none blank, none twice;</li>
 *   <li>each name to what the job sees ({@link VisibleResources}): the nearest definition wins, and a broken nearest
 *       definition is an error naming it and what to fix, never replaced by a farther one, as is one the use policy
 *       refuses to the job by its name; unknown names are listed with the closest visible ones;</li>
 *   <li>each resource's integration, looked up through the host once per ID, and checked against the resource (a
 *       resource refused by the job's name is not looked up);</li>
 *   <li>the use policy ({@link io.jenkins.plugins.bitbucketresources.core.policy.UsePolicy#forBuild}): the request's
 *       {@code globalResourcesFolders}, the resource's {@code allowedJobs}, and for a {@code ciRepo} with
 *       {@code onlyOwnCheckout} the build's checkouts; a refusal is one line naming the resource, where it is defined
 *       and the rule;</li>
 *   <li>where each commit comes from ({@link io.jenkins.plugins.bitbucketresources.core.revision.CommitSource});</li>
 *   <li>the variables of the resources used together must not collide;</li>
 *   <li>only then, the branch heads from Bitbucket, side by side on the executor, within the request's time limit;</li>
 *   <li>the variables, assembled.</li>
 * </ol>
 * Steps 1 to 6 ({@link #select}) ask nothing of Bitbucket; every problem they find is reported at once, and a block
 * with any error gets nothing: no variable, no token. Names the job sees but did not ask for whose definitions are
 * broken give one warning.
 *
 * <p>Thread-safe and without state of its own: one instance serves a whole controller or command.
 */
public final class BlockPreparation {

    /**
     * How many names a message lists at most: a job that sees more gets the closest ones and a count, so a host may
     * offer its own way to list them all.
     */
    public static final int NAMES_SHOWN = 10;

    private final HeadLookups heads;
    private final Clock clock;

    /**
     * @param commits how branch heads are read, e.g. {@code client::branchHead} of a
     *     {@link io.jenkins.plugins.bitbucketresources.core.bitbucket.BitbucketClient}
     * @param executor where the lookups run, side by side; they block on the network, so it should have a few threads
     *     of its own (a fixed pool of 4 to 8), not the common fork-join pool
     * @param clock the time the deadline of a request is measured with
     */
    public BlockPreparation(CommitLookup commits, Executor executor, Clock clock) {
        this.heads = new HeadLookups(
                Objects.requireNonNull(commits, "commits"),
                Objects.requireNonNull(executor, "executor"),
                Objects.requireNonNull(clock, "clock"));
        this.clock = clock;
    }

    /**
     * What the definitions give, whoever the job is: each name once, with its nearest definition, usable or broken;
     * nothing is refused. For what does not depend on a job; a job's list goes through
     * {@link #visible(List, Optional, GlobalPolicy)}.
     */
    public static VisibleResources visible(List<ScopeDefinitions> nearestFirst) {
        return VisibleResources.of(nearestFirst);
    }

    /**
     * What the job sees: each name once, with its nearest definition, usable, broken, or refused to the job by the use
     * policy with the line a block would say. For a list of choices, a listing command or a per-job page;
     * {@link #select} and {@link #prepare} decide by the same view.
     *
     * @param job the job, by its full name as it is now; empty for a run outside any job
     * @param policy who may use the global resources
     */
    public static VisibleResources visible(
            List<ScopeDefinitions> nearestFirst, Optional<JobPath> job, GlobalPolicy policy) {
        return VisibleResources.of(nearestFirst, job, policy);
    }

    /**
     * Steps 1 and 2 only: the names asked for, as the definitions give them, without looking any integration up and
     * without the use policy. For a host that only needs to know which definitions a request would use.
     */
    public static Prepared<List<ResolvedResource>> resolve(
            List<ScopeDefinitions> nearestFirst, List<String> names, Optional<JobPath> job) {
        List<BlockProblem> problems = new ArrayList<>();
        List<String> asked = AskedNames.check(names, problems);
        VisibleResources view = VisibleResources.of(nearestFirst);
        List<ResolvedResource> resolved = NameResolution.resolve(view, asked, job, problems).stream()
                .map(VisibleResource.Usable::resolved)
                .toList();
        return outcome(
                resolved,
                problems,
                NameResolution.brokenElsewhere(view, asked, job).stream().toList());
    }

    /**
     * Steps 1 to 6: the resources the job may use, their integrations and where their commits will come from, without
     * asking Bitbucket anything. For what must be known before a block starts, such as the tokens a log filter masks
     * (a refused block selects nothing, so no token of it is even chosen); the host's integration lookup is called as
     * for {@link #prepare}.
     */
    public Prepared<List<SelectedResource>> select(BlockRequest request) {
        List<BlockProblem> problems = new ArrayList<>();
        List<String> names = AskedNames.check(request.names(), problems);
        VisibleResources view = VisibleResources.of(request.scopes(), request.job(), request.policy());
        List<VisibleResource.Usable> resolved = NameResolution.resolve(view, names, request.job(), problems);
        IntegrationCheck integrations = new IntegrationCheck(request.integrations());
        PolicyCheck policy = new PolicyCheck(request);
        List<SelectedResource> selected = new ArrayList<>();
        for (VisibleResource.Usable usable : resolved) {
            ResolvedResource resource = usable.resolved();
            integrations
                    .of(resource, problems)
                    .filter(integration -> policy.allows(usable, integration, problems))
                    .ifPresent(integration -> CommitPlanning.plan(
                                    resource,
                                    integration,
                                    request.checkouts(),
                                    request.commitOfEveryResource(),
                                    problems)
                            .ifPresent(plan -> selected.add(new SelectedResource(resource, integration, plan))));
        }
        if (problems.isEmpty()) {
            Collisions.check(variables(selected, Map.of(), problems), problems);
        }
        List<BlockProblem> warnings = NameResolution.brokenElsewhere(view, names, request.job()).stream()
                .toList();
        return outcome(List.copyOf(selected), problems, warnings);
    }

    /**
     * Every step: the block's variables, or every problem that stops it.
     *
     * @throws InterruptedException when the calling thread is interrupted while Bitbucket is asked (the build was
     *     aborted); the lookups are given up
     */
    public Prepared<BlockEnvironment> prepare(BlockRequest request) throws InterruptedException {
        Instant deadline = clock.instant().plus(request.timeLimit());
        Prepared<List<SelectedResource>> selection = select(request);
        if (selection instanceof Prepared.Refused<List<SelectedResource>> refused) {
            return refused.retype();
        }
        List<SelectedResource> selected = ((Prepared.Ready<List<SelectedResource>>) selection).value();
        List<HeadLookups.Key> wanted = new ArrayList<>();
        for (SelectedResource resource : selected) {
            if (resource.commit() instanceof CommitPlan.FromApi fromApi) {
                wanted.add(key(resource, fromApi));
            }
        }
        Map<HeadLookups.Key, HeadLookups.Answer> answers = heads.all(wanted, deadline);
        List<BlockProblem> problems = new ArrayList<>();
        Map<String, String> commits = new HashMap<>();
        for (SelectedResource resource : selected) {
            commit(resource, answers, request, problems).ifPresent(commit -> commits.put(resource.name(), commit));
        }
        List<ResourceVariables> variables = problems.isEmpty() ? variables(selected, commits, problems) : List.of();
        if (problems.isEmpty()) {
            Collisions.check(variables, problems);
        }
        return outcome(problems.isEmpty() ? new BlockEnvironment(variables) : null, problems, selection.warnings());
    }

    private static HeadLookups.Key key(SelectedResource resource, CommitPlan.FromApi fromApi) {
        return new HeadLookups.Key(
                resource.integration(), resource.resolved().resource().sourceName(), fromApi.branch());
    }

    /** The commit of one resource: known from the checkout, answered by Bitbucket, or none; a failed lookup is a problem. */
    private static Optional<String> commit(
            SelectedResource resource,
            Map<HeadLookups.Key, HeadLookups.Answer> answers,
            BlockRequest request,
            List<BlockProblem> problems) {
        CommitPlan plan = resource.commit();
        if (plan instanceof CommitPlan.Known known) {
            return Optional.of(known.commit());
        }
        if (!(plan instanceof CommitPlan.FromApi fromApi)) {
            return Optional.empty();
        }
        List<String> name = List.of(resource.name());
        HeadLookups.Answer answer = answers.get(key(resource, fromApi));
        if (answer instanceof HeadLookups.Answer.Answered answered
                && answered.outcome() instanceof Outcome.Ok<String> ok) {
            return Optional.of(ok.value());
        }
        if (answer instanceof HeadLookups.Answer.Answered answered) {
            problems.add(BlockProblem.of(
                    BlockProblem.Kind.COMMIT_FAILED,
                    name,
                    Messages.commitFailed(
                            resource.resolved(), answered.outcome().message())));
        } else if (answer instanceof HeadLookups.Answer.Crashed crashed) {
            problems.add(BlockProblem.of(
                    BlockProblem.Kind.COMMIT_FAILED,
                    name,
                    Messages.commitCrashed(resource.resolved(), crashed.failure())));
        } else {
            problems.add(BlockProblem.of(
                    BlockProblem.Kind.COMMIT_TIMEOUT,
                    name,
                    Messages.commitTimedOut(resource.resolved(), request.timeLimit())));
        }
        return Optional.empty();
    }

    private static List<ResourceVariables> variables(
            List<SelectedResource> selected, Map<String, String> commits, List<BlockProblem> problems) {
        List<ResourceVariables> variables = new ArrayList<>();
        for (SelectedResource resource : selected) {
            Optional<String> commit = Optional.ofNullable(commits.get(resource.name()));
            try {
                variables.add(EnvironmentContract.variables(resource.resolved(), resource.integration(), commit));
            } catch (InvalidValueException e) {
                // The steps before checked everything else: only a commit (checked out, or answered) can be wrong here.
                problems.add(BlockProblem.of(
                        BlockProblem.Kind.COMMIT_FAILED,
                        List.of(resource.name()),
                        Messages.commitFailed(resource.resolved(), e.getMessage())));
            }
        }
        return variables;
    }

    /** @param value the value when there is no problem; ignored (and may be null) otherwise */
    private static <T> Prepared<T> outcome(T value, List<BlockProblem> problems, List<BlockProblem> warnings) {
        List<BlockProblem> all = new ArrayList<>(problems);
        all.addAll(warnings);
        return problems.stream().anyMatch(BlockProblem::isError)
                ? new Prepared.Refused<>(all)
                : new Prepared.Ready<>(value, all);
    }
}
