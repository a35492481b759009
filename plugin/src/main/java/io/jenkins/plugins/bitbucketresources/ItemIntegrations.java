package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.prepare.IntegrationLookup;
import io.jenkins.plugins.bitbucketresources.core.prepare.Integrations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;

/**
 * Integrations as a build of a job would find them, for pages that show what a build would get: the credentials the
 * job's default authentication may use in its folders and globally, then, if that authentication may use the item's
 * credentials, those of the item. Nothing is recorded as used. For a folder, a job inside it is assumed to run as
 * Jenkins itself, which is what a job runs as unless an authenticator says otherwise.
 *
 * <p>Build parameters take no part, as at run time: a resource names its credential, and only someone who may
 * configure the resource changes it.
 */
final class ItemIntegrations implements Integrations {

    private final Item item;
    private final Authentication runAs;
    private final Map<String, IntegrationLookup> found = new HashMap<>();

    private ItemIntegrations(Item item, Authentication runAs) {
        this.item = item;
        this.runAs = runAs;
    }

    /** Looked up as a build of the job, or of a job in the folder, would be. */
    @NonNull
    static ItemIntegrations of(@NonNull Item item) {
        Authentication runAs = !(item instanceof AbstractFolder<?>) && item instanceof Queue.Task task
                ? Tasks.getAuthenticationOf2(task)
                : ACL.SYSTEM2;
        return new ItemIntegrations(item, runAs);
    }

    @Override
    public IntegrationLookup find(String id) {
        return found.computeIfAbsent(id, this::lookUp);
    }

    private IntegrationLookup lookUp(String id) {
        BitbucketIntegrationCredentials integration = byId(id, BitbucketIntegrationCredentials.class);
        if (integration != null) {
            Validated<Integration> validated = integration.toIntegration();
            return validated instanceof Validated.Valid<Integration> valid
                    ? new IntegrationLookup.Found(valid.value())
                    : new IntegrationLookup.Invalid(validated.problems());
        }
        StandardCredentials other = byId(id, StandardCredentials.class);
        return other == null
                ? new IntegrationLookup.Missing()
                : new IntegrationLookup.WrongKind(other.getDescriptor().getDisplayName());
    }

    @CheckForNull
    private <C extends IdCredentials> C byId(String id, Class<C> type) {
        C credentials = CredentialsProvider.findCredentialByIdInItem(id, type, item, runAs, List.of());
        if (credentials == null && runAs != ACL.SYSTEM2 && item.hasPermission2(runAs, CredentialsProvider.USE_ITEM)) {
            credentials = CredentialsProvider.findCredentialByIdInItem(id, type, item, ACL.SYSTEM2, List.of());
        }
        return credentials;
    }
}
