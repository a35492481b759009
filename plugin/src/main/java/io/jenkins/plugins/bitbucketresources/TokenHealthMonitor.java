package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.bitbucketresources.core.health.Concern;
import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import io.jenkins.plugins.bitbucketresources.core.health.HealthState;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * Tells administrators, under <em>Manage Jenkins</em>, which Bitbucket integration credentials need attention: each by
 * its ID and store, with what is wrong and what to do, never the token. Each can be dismissed until its state changes.
 * Only administrators see it (the default permission of a monitor).
 */
@Extension
@Restricted(NoExternalUse.class)
public final class TokenHealthMonitor extends AdministrativeMonitor {

    public TokenHealthMonitor() {
        super("bitbucket-token-health");
    }

    @Override
    public String getDisplayName() {
        return Messages.TokenHealthMonitor_DisplayName();
    }

    @Override
    public boolean isActivated() {
        return !TokenHealth.get().shown().isEmpty();
    }

    /** The credentials to show, most serious first. */
    @NonNull
    public List<Shown> getShown() {
        return TokenHealth.get().shown().stream().map(Shown::new).toList();
    }

    /** Whether any credential shown has an error, not only warnings. */
    public boolean isSevere() {
        return getShown().stream().anyMatch(Shown::isSevere);
    }

    /**
     * Hides one credential until its state changes. Nothing happens when the state changed since the page was shown:
     * the administrator has not seen the new one yet.
     */
    @RequirePOST
    public HttpResponse doDismiss(
            @QueryParameter String credentialId, @QueryParameter String store, @QueryParameter String signature) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String id = Util.fixEmptyAndTrim(credentialId);
        String where = Util.fixEmptyAndTrim(store);
        if (id != null && where != null) {
            TokenHealth.get().dismiss(new CredentialKey(id, where), Util.fixNull(signature));
        }
        return HttpResponses.redirectViaContextPath("/manage");
    }

    /** One credential as the monitor shows it. */
    @Restricted(NoExternalUse.class)
    public static final class Shown {

        private final HealthState state;

        Shown(HealthState state) {
            this.state = state;
        }

        public String getCredentialId() {
            return state.key().credentialId();
        }

        public String getStore() {
            return state.key().store();
        }

        /** What a dismissal is tied to: the concerns, not when they were seen. */
        public String getSignature() {
            return state.signature();
        }

        public boolean isSevere() {
            return state.severity().orElseThrow() == Problem.Severity.ERROR;
        }

        /** What is wrong and what to do, one sentence or two per concern. */
        public List<String> getMessages() {
            return state.concerns().stream().map(Concern::message).toList();
        }
    }
}
