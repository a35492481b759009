package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Identity;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.TokenExpiry;
import io.jenkins.plugins.bitbucketresources.core.health.CheckPlanner;
import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import io.jenkins.plugins.bitbucketresources.core.health.HealthRecord;
import io.jenkins.plugins.bitbucketresources.core.health.HealthSettings;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The optional periodic check of token health (off by default). Every minute it looks at the integrations to check,
 * and asks Bitbucket about those the engine's {@link CheckPlanner} says are due: at most one request per integration
 * per interval, a build's requests counted, and none while Bitbucket's rate limit holds. The request is the one builds
 * depend on: can the token read the repository of a resource that uses it. Once per token, the expiry date is asked
 * too where Bitbucket tells it (Data Center).
 *
 * <p>It runs as the system over the integrations of the system's and folders' stores: those a resource uses, as a job
 * in the resource's scope finds them, with the resource's repository; then those no resource uses but that keep a
 * repository to test with (the one <em>Test connection</em> reads), with that repository. A credential with neither
 * has nothing to check a token against. Credentials of users' own stores are not checked: they serve builds run as
 * their user, and a background request made with a person's token, unasked, is not this plugin's to make.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class TokenHealthCheck extends AsyncPeriodicWork {

    public TokenHealthCheck() {
        super("Bitbucket token health check");
    }

    /** The planner decides which integration is due; running every minute keeps a check close to its time. */
    @Override
    public long getRecurrencePeriod() {
        return MIN;
    }

    @Override
    protected void execute(TaskListener listener) {
        checkDue(listener);
    }

    /**
     * An integration to check: the integration its credential makes, a repository to read with it, and the lookups
     * that record under its credential (one set per credential: two stores may hold credentials of one ID).
     */
    private record Target(RecordingLookups lookups, Integration integration, SourceName repository) {}

    /**
     * Checks the integrations that are due now, when the periodic check is on. One run at a time: a run started while
     * another is under way waits for it, and then finds checked what it checked.
     *
     * @return how many integrations were checked
     */
    synchronized int checkDue(@NonNull TaskListener listener) {
        HealthSettings settings = TokenHealthConfiguration.get().settings();
        if (!settings.periodicCheck()) {
            return 0;
        }
        CheckPlanner planner = new CheckPlanner(settings.checkInterval());
        HealthRecord record = TokenHealth.get().record();
        return Acting.asSystem(() -> {
            int checked = 0;
            Map<CredentialKey, Target> targets = targets();
            for (CredentialKey key : record.claimChecks(targets.keySet(), planner)) {
                Target target = targets.get(key);
                Outcome<Identity> outcome = target.lookups().checkAccess(target.integration(), target.repository());
                listener.getLogger()
                        .println(Messages.TokenHealthCheck_Checked(
                                key.describe(), outcome.isOk() ? Messages.TokenHealthCheck_Ok() : outcome.message()));
                checked++;
            }
            for (CredentialKey key : record.claimExpiryLookups(targets.keySet(), planner)) {
                Target target = targets.get(key);
                Outcome<TokenExpiry> expiry =
                        target.lookups().tokenExpiry(target.integration(), Optional.of(target.repository()));
                if (!expiry.isOk()) {
                    listener.getLogger().println(Messages.TokenHealthCheck_Expiry(key.describe(), expiry.message()));
                }
            }
            return checked;
        });
    }

    /** One credential lookup: the same integration ID in the same scope finds the same credential. */
    private record Lookup(Scope scope, String integration) {}

    /**
     * The integrations resources use, each with the first repository found that a resource reads with it; then the
     * other integrations of the system's and folders' stores that keep a repository to test with.
     */
    private static Map<CredentialKey, Target> targets() {
        Map<CredentialKey, Target> targets = new TreeMap<>();
        Map<Lookup, Optional<CredentialStores.Located>> found = new HashMap<>();
        for (ResourceResolver.Located scope : ResourceResolver.everywhere()) {
            for (Definition definition : scope.definitions().definitions()) {
                if (!(definition.resource() instanceof Validated.Valid<Resource> valid)) {
                    continue;
                }
                Resource resource = valid.value();
                found.computeIfAbsent(
                                new Lookup(scope.scope(), resource.integration()),
                                l -> CredentialStores.nearest(scope.context(), l.integration()))
                        .ifPresent(located -> add(targets, located, resource.sourceName()));
            }
        }
        for (CredentialStores.Located located : TokenHealth.get().integrations()) {
            testRepository(located.credentials()).ifPresent(repository -> add(targets, located, repository));
        }
        return targets;
    }

    /** The first repository found for a credential is the one checked. */
    private static void add(
            Map<CredentialKey, Target> targets, CredentialStores.Located located, SourceName repository) {
        if (targets.containsKey(located.key())) {
            return;
        }
        if (located.credentials().toIntegration() instanceof Validated.Valid<Integration> integration) {
            targets.put(
                    located.key(),
                    new Target(RecordingLookups.forChecks().use(located), integration.value(), repository));
        }
    }

    /** The repository kept with the credential for <em>Test connection</em>, when it has a valid one. */
    private static Optional<SourceName> testRepository(BitbucketIntegrationCredentials credentials) {
        String saved = credentials.getTestRepository().strip();
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SourceName.parse(saved));
        } catch (InvalidValueException e) {
            // Only possible when the credential was written by hand: its form refuses such a value.
            return Optional.empty();
        }
    }
}
