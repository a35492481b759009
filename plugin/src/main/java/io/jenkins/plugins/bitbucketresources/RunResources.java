package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.mask.MaskedSecret;
import io.jenkins.plugins.bitbucketresources.core.mask.SecretForms;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockProblem;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockRequest;
import io.jenkins.plugins.bitbucketresources.core.prepare.IntegrationLookup;
import io.jenkins.plugins.bitbucketresources.core.prepare.Integrations;
import io.jenkins.plugins.bitbucketresources.core.prepare.Prepared;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResources;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;

/**
 * The Bitbucket resources of a run, for the Pipeline step's block and the freestyle build wrapper alike: Jenkins' view
 * of the job (its folders' and the global definitions, its name, the global policy, its checkouts, its credentials)
 * handed to the engine's preparation, and the engine's verdict handed back as Jenkins shows it: the variables, or an
 * {@link AbortException} with the engine's message and, where it helps, what to do in Jenkins.
 */
final class RunResources {

    /** Where the names come from, for the hints a refusal gets. */
    enum Host {
        /** {@code withBitbucketResource(…)} in a Pipeline script. */
        PIPELINE,
        /** The resources ticked in a freestyle job's configuration. */
        FREESTYLE
    }

    /** A name that looks like several names in one string. */
    private static final Pattern SEVERAL = Pattern.compile("[\\s,]+");

    private RunResources() {}

    /**
     * The variables of the named resources for this run; warnings go to the log. Each integration the block uses is
     * looked up as the build and its use recorded on the run once.
     *
     * @throws AbortException when the engine refuses the block: every problem, without a stack trace
     * @throws InterruptedException when the build is aborted while Bitbucket is asked for commits
     */
    @NonNull
    static BlockEnvironment prepare(
            @NonNull Run<?, ?> run, @NonNull List<String> names, @NonNull Host host, @NonNull TaskListener listener)
            throws AbortException, InterruptedException {
        // What Bitbucket answers about a token is kept for the token health monitor, at no extra request.
        RecordingLookups recording = RecordingLookups.forBuilds();
        BuildIntegrations integrations = new BuildIntegrations(run, Optional.of(recording));
        Prepared<BlockEnvironment> prepared =
                ControllerPreparation.with(recording::branchHead).prepare(request(run, names, integrations));
        for (BlockProblem warning : prepared.warnings()) {
            listener.getLogger().println(Messages.RunResources_Warning(warning.message()));
        }
        if (prepared instanceof Prepared.Ready<BlockEnvironment> ready) {
            return ready.value();
        }
        throw new AbortException(explain(prepared.errors(), host));
    }

    /**
     * Every form of the tokens the named resources would inject, worked out without recording anything on the run:
     * those of every integration found for them, also of one the block is refused later (a {@code ciRepo} whose checkout
     * the build has not made yet when its log starts, but makes before the resources are set up). Empty when nothing
     * can be found; the setup itself then fails and says why.
     */
    @NonNull
    static List<String> secretForms(@NonNull Run<?, ?> run, @NonNull List<String> names) {
        BuildIntegrations integrations = new BuildIntegrations(run, Optional.empty());
        try {
            // Selecting asks Bitbucket nothing: the lookup is never called.
            ControllerPreparation.with(RunResources::noLookup).select(request(run, names, integrations));
        } catch (AbortException e) {
            return List.of();
        }
        return secretForms(integrations.found());
    }

    /** Every form of these integrations' tokens, as the engine works them out. */
    @NonNull
    static List<String> secretForms(@NonNull List<Integration> integrations) {
        List<String> forms = new ArrayList<>();
        for (Integration integration : integrations) {
            forms.addAll(SecretForms.of(new MaskedSecret(integration.token().reveal(), integration.username())));
        }
        return forms;
    }

    private static Outcome<String> noLookup(Integration integration, SourceName source, String branch) {
        throw new IllegalStateException("a selection asks Bitbucket nothing");
    }

    /**
     * What the item sees, as a block of it would: each name with its nearest definition, usable, broken, or refused to
     * it by the use policy.
     */
    @NonNull
    static VisibleResources visible(@NonNull Item item) throws AbortException {
        return BlockPreparation.visible(
                ResourceResolver.get().definitionsSeenFrom(item.getParent()), job(item), policy());
    }

