package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.prepare.IntegrationLookup;
import io.jenkins.plugins.bitbucketresources.core.prepare.Integrations;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;

/**
 * Integrations as a build of a job finds them: the credentials the job's authentication may use in its folders and
 * globally, then, if that authentication may use the item's credentials, those of the item. Each ID is looked up once.
 * For a folder, a job inside it is assumed to run as Jenkins itself, which is what a job runs as unless an
 * authenticator says otherwise.
 *
 * <p>Build parameters take no part: a resource is re-pointed only by whoever may configure it, never by a build
 * parameter that happens to be named like its credential ID.
 *
 * <p>Only the lookup of a block that runs records anything ({@link #recording}): each Bitbucket integration it finds is
 * recorded as used by the run, once, and made known to the recording of Bitbucket's answers for token health. A
 * credential of another kind, which the block cannot use, is not recorded. Pages, and the log filter that is set up
 * before the block, look up without recording.
 */
final class JobIntegrations implements Integrations {

    private final Item item;

    @CheckForNull
    private final Run<?, ?> run;

    private final Authentication runAs;

    @CheckForNull
    private final RecordingLookups recording;

    private final Map<String, IntegrationLookup> looked = new ConcurrentHashMap<>();

    private JobIntegrations(
            Item item, @CheckForNull Run<?, ?> run, Authentication runAs, @CheckForNull RecordingLookups recording) {
        this.item = item;
        this.run = run;
        this.runAs = runAs;
        this.recording = recording;
    }

    /** As a build of the job, or of a job in the folder, would find them; nothing is recorded. */
    @NonNull
    static JobIntegrations of(@NonNull Item item) {
        return new JobIntegrations(item, null, runAs(item), null);
    }

    /** As the run finds them; nothing is recorded. */
    @NonNull
    static JobIntegrations of(@NonNull Run<?, ?> run) {
        return new JobIntegrations(run.getParent(), run, runAs(run.getParent()), null);
    }

    /** As the run's block finds them, recording each Bitbucket integration found as used by the run. */
    @NonNull
    static JobIntegrations recording(@NonNull Run<?, ?> run, @NonNull RecordingLookups recording) {
        return new JobIntegrations(run.getParent(), run, runAs(run.getParent()), recording);
    }

    /** What builds run as: a job's configured authentication; a folder's jobs, by default, the system. */
    @NonNull
    static Authentication runAs(@NonNull Item item) {
        return !(item instanceof AbstractFolder<?>) && item instanceof Queue.Task task
                ? Tasks.getAuthenticationOf2(task)
                : ACL.SYSTEM2;
    }

    @Override
    public IntegrationLookup find(String id) {
        return looked.computeIfAbsent(id, this::lookUp);
    }

    /** The valid integrations found so far, for the forms of their tokens that a log masks. */
    @NonNull
    List<Integration> found() {
        return looked.values().stream()
                .filter(IntegrationLookup.Found.class::isInstance)
                .map(found -> ((IntegrationLookup.Found) found).integration())
                .toList();
    }

    private IntegrationLookup lookUp(String id) {
        BitbucketIntegrationCredentials credentials = byId(id, BitbucketIntegrationCredentials.class);
        if (credentials == null) {
            StandardCredentials other = byId(id, StandardCredentials.class);
            return other == null
                    ? new IntegrationLookup.Missing()
                    : new IntegrationLookup.WrongKind(other.getDescriptor().getDisplayName());
        }
        if (recording != null && run != null) {
            CredentialsProvider.track(run, credentials);
            recording.use(run.getParent(), credentials);
        }
        Validated<Integration> integration = credentials.toIntegration();
        return integration instanceof Validated.Valid<Integration> valid
                ? new IntegrationLookup.Found(valid.value())
                : new IntegrationLookup.Invalid(integration.problems());
    }

    /**
     * What {@link CredentialsProvider#findCredentialById(String, Class, Run, List)} finds for an ID that is not a
     * parameter, without recording its use; for a run, the credential as the run gets it.
     */
    @CheckForNull
    private <C extends IdCredentials> C byId(String id, Class<C> type) {
        C found = CredentialsProvider.findCredentialByIdInItem(id, type, item, runAs, List.of());
        if (found == null && runAs != ACL.SYSTEM2 && item.hasPermission2(runAs, CredentialsProvider.USE_ITEM)) {
            found = CredentialsProvider.findCredentialByIdInItem(id, type, item, ACL.SYSTEM2, List.of());
        }
        if (found == null || run == null) {
            return found;
        }
        Credentials forRun = found.forRun(run);
        return type.isInstance(forRun) ? type.cast(forRun) : found;
    }
}
