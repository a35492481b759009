package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.git.GitAuth;
import io.jenkins.plugins.bitbucketresources.core.git.GitAuthPlan;
import io.jenkins.plugins.bitbucketresources.core.git.GitEnvironment;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockProblem;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockRequest;
import io.jenkins.plugins.bitbucketresources.core.prepare.Integrations;
import io.jenkins.plugins.bitbucketresources.core.prepare.Prepared;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.shipctl.ShipctlScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Bitbucket resources of a run, for the Pipeline step's block and the freestyle build wrapper alike: Jenkins' view
 * of the job (its folders' and the global definitions, its name, the global policy, its checkouts, its credentials)
 * handed to the engine's preparation, and the engine's verdict handed back as Jenkins shows it: the variables, with
 * what git and {@code shipctl} add, or an {@link AbortException} with the engine's message and, where it helps, what
 * to do in Jenkins.
 */
final class RunResources {

    /** Where the names come from, for the hints a refusal gets. */
    enum Host {
        /** {@code withBitbucketResource(…)} in a Pipeline script. */
        PIPELINE,
        /** The resources ticked in a freestyle job's configuration. */
        FREESTYLE
    }

    /**
     * A block's resources, ready: their variables, how git authenticates to their repositories, the variables that
     * gives the environment the block starts in, and whether {@code shipctl} goes on the {@code PATH}.
     */
    record Setup(
            @NonNull BlockEnvironment environment,
            @NonNull GitAuthPlan git,
            @NonNull GitEnvironment gitVariables,
            boolean shipctl) {}

    /** A name that looks like several names in one string. */
    private static final Pattern SEVERAL = Pattern.compile("[\\s,]+");

    private RunResources() {}

    /**
     * The named resources for this run, each step said in the log: warnings, the resources used, what git gets. Each
     * integration the block uses is looked up as the build and its use recorded on the run once.
     *
     * @param shipctl whether the block itself asks for {@code shipctl}, whatever its resources ask for
     * @param workspace the block's workspace; {@code shipctl} needs one
     * @param outside the environment the block starts in, which git's configuration continues
     * @throws AbortException when the engine refuses the block: every problem, without a stack trace
     * @throws InterruptedException when the build is aborted while Bitbucket is asked for commits
     */
    @NonNull
    static Setup setUp(
            @NonNull Run<?, ?> run,
            @NonNull List<String> names,
            @NonNull Host host,
            boolean shipctl,
            @CheckForNull FilePath workspace,
            @NonNull Map<String, String> outside,
            @NonNull TaskListener listener)
            throws AbortException, InterruptedException {
        BlockEnvironment environment = prepare(run, names, host, listener);
        boolean withShipctl = ShipctlScript.requested(shipctl, environment);
        if (withShipctl && workspace == null) {
            throw new AbortException(
                    host == Host.PIPELINE
                            ? Messages.WithBitbucketResourceStep_ShipctlOutsideNode()
                            : Messages.BitbucketResourceBuildWrapper_ShipctlWithoutWorkspace());
        }
        listener.getLogger().println(Messages.WithBitbucketResourceStep_Using(environment.describe()));
        GitAuthPlan git = GitAuth.plan(environment);
        Map<String, String> inside = new HashMap<>(outside);
        inside.putAll(environment.asMap());
        GitEnvironment gitVariables = git.parametersFor(inside);
        if (gitVariables instanceof GitEnvironment.NotAdded notAdded) {
            listener.getLogger().println(Messages.RunResources_Warning(notAdded.message()));
        } else if (!git.isEmpty()) {
            listener.getLogger().println(Messages.RunResources_Git(git.describe()));
        }
        return new Setup(environment, git, gitVariables, withShipctl);
    }

    private static BlockEnvironment prepare(Run<?, ?> run, List<String> names, Host host, TaskListener listener)
            throws AbortException, InterruptedException {
        // What Bitbucket answers about a token is kept for the token health monitor, at no extra request.
        RecordingLookups recording = RecordingLookups.forBuilds();
        Prepared<BlockEnvironment> prepared = ControllerPreparation.with(recording::branchHead)
                .prepare(request(run, names, JobIntegrations.recording(run, recording)));
        for (BlockProblem warning : prepared.warnings()) {
            listener.getLogger().println(Messages.RunResources_Warning(warning.message()));
        }
        if (prepared instanceof Prepared.Ready<BlockEnvironment> ready) {
            return ready.value();
        }
        throw new AbortException(explain(prepared.errors(), host));
    }

    /**
     * The integrations whose tokens the named resources would inject, worked out without recording anything on the
     * run: every integration found for them, also one the block is refused later (a {@code ciRepo} whose checkout the
     * build has not made yet when its log starts, but makes before the resources are set up). Empty when nothing can be
     * found; the setup itself then fails and says why.
     */
    @NonNull
    static List<Integration> integrations(@NonNull Run<?, ?> run, @NonNull List<String> names) {
        JobIntegrations integrations = JobIntegrations.of(run);
        try {
            ControllerPreparation.selection().select(request(run, names, integrations));
        } catch (AbortException e) {
            return List.of();
        }
        return integrations.found();
    }

    private static BlockRequest request(Run<?, ?> run, List<String> names, Integrations integrations)
            throws AbortException {
        GlobalPolicy policy = GlobalUsePolicy.forBuild();
        return BlockRequest.builder()
                .job(JobView.pathOf(run.getParent()))
                .scopes(ResourceResolver.definitionsSeenFrom(run.getParent().getParent()))
                .names(names)
                .integrations(integrations)
                .checkouts(Checkouts.all(run))
                .policy(policy)
                .build();
    }

    /** Each error's message, with what to do about it in Jenkins after it where the engine's words are not enough. */
    private static String explain(List<BlockProblem> errors, Host host) {
        List<String> lines = new ArrayList<>();
        for (BlockProblem problem : errors) {
            lines.add(hint(problem, host).map(h -> problem.message() + "\n" + h).orElse(problem.message()));
        }
        return String.join("\n", lines);
    }

    private static Optional<String> hint(BlockProblem problem, Host host) {
        return switch (problem.kind()) {
            case NO_NAMES -> host == Host.PIPELINE ? Optional.of(Messages.RunResources_HintNames()) : Optional.empty();
            case UNKNOWN_NAMES ->
                host == Host.PIPELINE ? severalInOne(problem.resources()) : untick(problem.resources());
            case BROKEN_DEFINITION ->
                problem.definition()
                        .map(where -> where.scope() instanceof Scope.Folder folder
                                ? Messages.RunResources_HintFixOnFolder(folder.fullName())
                                : Messages.RunResources_HintFixGlobally());
            case INTEGRATION_MISSING -> Optional.of(Messages.RunResources_HintIntegration());
            default -> Optional.empty();
        };
    }

    /** A Pipeline name such as {@code 'app-repo tools'} or {@code 'app-repo,tools'}: the list that was meant. */
    private static Optional<String> severalInOne(List<String> unknown) {
        for (String name : unknown) {
            String[] parts = SEVERAL.split(name.strip());
            if (parts.length > 1) {
                return Optional.of(Messages.RunResources_HintList(WithBitbucketResourceStep.listCall(List.of(parts))));
            }
        }
        return Optional.empty();
    }

    /** A freestyle job's names were ticked in its configuration, when the job still saw them. */
    private static Optional<String> untick(List<String> unknown) {
        return Optional.of(Messages.RunResources_HintUntick(String.join(", ", unknown)));
    }
}
