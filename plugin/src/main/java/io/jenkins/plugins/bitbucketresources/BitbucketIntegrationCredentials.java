package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A Bitbucket integration kept as a Jenkins credential: where the Bitbucket API is, the token, and the username or
 * e-mail address when the token kind needs one.
 */
@NameWith(value = BitbucketIntegrationCredentials.NameProvider.class, priority = 8)
public interface BitbucketIntegrationCredentials extends StandardCredentials {

    /** The API location exactly as configured, e.g. {@code https://api.bitbucket.org/2.0}. */
    @NonNull
    String getUrl();

    /** The token. */
    @NonNull
    Secret getToken();

    /** The username or e-mail address; empty when the token kind needs none. */
    @NonNull
    String getUsername();

    /** {@code cloud} or {@code datacenter}; empty to detect it from the URL. */
    @NonNull
    String getPlatform();

    /** The token kind, e.g. {@code apiToken}; empty to detect it. */
    @NonNull
    String getKind();

    /**
     * The repository <em>Test connection</em> reads ({@code workspace/repo} or {@code PROJECT/repo}), for tokens that
     * cannot say who they act as; empty when none is kept.
     */
    @NonNull
    default String getTestRepository() {
        return "";
    }

    /**
     * The integration for the engine, or every problem with this credential. The engine's types are bundled with this
     * plugin and change with it, so other plugins do not build on them.
     */
    @Restricted(NoExternalUse.class)
    @NonNull
    Validated<Integration> toIntegration();

    /** Names an integration by its description, or else by its ID and API location. */
    class NameProvider extends CredentialsNameProvider<BitbucketIntegrationCredentials> {

        @NonNull
        @Override
        public String getName(@NonNull BitbucketIntegrationCredentials credentials) {
            String description = Util.fixEmptyAndTrim(credentials.getDescription());
            return description != null
                    ? description
                    : Messages.BitbucketIntegrationCredentials_Name(credentials.getId(), credentials.getUrl());
        }
    }
}
