package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.XmlFile;
import hudson.model.ModelObject;
import hudson.model.Saveable;
import hudson.model.User;
import hudson.model.listeners.SaveableListener;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Identity;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.TokenExpiry;
import io.jenkins.plugins.bitbucketresources.core.health.Concern;
import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import io.jenkins.plugins.bitbucketresources.core.health.HealthRecord;
import io.jenkins.plugins.bitbucketresources.core.health.HealthState;
import io.jenkins.plugins.bitbucketresources.core.health.StaticFindings;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.model.Token;
import io.jenkins.plugins.bitbucketresources.core.model.TokenKind;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The health of this controller's integration credentials: one engine {@link HealthRecord}, fed with the outcome of
 * every request the plugin makes anyway (builds, <em>Test connection</em>, the periodic check), kept in memory and
 * never holding a token. What a credential's settings show (an app password, an {@code http://} URL) is worked out
 * when asked, from the credential as it is then.
 *
 * <p>What was learnt about a credential is forgotten when the credential is deleted or saved with other settings (a
 * new token above all): the credential each outcome was recorded with is remembered weakly and compared when its
 * store is saved.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class TokenHealth {

    private static final Logger LOGGER = Logger.getLogger(TokenHealth.class.getName());

    /** How long the list of the system's and folders' integrations is reused when nothing was saved meanwhile. */
    private static final Duration INDEX_LIFETIME = Duration.ofMinutes(1);

    private final Clock clock = Clock.systemUTC();
    private final HealthRecord record = new HealthRecord(clock);

    /** The credential each key's outcomes were learnt with; guarded by {@code this}. */
    private final Map<CredentialKey, WeakReference<BitbucketIntegrationCredentials>> learntWith = new HashMap<>();

    private volatile Index index;

    private record Index(Instant built, List<CredentialStores.Located> integrations) {}

    @NonNull
    static TokenHealth get() {
        return ExtensionList.lookupSingleton(TokenHealth.class);
    }

    /** The engine's record, for the periodic check's planning. */
    @NonNull
    HealthRecord record() {
        return record;
    }

    /** Learns from the outcome of a request made with the credential, and hands the outcome back. */
    @NonNull
    <T> Outcome<T> record(
            @NonNull CredentialKey key,
            @NonNull BitbucketIntegrationCredentials credentials,
            @NonNull Outcome<T> outcome) {
        remember(key, credentials);
        return record.record(key, outcome);
    }

    /** What Bitbucket said of the credential's expiry date. */
    void recordExpiry(
            @NonNull CredentialKey key,
            @NonNull BitbucketIntegrationCredentials credentials,
            @NonNull TokenExpiry expiry) {
        remember(key, credentials);
        record.recordExpiry(key, expiry);
    }

    /**
     * Learns from <em>Test connection</em>, but only when what was tested is the credential as saved under that ID in
     * a store of the form's context: a token typed into the form and not saved yet says nothing about the saved one.
     * Without a repository, a Cloud access token cannot be tested at all (it may not read the user profile), so that
     * answer is not taken as the token's health either.
     */
    void recordTest(
            @CheckForNull ModelObject context,
            @CheckForNull String id,
            @NonNull Integration tested,
            @NonNull Optional<SourceName> repository,
            @NonNull Outcome<Identity> outcome) {
        if (id == null || id.isBlank()) {
            return;
        }
        if (repository.isEmpty() && tested.kind() == TokenKind.CLOUD_ACCESS_TOKEN) {
            return;
        }
        try {
            CredentialKey key = new CredentialKey(id, CredentialStores.nameOf(CredentialStores.ownerOf(context)));
            Optional<BitbucketIntegrationCredentials> saved = CredentialStores.find(key);
            if (saved.isPresent() && sameSettings(saved.get(), tested)) {
                record(key, saved.get(), outcome);
            }
        } catch (RuntimeException e) {
            // Health is learnt on the side: the form still shows what Bitbucket answered.
            LOGGER.log(Level.FINE, "Could not record the outcome of Test connection for credential " + id, e);
        }
    }

    /** The credential's state now, its settings' findings included. */
    @NonNull
    HealthState state(@NonNull CredentialKey key, @NonNull BitbucketIntegrationCredentials credentials) {
        return record.state(
                key, findings(credentials), TokenHealthConfiguration.get().settings());
    }

    /**
     * The credentials an administrator should see now, most serious first: every integration of the system's and the
     * folders' stores that needs attention, and those of users' stores that something was learnt about, each unless it
     * was dismissed as it is.
     */
    @NonNull
    List<HealthState> shown() {
        Map<CredentialKey, BitbucketIntegrationCredentials> all = new TreeMap<>();
        for (CredentialStores.Located located : integrations()) {
            all.putIfAbsent(located.key(), located.credentials());
        }
        // Users' own stores are not walked (reading one means acting as its user); what was learnt of their
        // credentials is shown with the credential it was learnt with, which a save of the store keeps current.
        for (CredentialKey key : record.known()) {
            if (!all.containsKey(key) && key.store().startsWith(CredentialStores.USER)) {
                BitbucketIntegrationCredentials learnt = learntWith(key);
                if (learnt != null) {
                    all.put(key, learnt);
                }
            }
        }
        List<HealthState> shown = new ArrayList<>();
        all.forEach((key, credentials) -> {
            HealthState state = state(key, credentials);
            if (state.shown()) {
                shown.add(state);
            }
        });
        shown.sort((a, b) -> a.severity().orElseThrow().compareTo(b.severity().orElseThrow()));
        return shown;
    }

    /**
     * Hides the credential until its state changes, if the state is still the one the administrator saw.
     *
     * @param signature the {@link HealthState#signature()} of the state shown
     * @return whether it was dismissed
     */
    boolean dismiss(@NonNull CredentialKey key, @NonNull String signature) {
        Optional<BitbucketIntegrationCredentials> credentials = CredentialStores.find(key);
        if (credentials.isEmpty()) {
            return false;
        }
        HealthState now = state(key, credentials.get());
        if (!now.needsAttention() || !now.signature().equals(signature)) {
            return false;
        }
        record.dismiss(key, now);
        return true;
    }

    /** Forgets everything learnt about a credential. */
    void forget(@NonNull CredentialKey key) {
        synchronized (this) {
            learntWith.remove(key);
        }
        record.forget(key);
    }

    /** The integrations of the system's and folders' stores, from a list rebuilt when a store was saved, or after a minute. */
    @NonNull
    List<CredentialStores.Located> integrations() {
        Index current = index;
        if (current == null || clock.instant().isAfter(current.built().plus(INDEX_LIFETIME))) {
            current = new Index(clock.instant(), List.copyOf(CredentialStores.ofSystemAndFolders()));
            index = current;
        }
        return current.integrations();
    }

    /**
     * A store was saved: a credential in it may have been added, changed or deleted. What was learnt about one that is
     * gone, or now has other settings, is forgotten.
     */
    void storeSaved(@NonNull String store) {
        if (!store.startsWith(CredentialStores.USER)) {
            index = null;
        }
        Set<CredentialKey> keys = new TreeSet<>();
        Map<CredentialKey, BitbucketIntegrationCredentials> before = new HashMap<>();
        synchronized (this) {
            learntWith.forEach((key, reference) -> {
                if (key.store().equals(store)) {
                    keys.add(key);
                    BitbucketIntegrationCredentials credentials = reference.get();
                    if (credentials != null) {
                        before.put(key, credentials);
                    }
                }
            });
        }
        for (CredentialKey key : record.known()) {
            if (key.store().equals(store)) {
                keys.add(key);
            }
        }
        for (CredentialKey key : keys) {
            Optional<BitbucketIntegrationCredentials> now = CredentialStores.find(key);
            BitbucketIntegrationCredentials old = before.get(key);
            if (now.isEmpty()) {
                forget(key);
            } else if (old != null && (old == now.get() || sameSettings(old, now.get()))) {
                remember(key, now.get());
            } else if (old != null) {
                forget(key);
            }
        }
    }

    /** What the credential's settings show, without asking Bitbucket. */
    @NonNull
    static List<Concern> findings(@NonNull BitbucketIntegrationCredentials credentials) {
        Token token;
        try {
            token = Token.of(Secret.toString(credentials.getToken()));
        } catch (InvalidValueException e) {
            return List.of(
                    new Concern.InvalidSettings(credentials.toIntegration().problems()));
        }
        return StaticFindings.of(
                credentials.getUrl(),
                optional(credentials.getUsername()),
                optional(credentials.getPlatform()),
                optional(credentials.getKind()),
                token);
    }

    @CheckForNull
    private synchronized BitbucketIntegrationCredentials learntWith(CredentialKey key) {
        WeakReference<BitbucketIntegrationCredentials> reference = learntWith.get(key);
        return reference == null ? null : reference.get();
    }

    private synchronized void remember(CredentialKey key, BitbucketIntegrationCredentials credentials) {
        learntWith.put(key, new WeakReference<>(credentials));
        // Keys the record has forgotten (it keeps a bounded number) need no reference either.
        if (learntWith.size() > HealthRecord.DEFAULT_CAPACITY * 2) {
            learntWith.keySet().retainAll(record.known());
        }
    }

    /** An empty setting is one left to detection. */
    private static Optional<String> optional(@NonNull String value) {
        return Optional.ofNullable(Util.fixEmptyAndTrim(value));
    }

    /** Whether two versions of a credential make the same integration: URL, username, platform, kind and token. */
    static boolean sameSettings(
            @NonNull BitbucketIntegrationCredentials a, @NonNull BitbucketIntegrationCredentials b) {
        return a.getUrl().equals(b.getUrl())
                && a.getUsername().equals(b.getUsername())
                && a.getPlatform().equals(b.getPlatform())
                && a.getKind().equals(b.getKind())
                && sameToken(Secret.toString(a.getToken()), Secret.toString(b.getToken()));
    }

    /** Whether a saved credential is what was tested: the same integration once both have the same ID. */
    private static boolean sameSettings(BitbucketIntegrationCredentials saved, Integration tested) {
        if (!(saved.toIntegration() instanceof Validated.Valid<Integration> valid)) {
            return false;
        }
        Integration mine = valid.value();
        return mine.url().equals(tested.url())
                && mine.username().equals(tested.username())
                && mine.platform() == tested.platform()
                && mine.kind() == tested.kind()
                && mine.token().equals(tested.token());
    }

    /** Compared in constant time, as secrets are. */
    static boolean sameToken(@NonNull String a, @NonNull String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Tells {@link TokenHealth} when a credentials store is saved: the system's (saved on its own), a folder's (saved
     * with the folder) or a user's (saved with the user).
     */
    @Extension
    @Restricted(NoExternalUse.class)
    public static final class StoreSaves extends SaveableListener {

        @Override
        public void onChange(Saveable saved, XmlFile file) {
            String store = null;
            if (saved instanceof SystemCredentialsProvider) {
                store = CredentialStores.SYSTEM;
            } else if (saved instanceof AbstractFolder<?> folder) {
                store = CredentialStores.nameOf(folder);
            } else if (saved instanceof User user) {
                store = CredentialStores.nameOf(user);
            }
            if (store == null) {
                return;
            }
            for (TokenHealth health : ExtensionList.lookup(TokenHealth.class)) {
                health.storeSaved(store);
            }
        }
    }
}
