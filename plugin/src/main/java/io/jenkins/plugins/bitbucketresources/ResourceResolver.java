package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ItemGroup;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The resource definitions an item (a job, or anything in a folder) sees, scope by scope: those of the folders around
 * it, nearest first, then the global list; broken definitions included, so that the engine can say what is wrong with
 * the one a job would use. The engine decides which definition of a name wins; this class only collects the scopes.
 */
@Restricted(NoExternalUse.class)
public final class ResourceResolver {

    private final BitbucketResourcesConfiguration global;

    public ResourceResolver(@NonNull BitbucketResourcesConfiguration global) {
        this.global = global;
    }

    /** A resolver over this Jenkins' global configuration. */
    @NonNull
    public static ResourceResolver get() {
        return new ResourceResolver(BitbucketResourcesConfiguration.get());
    }

    /**
     * The definitions a job directly inside {@code group} sees, in the engine's shape: the group itself when it is a
     * folder, the folders above it, nearest first, then the global list; each scope's definitions in the order written,
     * broken ones included. For a job, pass its parent; for what the jobs of a folder see, the folder.
     */
    @NonNull
    public List<ScopeDefinitions> definitionsSeenFrom(@NonNull ItemGroup<?> group) {
        List<ScopeDefinitions> scopes = new ArrayList<>();
        ItemGroup<?> current = group;
        while (current instanceof Item container) {
            if (container instanceof AbstractFolder<?> folder) {
                BitbucketResourcesFolderProperty property =
                        folder.getProperties().get(BitbucketResourcesFolderProperty.class);
                if (property != null) {
                    scopes.add(definitions(new Scope.Folder(folder.getFullName()), property.getResources()));
                }
            }
            current = container.getParent();
        }
        scopes.add(definitions(Scope.GLOBAL, global.getResources()));
        return scopes;
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
