package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Job;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.BitbucketClient;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Identity;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.TokenExpiry;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The Bitbucket requests of one build's setup (or of one periodic check), each outcome handed to {@link TokenHealth}
 * under the credential the request was made with, so that what builds learn about a token costs no request of its
 * own. The methods have the signatures of {@link BitbucketClient}'s, so that a method reference such as
 * {@code lookups::branchHead} can stand wherever the engine takes a lookup.
 *
 * <p>A credential is made known with {@link #use} once it has been looked up; requests made with an integration whose
 * credential is not known are sent all the same, and not recorded.
 */
@Restricted(NoExternalUse.class)
public final class RecordingLookups {

    private static final Logger LOGGER = Logger.getLogger(RecordingLookups.class.getName());

    private final BitbucketClient client;
    private final TokenHealth health;
    private final Map<String, CredentialStores.Located> byIntegration = new ConcurrentHashMap<>();

    RecordingLookups(@NonNull BitbucketClient client, @NonNull TokenHealth health) {
        this.client = client;
        this.health = health;
    }

    /** Through the client builds use. */
    @NonNull
    public static RecordingLookups forBuilds() {
        return new RecordingLookups(BitbucketClients.get(), TokenHealth.get());
    }

    /** Through the client of the periodic check: one attempt, no cache. */
    @NonNull
    static RecordingLookups forChecks() {
        return new RecordingLookups(BitbucketClients.forChecks(), TokenHealth.get());
    }

    /**
     * Records the requests made with this credential's integration under the store a build of the job found it in.
     * Call it for each credential the build looked up, before its requests.
     */
    @NonNull
    public RecordingLookups use(@NonNull Job<?, ?> job, @NonNull BitbucketIntegrationCredentials credentials) {
        try {
            CredentialStores.locate(job, credentials)
                    .ifPresent(key -> use(new CredentialStores.Located(key, credentials)));
        } catch (RuntimeException e) {
            // Health is learnt on the side: a store that cannot be read must not stop the build.
            LOGGER.log(Level.FINE, "Could not tell where credential " + credentials.getId() + " is stored", e);
        }
        return this;
    }

    @NonNull
    RecordingLookups use(@NonNull CredentialStores.Located located) {
        byIntegration.put(located.credentials().getId(), located);
        return this;
    }

    /** The head commit of a branch, for {@code <P>_COMMIT}. */
    @NonNull
    public Outcome<String> branchHead(
            @NonNull Integration integration, @NonNull SourceName source, @NonNull String branch) {
        return recorded(integration, client.branchHead(integration, source, branch));
    }

    /** Whether the token can read the repository, in one request. */
    @NonNull
    Outcome<Identity> checkAccess(@NonNull Integration integration, @NonNull SourceName source) {
        return recorded(integration, client.checkAccess(integration, source));
    }

    /**
     * What Bitbucket says of the token's expiry date. An answer is kept as the expiry; a failure (a rate limit, a busy
     * server) only as a request made, since the lookup's refusals say nothing about the token.
     */
    @NonNull
    Outcome<TokenExpiry> tokenExpiry(@NonNull Integration integration, @NonNull Optional<SourceName> repository) {
        Outcome<TokenExpiry> outcome = client.tokenExpiry(integration, repository);
        CredentialStores.Located located = byIntegration.get(integration.id());
        if (located != null) {
            if (outcome instanceof Outcome.Ok<TokenExpiry> ok) {
                health.recordExpiry(located.key(), located.credentials(), ok.value());
            } else {
                health.record(located.key(), located.credentials(), outcome);
            }
        }
        return outcome;
    }

    private <T> Outcome<T> recorded(Integration integration, Outcome<T> outcome) {
        CredentialStores.Located located = byIntegration.get(integration.id());
        return located == null ? outcome : health.record(located.key(), located.credentials(), outcome);
    }
}
