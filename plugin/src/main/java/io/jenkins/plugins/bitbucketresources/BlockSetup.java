package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.EnvironmentContract;
import io.jenkins.plugins.bitbucketresources.core.env.ResourceVariables;
import io.jenkins.plugins.bitbucketresources.core.mask.MaskedSecret;
import io.jenkins.plugins.bitbucketresources.core.mask.SecretForms;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.resolve.Resolution;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.revision.CommitPlan;
import io.jenkins.plugins.bitbucketresources.core.revision.CommitSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * What a block or a build needs before it runs: the named resources resolved for the build's job, each credential
 * looked up as the build and its use recorded, the commits, and the engine's variables; or a failure that says what is
 * wrong, without a stack trace.
 */
final class BlockSetup {

    private BlockSetup() {}

    /** The variables of the named resources for this build. */
    @NonNull
    static BlockEnvironment prepare(@NonNull Run<?, ?> run, @NonNull List<String> names) throws AbortException {
        List<ResourceVariables> variables = new ArrayList<>();
        List<BitbucketIntegrationCredentials> used = new ArrayList<>();
        // What Bitbucket answers about a token is kept for the token health monitor, at no extra request.
        RecordingLookups lookups = RecordingLookups.forBuilds();
        for (ResolvedResource resolved : resolve(run, names)) {
            BitbucketIntegrationCredentials credentials = credentials(run, resolved);
            // Two resources of one block may share an integration; its use is recorded once.
            if (!used.contains(credentials)) {
                used.add(credentials);
                CredentialsProvider.track(run, credentials);
                lookups.use(run.getParent(), credentials);
            }
            Integration integration = integration(credentials, resolved);
            CommitPlan plan = CommitSource.plan(resolved.resource(), integration, Checkouts.all(run));
            Optional<String> commit = Optional.empty();
            if (plan instanceof CommitPlan.Known known) {
                commit = Optional.of(known.commit());
            } else if (plan instanceof CommitPlan.FromApi fromApi) {
                Outcome<String> head =
                        lookups.branchHead(integration, resolved.resource().sourceName(), fromApi.branch());
                if (!(head instanceof Outcome.Ok<String> ok)) {
                    throw new AbortException(Messages.BlockSetup_Commit(resolved.describe(), head.message()));
                }
                commit = Optional.of(ok.value());
            } else if (plan instanceof CommitPlan.Refused refused) {
                throw new AbortException(refused.message());
            }
            try {
                variables.add(EnvironmentContract.variables(resolved, integration, commit));
            } catch (InvalidValueException e) {
                throw new AbortException(resolved.describe() + ": " + e.getMessage());
            }
        }
        Validated<BlockEnvironment> environment = BlockEnvironment.assemble(variables);
        if (!environment.isValid()) {
            throw new AbortException(Problems.describe(environment));
        }
        return environment.orElseThrow();
    }

    /**
     * Every form of the tokens the named resources would inject, worked out without recording anything on the build.
     * Empty when the resources cannot be set up; the setup itself then fails and says why.
     */
    @NonNull
    static List<String> secretForms(@NonNull Run<?, ?> run, @NonNull List<String> names) {
        List<Integration> integrations = new ArrayList<>();
        try {
            for (ResolvedResource resolved : resolve(run, names)) {
                integrations.add(integration(credentials(run, resolved), resolved));
            }
        } catch (AbortException e) {
            return List.of();
        }
        return secretForms(integrations);
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

    private static List<ResolvedResource> resolve(Run<?, ?> run, List<String> names) throws AbortException {
        Resolution resolution = ResourceResolver.get().resolve(run.getParent(), names);
        if (resolution instanceof Resolution.Failed failed) {
            throw new AbortException(failed.message());
        }
        return ((Resolution.Resolved) resolution).resources();
    }

    /**
     * The resource's credential, looked up as the build: in the job's folders and globally, as its user may use it.
     * Build parameters do not take part: a resource is re-pointed only by whoever may configure it, never by a build
     * parameter that happens to be named like its credential ID.
     */
    private static BitbucketIntegrationCredentials credentials(Run<?, ?> run, ResolvedResource resolved)
            throws AbortException {
        String id = resolved.resource().integration();
        BitbucketIntegrationCredentials credentials = lookUp(run, id, BitbucketIntegrationCredentials.class);
        if (credentials != null) {
            return credentials;
        }
        StandardCredentials other = lookUp(run, id, StandardCredentials.class);
        throw new AbortException(
                other == null
                        ? Messages.BlockSetup_NoCredentials(resolved.describe(), id)
                        : Messages.BlockSetup_WrongCredentials(resolved.describe(), id, kindOf(other)));
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

    private static String kindOf(@CheckForNull StandardCredentials credentials) {
        return credentials == null ? "" : credentials.getDescriptor().getDisplayName();
    }

    private static Integration integration(BitbucketIntegrationCredentials credentials, ResolvedResource resolved)
            throws AbortException {
        Validated<Integration> integration = credentials.toIntegration();
        if (!integration.isValid()) {
            throw new AbortException(Messages.BlockSetup_BadIntegration(
                    resolved.describe(), credentials.getId(), Problems.describe(integration)));
        }
        return integration.orElseThrow();
    }
}
