package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Fingerprint;
import hudson.model.Job;
import hudson.model.ModelObject;
import hudson.model.Run;
import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import io.jenkins.plugins.bitbucketresources.core.health.HealthState;
import io.jenkins.plugins.bitbucketresources.core.overview.Overview;
import io.jenkins.plugins.bitbucketresources.core.overview.OverviewRow;
import io.jenkins.plugins.bitbucketresources.core.overview.OverviewSources;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * The engine's overview of every resource on this controller: the definitions of the global list and of every
 * folder, and what the engine asks of the host about them. A credential is found as a job in the definition's scope
 * finds it; its health comes from {@link TokenHealth}; the jobs that used it lately from the usage the credentials
 * plugin records for each build (its fingerprint), ordered by their latest such build, newest first.
 */
final class OverviewListing implements OverviewSources {

    private static final Logger LOGGER = Logger.getLogger(OverviewListing.class.getName());

    private final Map<Scope, ModelObject> contexts = new HashMap<>();
    private final Map<CredentialKey, BitbucketIntegrationCredentials> credentials = new HashMap<>();
    private final TokenHealth health;

    private OverviewListing(TokenHealth health) {
        this.health = health;
    }

    /** Every definition on this controller, as the engine lists them; read as the system. */
    @NonNull
    static List<OverviewRow> rows() {
        return Acting.asSystem(() -> {
            OverviewListing sources = new OverviewListing(TokenHealth.get());
            List<ScopeDefinitions> scopes = new ArrayList<>();
            for (ResourceResolver.Located located : ResourceResolver.everywhere()) {
                sources.contexts.put(located.scope(), located.context());
                scopes.add(located.definitions());
            }
            return Overview.list(scopes, sources);
        });
    }

    @Override
    public Optional<CredentialKey> credential(Scope scope, String integrationId) {
        ModelObject context = contexts.get(scope);
        if (context == null) {
            return Optional.empty();
        }
        Optional<CredentialStores.Located> located = CredentialStores.nearest(context, integrationId);
        located.ifPresent(found -> credentials.put(found.key(), found.credentials()));
        return located.map(CredentialStores.Located::key);
    }

    @Override
    public Optional<HealthState> health(CredentialKey credential) {
        BitbucketIntegrationCredentials found = credentials.get(credential);
        return found == null ? Optional.empty() : Optional.of(health.state(credential, found));
    }

    @Override
    public List<String> recentJobs(CredentialKey credential) {
        BitbucketIntegrationCredentials found = credentials.get(credential);
        if (found == null) {
            return List.of();
        }
        Fingerprint fingerprint;
        try {
            fingerprint = CredentialsProvider.getFingerprintOf(found);
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "Could not read the usage of credential " + credential.describe(), e);
            return List.of();
        }
        if (fingerprint == null) {
            return List.of();
        }
        List<Used> used = new ArrayList<>();
        for (String name : fingerprint.getJobs()) {
            Job<?, ?> job = Jenkins.get().getItemByFullName(name, Job.class);
            Fingerprint.RangeSet builds = fingerprint.getRangeSet(name);
            if (job == null || builds.isEmpty()) {
                continue;
            }
            latest(job, builds).ifPresent(run -> used.add(new Used(job.getFullName(), run.getStartTimeInMillis())));
        }
        used.sort(Comparator.comparingLong(Used::startedAt).reversed().thenComparing(Used::job));
        return used.stream().map(Used::job).toList();
    }

    /** A job that used the credential, and when the latest of its builds that did started. */
    private record Used(String job, long startedAt) {}

    /** The latest build of those recorded that still exists; only the last few are tried, builds being deleted oldest first. */
    private static Optional<Run<?, ?>> latest(Job<?, ?> job, Fingerprint.RangeSet builds) {
        int tried = 0;
        for (int number : builds.listNumbersReverse()) {
            Run<?, ?> run = job.getBuildByNumber(number);
            if (run != null) {
                return Optional.of(run);
            }
            if (++tried == 5) {
                break;
            }
        }
        return Optional.empty();
    }
}
