package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Items;
import hudson.model.Job;
import hudson.model.ModelObject;
import hudson.model.User;
import hudson.security.ACL;
import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * The credentials stores integrations live in, and the names health and the overview give them: {@code system},
 * {@code folder team-a/backend}, {@code user alice}. A name is what tells two credentials of the same ID apart, so it
 * is part of every {@link CredentialKey}; it never holds anything of a credential but where it is.
 *
 * <p>Stores are read as the system (a folder's store shows its credentials only to those who may view them), and a
 * user's own store as that user, the only one it shows them to.
 */
final class CredentialStores {

    static final String SYSTEM = "system";
    private static final String FOLDER = "folder ";
    static final String USER = "user ";

    private CredentialStores() {}

    /** An integration credential and where it lives. */
    record Located(@NonNull CredentialKey key, @NonNull BitbucketIntegrationCredentials credentials) {}

    /** The name of the stores that belong to a context: Jenkins itself, a folder, a user. */
    @NonNull
    static String nameOf(@NonNull ModelObject context) {
        if (context instanceof Jenkins) {
            return SYSTEM;
        }
        if (context instanceof Item item) {
            return FOLDER + item.getFullName();
        }
        if (context instanceof User user) {
            return USER + user.getId();
        }
        return context.getDisplayName();
    }

    /** The context a store name stands for, as it is now; empty when it is gone (a folder deleted or renamed). */
    @NonNull
    static Optional<ModelObject> contextOf(@NonNull String store) {
        if (store.equals(SYSTEM)) {
            return Optional.of(Jenkins.get());
        }
        if (store.startsWith(FOLDER)) {
            String fullName = store.substring(FOLDER.length());
            return Acting.asSystem(
                    () -> Optional.ofNullable(Jenkins.get().getItemByFullName(fullName, AbstractFolder.class)));
        }
        if (store.startsWith(USER)) {
            return Optional.ofNullable(User.getById(store.substring(USER.length()), false));
        }
        return Optional.empty();
    }

    /** The integration credential a key names, as it is now; empty when it was deleted or its store is gone. */
    @NonNull
    static Optional<BitbucketIntegrationCredentials> find(@NonNull CredentialKey key) {
        Optional<ModelObject> context = contextOf(key.store());
        if (context.isEmpty()) {
            return Optional.empty();
        }
        return readAs(context.get(), () -> {
            for (CredentialsStore store : ownStores(context.get())) {
                for (BitbucketIntegrationCredentials each : integrationsIn(store)) {
                    if (each.getId().equals(key.credentialId())) {
                        return Optional.of(each);
                    }
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Every integration credential of the system's store and of every folder's store. Users' own stores are left out:
     * they can be read only as their user, and their credentials serve only builds that run as that user; what those
     * builds learn of them is still recorded.
     */
    @NonNull
    static List<Located> ofSystemAndFolders() {
        return Acting.asSystem(() -> {
            List<Located> found = new ArrayList<>();
            collect(Jenkins.get(), found);
            for (AbstractFolder<?> folder : Items.allItems2(ACL.SYSTEM2, Jenkins.get(), AbstractFolder.class)) {
                collect(folder, found);
            }
            return found;
        });
    }

    /**
     * The integration a job in this context gets for an ID: the one of the nearest store that has it (the folder's, the
     * folders' above it, the system's), as a build's lookup finds it. Credentials of the system scope are left out:
     * they serve Jenkins itself and are never found for a job.
     *
     * @param context a folder, or Jenkins for the global list
     */
    @NonNull
    static Optional<Located> nearest(@NonNull ModelObject context, @NonNull String id) {
        return Acting.asSystem(() -> {
            for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
                for (BitbucketIntegrationCredentials each : integrationsIn(store)) {
                    if (each.getId().equals(id) && each.getScope() != CredentialsScope.SYSTEM) {
                        return Optional.of(new Located(new CredentialKey(id, nameOf(store.getContext())), each));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /**
     * The store of the credential a build of this job found: the store of the job's folders or of the system that holds
     * this very credential, else the own store of the user the job runs as, else the nearest store holding one of its
     * ID. Empty when none does (a credential from another kind of provider).
     */
    @NonNull
    static Optional<CredentialKey> locate(@NonNull Job<?, ?> job, @NonNull BitbucketIntegrationCredentials found) {
        Optional<CredentialKey> same = Acting.asSystem(() -> {
            for (CredentialsStore store : CredentialsProvider.lookupStores(job)) {
                for (BitbucketIntegrationCredentials each : integrationsIn(store)) {
                    if (each == found) {
                        return Optional.of(new CredentialKey(found.getId(), nameOf(store.getContext())));
                    }
                }
            }
            return Optional.empty();
        });
        if (same.isPresent()) {
            return same;
        }
        Authentication runAs = JobIntegrations.runAs(job);
        // The system has no store of its own; asking for its user would create one named SYSTEM.
        User user = ACL.SYSTEM2.equals(runAs) ? null : User.get2(runAs);
        if (user != null) {
            Optional<CredentialKey> own = Acting.asUser(user, () -> {
                for (CredentialsStore store : ownStores(user)) {
                    for (BitbucketIntegrationCredentials each : integrationsIn(store)) {
                        if (each == found) {
                            return Optional.of(new CredentialKey(found.getId(), nameOf(user)));
                        }
                    }
                }
                return Optional.empty();
            });
            if (own.isPresent()) {
                return own;
            }
        }
        return nearest(job.getParent(), found.getId()).map(Located::key);
    }

    /**
     * What a credentials form saves into: the context of the page (a folder, a user, or the system's when there is
     * none), unwrapped from the store or domain page it may be.
     */
    @NonNull
    static ModelObject ownerOf(@CheckForNull ModelObject formContext) {
        return formContext == null ? Jenkins.get() : CredentialsDescriptor.unwrapContext(formContext);
    }

    /** The stores that belong to the context itself, not those of its parents. */
    @NonNull
    static List<CredentialsStore> ownStores(@NonNull ModelObject context) {
        List<CredentialsStore> own = new ArrayList<>();
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            // The walk goes on to the stores of the context's parents, which are not its own.
            if (store.getContext() == context) {
                own.add(store);
            }
        }
        return own;
    }

    /** The integration credentials of a store, each once, whatever domain it is in. */
    @NonNull
    static List<BitbucketIntegrationCredentials> integrationsIn(@NonNull CredentialsStore store) {
        List<BitbucketIntegrationCredentials> found = new ArrayList<>();
        for (Domain domain : store.getDomains()) {
            for (Credentials credentials : store.getCredentials(domain)) {
                if (credentials instanceof BitbucketIntegrationCredentials integration
                        && !found.contains(integration)) {
                    found.add(integration);
                }
            }
        }
        return found;
    }

    private static void collect(ModelObject context, List<Located> found) {
        for (CredentialsStore store : ownStores(context)) {
            for (BitbucketIntegrationCredentials each : integrationsIn(store)) {
                found.add(new Located(new CredentialKey(each.getId(), nameOf(context)), each));
            }
        }
    }

    /** Reads a context's stores as the one they show their credentials to: a user's as that user, others as the system. */
    private static <T> Optional<T> readAs(ModelObject context, Supplier<Optional<T>> read) {
        return context instanceof User user ? Acting.asUser(user, read) : Acting.asSystem(read);
    }
}
