package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Items;
import hudson.security.ACL;
import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import io.jenkins.plugins.bitbucketresources.core.health.HealthState;
import io.jenkins.plugins.bitbucketresources.core.overview.Overview;
import io.jenkins.plugins.bitbucketresources.core.overview.OverviewRow;
import io.jenkins.plugins.bitbucketresources.core.overview.OverviewSources;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * What a resource name on a folder's list or the global list does to the definitions of the same name elsewhere, as the
 * engine decides it: a folder's definition hides those of the folders above and of the global list from the folder's
 * jobs; the global list's definition is hidden from the jobs of every folder that defines the name too.
 */
final class HidingNotes {

    /** The overview is asked only which definitions count and where; it has no credential or health to show. */
    private static final OverviewSources NOTHING_ELSE = new OverviewSources() {
        @Override
        public Optional<CredentialKey> credential(Scope scope, String integrationId) {
            return Optional.empty();
        }

        @Override
        public Optional<HealthState> health(CredentialKey credential) {
            return Optional.empty();
        }

        @Override
        public List<String> recentJobs(CredentialKey credential) {
            return List.of();
        }
    };

    private HidingNotes() {}

    /**
     * The note for a name on the list of {@code context} (a folder, or the global list when null); empty when the name
     * hides nothing and nothing hides it.
     */
    @NonNull
    static Optional<String> of(@CheckForNull Item context, @NonNull String name) {
        if (context == null) {
            return hiddenFromFolders(name);
        }
        if (context instanceof AbstractFolder<?> folder) {
            return hidesAbove(folder, name);
        }
        return Optional.empty();
    }

    /** The definitions a job directly above the folder would get for the name: the folder's own definition hides them. */
    private static Optional<String> hidesAbove(AbstractFolder<?> folder, String name) {
        List<ScopeDefinitions> above = ResourceResolver.get().definitionsSeenFrom(folder.getParent());
        Optional<VisibleResource> seen = BlockPreparation.visible(above).find(name);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        List<String> hidden = new ArrayList<>();
        hidden.add(Places.definitionOf(seen.get().scope()));
        seen.get().hides().stream().map(Places::definitionOf).forEach(hidden::add);
        return Optional.of(Messages.HidingNotes_Hides(name, Places.joined(hidden)));
    }

    /** The folders whose own definition of the name counts: their jobs get it instead of the global one. */
    private static Optional<String> hiddenFromFolders(String name) {
        List<ScopeDefinitions> scopes = new ArrayList<>();
        for (AbstractFolder<?> folder : Items.allItems2(ACL.SYSTEM2, Jenkins.get(), AbstractFolder.class)) {
            BitbucketResourcesFolderProperty property =
                    folder.getProperties().get(BitbucketResourcesFolderProperty.class);
            if (property != null) {
                scopes.add(
                        ResourceResolver.definitions(new Scope.Folder(folder.getFullName()), property.getResources()));
            }
        }
        List<String> folders = new ArrayList<>();
        for (OverviewRow row : Overview.list(scopes, NOTHING_ELSE)) {
            if (row.name().equals(name) && !row.duplicate() && row.scope() instanceof Scope.Folder folder) {
                folders.add(Messages.Places_Quoted(folder.fullName()));
            }
        }
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Messages.HidingNotes_HiddenBy(name, Places.joined(folders), folders.size()));
    }
}
