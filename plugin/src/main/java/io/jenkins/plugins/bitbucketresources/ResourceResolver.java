package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ItemGroup;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.resolve.Resolution;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Resolver;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.resolve.ScopedResources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources an item (a job, or anything in a folder) sees: those of the folders around it, nearest first, then the
 * global list. The engine decides which definition of a name wins; this class only collects the scopes.
 */
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

    /** Looks names up for a job, e.g. {@code withBitbucketResource(['app-repo', 'tools'])}. */
    @NonNull
    public Resolution resolve(@NonNull Item job, @NonNull List<String> names) {
        Scopes scopes = scopesAround(job);
        List<String> broken = new ArrayList<>();
        for (String name : names) {
            String message = scopes.brokenNearest().get(name.strip());
            if (message != null) {
                broken.add(message);
            }
        }
        if (!broken.isEmpty()) {
            return new Resolution.Failed(String.join("\n", broken));
        }
        return Resolver.resolve(scopes.scopes(), names, job.getFullName());
    }

    /** The resources an item sees, each name once, the nearest definition winning. */
    @NonNull
    public List<ResolvedResource> visible(@NonNull Item item) {
        return Resolver.visible(scopesAround(item).scopes());
    }

    /**
     * The scopes around an item, with the valid definitions only, and for each name whose nearest definition is not
     * valid (it was saved before a rule changed, or written to disk by hand) the message saying what to fix.
     */
    private Scopes scopesAround(Item item) {
        List<ScopedResources> scopes = new ArrayList<>();
        Map<String, String> brokenNearest = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        ItemGroup<?> parent = item.getParent();
        while (parent instanceof Item container) {
            if (container instanceof AbstractFolder<?> folder) {
                BitbucketResourcesFolderProperty property =
                        folder.getProperties().get(BitbucketResourcesFolderProperty.class);
                if (property != null) {
                    Scope scope = new Scope.Folder(folder.getFullName());
                    scopes.add(new ScopedResources(scope, valid(scope, property.getResources(), seen, brokenNearest)));
                }
            }
            parent = container.getParent();
        }
        scopes.add(new ScopedResources(Scope.GLOBAL, valid(Scope.GLOBAL, global.getResources(), seen, brokenNearest)));
        return new Scopes(scopes, brokenNearest);
    }

    private static List<Resource> valid(
            Scope scope, List<BitbucketResource> definitions, Set<String> seen, Map<String, String> brokenNearest) {
        List<Resource> valid = new ArrayList<>();
        for (BitbucketResource definition : definitions) {
            Validated<Resource> resource = definition.toResource();
            boolean nearest = seen.add(definition.getName());
            if (resource instanceof Validated.Valid<Resource> ok) {
                valid.add(ok.value());
            } else if (nearest) {
                brokenNearest.put(
                        definition.getName(),
                        Messages.ResourceResolver_Broken(
                                definition.getName(), scope.describe(), Problems.describe(resource)));
            }
        }
        return valid;
    }

    private record Scopes(List<ScopedResources> scopes, Map<String, String> brokenNearest) {}

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
