package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a resource name on a folder's list or the global list does to the definitions of the same name elsewhere, as the
 * engine decides it: a folder's definition hides those of the folders above and of the global list from the folder's
 * jobs; the global list's definition is hidden from the jobs of every folder that defines the name too.
 */
final class HidingNotes {

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
        Optional<VisibleResource> seen = BlockPreparation.visible(
                        ResourceResolver.definitionsSeenFrom(folder.getParent()))
                .find(name);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        List<Scope> hidden = new ArrayList<>();
        hidden.add(seen.get().scope());
        hidden.addAll(seen.get().hides());
        return Optional.of(Messages.HidingNotes_Hides(name, Places.definitionsOf(hidden)));
    }

    /** The folders that define the name too: their jobs get their own definition instead of the global one. */
    private static Optional<String> hiddenFromFolders(String name) {
        List<String> folders = new ArrayList<>();
        for (ResourceResolver.Located located : ResourceResolver.everywhere()) {
            if (located.scope() instanceof Scope.Folder folder
                    && located.definitions().definitions().stream()
                            .map(Definition::name)
                            .anyMatch(name::equals)) {
                folders.add(Messages.Places_Quoted(folder.fullName()));
            }
        }
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Messages.HidingNotes_HiddenBy(name, Places.joined(folders), folders.size()));
    }
}
