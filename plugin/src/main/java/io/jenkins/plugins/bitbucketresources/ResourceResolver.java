package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Items;
import hudson.model.ModelObject;
import hudson.security.ACL;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Where the plugin collects resource definitions for the engine: the scopes an item sees (the folders around it,
 * nearest first, then the global list), and every scope on this controller. Broken definitions are included, so that
 * the engine can say what is wrong with the one a job would use; the engine decides which definition of a name wins.
 */
@Restricted(NoExternalUse.class)
public final class ResourceResolver {

    private ResourceResolver() {}

    /**
     * One scope's definitions and what they are configured on.
     *
     * @param context Jenkins for the global list, else the folder
     */
    record Located(@NonNull ModelObject context, @NonNull ScopeDefinitions definitions) {

        @NonNull
        Scope scope() {
            return definitions.scope();
        }
    }

    /**
     * The definitions a job directly inside {@code group} sees, in the engine's shape: the group itself when it is a
     * folder, the folders above it, nearest first, then the global list; each scope's definitions in the order written,
     * broken ones included. A folder that defines no resource is no scope. For a job, pass its parent; for what the jobs
     * of a folder see, the folder.
     */
    @NonNull
    public static List<ScopeDefinitions> definitionsSeenFrom(@NonNull ItemGroup<?> group) {
        List<ScopeDefinitions> scopes = new ArrayList<>();
        ItemGroup<?> current = group;
        while (current instanceof Item container) {
            if (container instanceof AbstractFolder<?> folder) {
                ofFolder(folder).ifPresent(scopes::add);
            }
            current = container.getParent();
        }
        scopes.add(global());
        return scopes;
    }

    /**
     * Every list of resources on this controller, read as the system: the global list first, then each folder that
     * defines resources, parents before their children.
     */
    @NonNull
    static List<Located> everywhere() {
        List<Located> all = new ArrayList<>();
        all.add(new Located(Jenkins.get(), global()));
        Acting.asSystem(() -> {
            for (AbstractFolder<?> folder : Items.allItems2(ACL.SYSTEM2, Jenkins.get(), AbstractFolder.class)) {
                ofFolder(folder).ifPresent(definitions -> all.add(new Located(folder, definitions)));
            }
            return all;
        });
        return all;
    }

    /** A folder's own definitions; none when it defines no resource, since such a folder is no scope. */
    private static Optional<ScopeDefinitions> ofFolder(AbstractFolder<?> folder) {
        List<BitbucketResource> resources = BitbucketResourcesFolderProperty.definedOn(folder);
        return resources.isEmpty()
                ? Optional.empty()
                : Optional.of(definitions(new Scope.Folder(folder.getFullName()), resources));
    }

    private static ScopeDefinitions global() {
        return definitions(Scope.GLOBAL, BitbucketResourcesConfiguration.get().getResources());
    }

    /** One scope's definitions as the engine takes them. */
    @NonNull
    static ScopeDefinitions definitions(@NonNull Scope scope, @NonNull List<BitbucketResource> resources) {
        List<Definition> definitions = new ArrayList<>();
        for (BitbucketResource resource : resources) {
            definitions.add(new Definition(resource.getName(), resource.toResource()));
        }
        return new ScopeDefinitions(scope, definitions);
    }
}
