package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.ModelObject;
import hudson.security.AccessDeniedException3;
import hudson.util.Secret;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * Who may use the web methods of the Bitbucket integration form, and which token they may send to Bitbucket. The form
 * saves into a credentials store of its context (the system, a folder, a user's own), so it asks for what that save
 * needs: the right to create or update credentials there, not to administer Jenkins or configure an item.
 */
final class IntegrationForms {

    private IntegrationForms() {}

    /** Whether the current user may create or update credentials in a store of the form's context. */
    static boolean maySave(@CheckForNull ModelObject context) {
        for (CredentialsStore store : storesOf(context)) {
            if (store.hasPermission(CredentialsProvider.CREATE) || store.hasPermission(CredentialsProvider.UPDATE)) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #maySave} but refuses the request (HTTP 403) when it is not allowed. */
    static void checkMaySave(@CheckForNull ModelObject context) {
        if (!maySave(context)) {
            throw new AccessDeniedException3(Jenkins.getAuthentication2(), CredentialsProvider.CREATE);
        }
    }

    /**
     * The token a form sent, or empty when it may not be used. What someone typed is taken as it is. A value this
     * controller encrypted (the password field shows a saved token that way) is decrypted only when it is the token of
     * the credential being edited, named by the ID in the form, in a store of the form's context that the current user
     * may update. Otherwise anyone holding a ciphertext of this controller could have it decrypted and sent, as an
     * {@code Authorization} header, to a URL of their choice.
     */
    @NonNull
    static Optional<Secret> token(
            @CheckForNull ModelObject context, @CheckForNull String value, @CheckForNull String id) {
        String sent = Util.fixNull(value);
        Secret decrypted = Secret.decrypt(sent);
        if (decrypted == null) {
            return Optional.of(Secret.fromString(sent));
        }
        String wanted = Util.fixEmptyAndTrim(id);
        if (wanted == null) {
            return Optional.empty();
        }
        for (CredentialsStore store : storesOf(context)) {
            if (!store.hasPermission(CredentialsProvider.UPDATE)) {
                continue;
            }
            for (BitbucketIntegrationCredentials integration : CredentialStores.integrationsIn(store)) {
                if (integration.getId().equals(wanted)
                        && TokenHealth.sameToken(Secret.toString(integration.getToken()), decrypted.getPlainText())) {
                    return Optional.of(decrypted);
                }
            }
        }
        return Optional.empty();
    }

    /** The stores that belong to the form's context itself, not those of its parents. */
    private static List<CredentialsStore> storesOf(@CheckForNull ModelObject context) {
        return CredentialStores.ownStores(CredentialStores.ownerOf(context));
    }
}
