package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Items;
import hudson.model.ModelObject;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/** Every list of resources on this controller: the global one and each folder's, as the system sees them. */
final class ResourceScopes {

    private ResourceScopes() {}

    /**
     * One list of resources, as saved.
     *
     * @param context where the list is defined: Jenkins for the global list, else the folder
     */
    record Defined(
            @NonNull Scope scope,
            @NonNull ModelObject context,
            @NonNull List<BitbucketResource> definitions) {}

    /** The global list first, then every folder that has resources, in no particular order. */
    @NonNull
    static List<Defined> all() {
        List<Defined> all = new ArrayList<>();
        all.add(new Defined(
                Scope.GLOBAL,
                Jenkins.get(),
                BitbucketResourcesConfiguration.get().getResources()));
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (AbstractFolder<?> folder : Items.allItems2(ACL.SYSTEM2, Jenkins.get(), AbstractFolder.class)) {
                BitbucketResourcesFolderProperty property =
                        folder.getProperties().get(BitbucketResourcesFolderProperty.class);
                if (property != null && !property.getResources().isEmpty()) {
                    all.add(new Defined(new Scope.Folder(folder.getFullName()), folder, property.getResources()));
                }
            }
        }
        return all;
    }
}