    private static BlockRequest request(Run<?, ?> run, List<String> names, Integrations integrations)
            throws AbortException {
        Job<?, ?> job = run.getParent();
        return BlockRequest.builder()
                .job(job(job))
                .scopes(ResourceResolver.get().definitionsSeenFrom(job.getParent()))
                .names(names)
                .integrations(integrations)
                .checkouts(Checkouts.all(run))
                .policy(policy())
                .build();
    }

    /** The job by its full name as it is now: a job moved or renamed is judged by its new name. */
    private static Optional<JobPath> job(Item item) {
        try {
            return Optional.of(JobPath.parse(item.getFullName()));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    /**
     * Who may use the global resources. A list that is no longer valid (only possible when it was written by hand)
     * stops every block, rather than give the global resources to jobs it was meant to keep them from.
     */
    private static GlobalPolicy policy() throws AbortException {
        Validated<GlobalPolicy> policy =
                GlobalPolicy.parse(BitbucketResourcesConfiguration.get().getGlobalResourcesFolders());
        if (policy instanceof Validated.Valid<GlobalPolicy> valid) {
            return valid.value();
        }
        throw new AbortException(Messages.RunResources_BadPolicy(Problems.describe(policy)));
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
                return Optional.of(Messages.RunResources_HintList(
                        "withBitbucketResource(['" + String.join("', '", parts) + "']) { … }"));
            }
        }
        return Optional.empty();
    }

    /** A freestyle job's names were ticked in its configuration, when the job still saw them. */
    private static Optional<String> untick(List<String> unknown) {
        return Optional.of(Messages.RunResources_HintUntick(String.join(", ", unknown)));
    }

    /**
     * The run's integrations, looked up as the build. Build parameters do not take part: a resource is re-pointed only by
     * whoever may configure it, never by a build parameter that happens to be named like its credential ID. The engine
     * asks once per ID. For the block itself ({@code recording} given), each Bitbucket integration found is recorded as
     * used by the run, and made known to the recording of Bitbucket's answers; a credential of another kind, which the
     * block cannot use, is not recorded.
     */
    private static final class BuildIntegrations implements Integrations {

        private final Run<?, ?> run;
        private final Optional<RecordingLookups> recording;
        private final Map<String, Integration> found = new ConcurrentHashMap<>();

        BuildIntegrations(Run<?, ?> run, Optional<RecordingLookups> recording) {
            this.run = run;
            this.recording = recording;
        }

        @Override
        public IntegrationLookup find(String id) {
            BitbucketIntegrationCredentials credentials = lookUp(run, id, BitbucketIntegrationCredentials.class);
            if (credentials == null) {
                StandardCredentials other = lookUp(run, id, StandardCredentials.class);
                return other == null
                        ? new IntegrationLookup.Missing()
                        : new IntegrationLookup.WrongKind(other.getDescriptor().getDisplayName());
            }
            if (recording.isPresent()) {
                CredentialsProvider.track(run, credentials);
                recording.get().use(run.getParent(), credentials);
            }
            Validated<Integration> integration = credentials.toIntegration();
            if (integration instanceof Validated.Valid<Integration> valid) {
                found.put(id, valid.value());
                return new IntegrationLookup.Found(valid.value());
            }
            return new IntegrationLookup.Invalid(integration.problems());
        }

        List<Integration> found() {
            return List.copyOf(found.values());
        }
    }

    /**
     * What {@link CredentialsProvider#findCredentialById(String, Class, Run, List)} finds for an ID that is not a
     * parameter: the credentials available to the job's authentication, then, if that authentication may use the
     * item's credentials, those of the item. Nothing is recorded as used here.
     */
    @CheckForNull
    private static <C extends IdCredentials> C lookUp(Run<?, ?> run, String id, Class<C> type) {
        Job<?, ?> job = run.getParent();
        Authentication runAs = job instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        C found = CredentialsProvider.findCredentialByIdInItem(id, type, job, runAs, List.of());
        if (found == null && runAs != ACL.SYSTEM2 && run.hasPermission2(runAs, CredentialsProvider.USE_ITEM)) {
            found = CredentialsProvider.findCredentialByIdInItem(id, type, job, ACL.SYSTEM2, List.of());
        }
        if (found == null) {
            return null;
        }
        Credentials forRun = found.forRun(run);
        return type.isInstance(forRun) ? type.cast(forRun) : found;
    }
}
