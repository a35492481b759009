package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsStore;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Items;
import hudson.security.ACL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/** Which folders keep a Bitbucket integration with a given ID in their own credentials store. */
final class FolderCredentials {

    private FolderCredentials() {}

    /**
     * The folders under {@code context} (under Jenkins when null) that keep a Bitbucket integration with the ID in their
     * own store, by full name, only the topmost of nested ones (a folder's jobs find its parents' credentials too), and
     * only those whose credentials the current user may list.
     */
    @NonNull
    static List<String> foldersHolding(
            @CheckForNull Item context, @NonNull String id, @NonNull CredentialsMatcher usable) {
        ItemGroup<?> root;
        if (context == null) {
            root = Jenkins.get();
        } else if (context instanceof AbstractFolder<?> folder) {
            root = folder;
        } else {
            return List.of();
        }
        List<String> holders = new ArrayList<>();
        for (AbstractFolder<?> folder : Items.allItems2(ACL.SYSTEM2, root, AbstractFolder.class)) {
            if (Permissions.canListCredentials(folder) && holds(folder, id, usable)) {
                holders.add(folder.getFullName());
            }
        }
        holders.sort(null);
        List<String> topmost = new ArrayList<>();
        for (String holder : holders) {
            if (topmost.stream().noneMatch(above -> holder.startsWith(above + "/"))) {
                topmost.add(holder);
            }
        }
        return topmost;
    }

    private static boolean holds(AbstractFolder<?> folder, String id, CredentialsMatcher usable) {
        for (CredentialsStore store : CredentialStores.ownStores(folder)) {
            for (BitbucketIntegrationCredentials integration : CredentialStores.integrationsIn(store)) {
                if (integration.getId().equals(id) && usable.matches(integration)) {
                    return true;
                }
            }
        }
        return false;
    }
}
