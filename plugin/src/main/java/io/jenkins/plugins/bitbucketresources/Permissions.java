package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import jenkins.model.Jenkins;

/**
 * Who may use the web methods of the resource forms: administrators for the global configuration, and on an item (a
 * folder or job), those who may configure it; listing credentials also needs only the right to see the item's
 * configuration or to use its credentials. The integration (credential) form has its own rule: {@link IntegrationForms}.
 */
final class Permissions {

    private Permissions() {}

    /** {@link Jenkins#ADMINISTER} without an item, {@link Item#CONFIGURE} on one. */
    static boolean canConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** Whether the current user may see which credentials the item can use. */
    static boolean canListCredentials(@CheckForNull Item item) {
        return item == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasAnyPermission(Item.EXTENDED_READ, CredentialsProvider.USE_ITEM);
    }
}
