package io.jenkins.plugins.bitbucketresources.core.health;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.TokenExpiry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is known about each integration credential, learnt from requests that were made anyway: a host hands every
 * {@link Outcome} the Bitbucket client gave it to {@link #record}, and the last answer that says something about the
 * token decides (a success clears a refusal, a 401 or 403 replaces a success). Kept in memory only, for at most
 * {@code capacity} credentials (the least recently touched are forgotten first), keyed by {@link CredentialKey}; never
 * the token.
 *
 * <p>A dismissal holds for the state it was made on: it lapses as soon as that state changes (a new concern, a concern
 * gone, another scope missing, the expiry near or past), even if the same state comes back later.
 *
 * <p>Thread-safe: one instance serves a whole controller.
 */
public final class HealthRecord {

    public static final int DEFAULT_CAPACITY = 1000;

    /** What is known of one credential; guarded by the record's lock. */
    private static final class Known {
        private Instant lastUsed;
        private Instant lastSuccess;
        private Concern observed;
        private Instant lastCheckStarted;
        private Instant rateLimitedAt;
        private Instant retryAt;
        private int rateLimitStreak;
        private TokenExpiry expiry;
        private Instant lastExpiryLookup;
        private String dismissed;
    }

    private final InstantSource clock;
    private final Map<CredentialKey, Known> entries;

    public HealthRecord(InstantSource clock) {
        this(clock, DEFAULT_CAPACITY);
    }

    public HealthRecord(InstantSource clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<CredentialKey, Known> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Learns from the outcome of a request made with the credential, and hands it back, so that a call can be wrapped:
     * {@code health.record(key, client.checkIntegration(…))}. A success clears a refusal; a 401 or a 403 for lack of
     * scope replaces what was known; a rate limit is kept for the {@link CheckPlanner}; other failures (not found,
     * unreachable, server errors) say nothing about the token. What is kept is the kind of outcome (and the scopes
     * Bitbucket named), never the outcome's message: that was worded for whoever made the request, a form speaking of
     * the token in front of a person, a build of its integration, while a {@link Concern} speaks of the saved credential.
     */
    public <T> Outcome<T> record(CredentialKey key, Outcome<T> outcome) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
        Instant now = clock.instant();
        synchronized (this) {
            Known entry = entries.computeIfAbsent(key, k -> new Known());
            String before = identity(entry.observed);
            if (outcome instanceof Outcome.Ok) {
                entry.lastUsed = now;
                entry.lastSuccess = now;
                entry.observed = null;
                entry.rateLimitStreak = 0;
            } else if (outcome instanceof Outcome.InvalidToken) {
                entry.lastUsed = now;
                entry.observed = new Concern.TokenRefused(now);
                entry.rateLimitStreak = 0;
            } else if (outcome instanceof Outcome.MissingScope<T> scope) {
                entry.lastUsed = now;
                entry.observed = new Concern.MissingScope(scope.requiredScopes(), scope.grantedScopes(), now);
                entry.rateLimitStreak = 0;
            } else if (outcome instanceof Outcome.RateLimited<T> limited) {
                entry.lastUsed = now;
                entry.rateLimitedAt = now;
                entry.retryAt = limited.retryAt().orElse(null);
                entry.rateLimitStreak++;
            } else if (outcome instanceof Outcome.NotFound
                    || outcome instanceof Outcome.ServerError
                    || outcome instanceof Outcome.UnexpectedAnswer) {
                entry.lastUsed = now;
                entry.rateLimitStreak = 0;
            }
            if (!before.equals(identity(entry.observed))) {
                entry.dismissed = null;
            }
        }
        return outcome;
    }

    /** What Bitbucket said of the credential's expiry date ({@code BitbucketClient.tokenExpiry}). */
    public synchronized void recordExpiry(CredentialKey key, TokenExpiry expiry) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expiry, "expiry");
        entries.computeIfAbsent(key, k -> new Known()).expiry = expiry;
    }

    /** What was recorded of the expiry date; empty until {@link #recordExpiry}. An expiry date cannot change: ask once. */
    public synchronized Optional<TokenExpiry> expiry(CredentialKey key) {
        Known entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.expiry);
    }

    /**
     * The credential's state now.
     *
     * @param staticConcerns what its settings show ({@link StaticFindings}), computed by the host from the credential
     */
    public HealthState state(CredentialKey key, List<Concern> staticConcerns, HealthSettings settings) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(settings, "settings");
        Instant now = clock.instant();
        synchronized (this) {
            Known entry = entries.get(key);
            List<Concern> concerns = new ArrayList<>(staticConcerns);
            TokenExpiry expiry = new TokenExpiry.Unknown("not asked yet");
            if (entry != null) {
                if (entry.observed != null) {
                    concerns.add(entry.observed);
                }
                if (entry.expiry != null) {
                    expiry = entry.expiry;
                    expiryConcern(entry.expiry, now, settings).ifPresent(concerns::add);
                }
            }
            concerns.sort(Comparator.comparing(Concern::severity).thenComparing(Concern::kind));
            HealthState unmarked = new HealthState(key, concerns, lastUsed(entry), lastSuccess(entry), expiry, false);
            boolean dismissed = false;
            if (entry != null && entry.dismissed != null) {
                dismissed = entry.dismissed.equals(unmarked.signature());
                if (!dismissed) {
                    entry.dismissed = null;
                }
            }
            return new HealthState(key, concerns, unmarked.lastUsed(), unmarked.lastSuccess(), expiry, dismissed);
        }
    }

    /** Hides the credential from the monitor until its state differs from {@code shown}. */
    public synchronized void dismiss(CredentialKey key, HealthState shown) {
        Objects.requireNonNull(key, "key");
        if (!shown.key().equals(key)) {
            throw new IllegalArgumentException("the state shown is about " + shown.key() + ", not " + key);
        }
        if (shown.needsAttention()) {
            entries.computeIfAbsent(key, k -> new Known()).dismissed = shown.signature();
        }
    }

    /**
     * Of the integrations given, those a background check may ask about now; each is marked as being checked, so that
     * another planner run does not pick it again within the interval. The host then checks each (one request each,
     * e.g. {@code client.checkIntegration}) and records the outcome.
     */
    public List<CredentialKey> claimChecks(Collection<CredentialKey> integrations, CheckPlanner planner) {
        Objects.requireNonNull(planner, "planner");
        Instant now = clock.instant();
        List<CredentialKey> due = new ArrayList<>();
        synchronized (this) {
            for (CredentialKey key : new TreeSet<>(integrations)) {
                if (planner.isDue(history(entries.get(key)), now)) {
                    entries.computeIfAbsent(key, k -> new Known()).lastCheckStarted = now;
                    due.add(key);
                }
            }
        }
        return due;
    }

    /**
     * Of the integrations given, those whose expiry date may be asked now ({@code BitbucketClient.tokenExpiry}): it was
     * never learnt ({@link #recordExpiry}), no rate limit of Bitbucket is in force for it, and it was not asked within
     * the planner's interval (a lookup Bitbucket could not answer is tried again after that). Each is marked as asked.
     * Unlike {@link #claimChecks}, a recent request of a build does not hold the lookup back: an integration that builds
     * use all the time is never due for a check, and its expiry date matters all the more. Since an expiry date cannot
     * change, this is one lookup per token, until the credential is forgotten.
     */
    public List<CredentialKey> claimExpiryLookups(Collection<CredentialKey> integrations, CheckPlanner planner) {
        Objects.requireNonNull(planner, "planner");
        Instant now = clock.instant();
        List<CredentialKey> due = new ArrayList<>();
        synchronized (this) {
            for (CredentialKey key : new TreeSet<>(integrations)) {
                Known entry = entries.get(key);
                if (entry != null) {
                    boolean known = entry.expiry != null;
                    boolean limited = entry.rateLimitStreak > 0 && !planner.isDue(history(entry), now);
                    boolean askedLately = entry.lastExpiryLookup != null
                            && now.isBefore(entry.lastExpiryLookup.plus(planner.interval()));
                    if (known || limited || askedLately) {
                        continue;
                    }
                }
                entries.computeIfAbsent(key, k -> new Known()).lastExpiryLookup = now;
                due.add(key);
            }
        }
        return due;
    }

    /** What the {@link CheckPlanner} goes by for one credential. */
    public synchronized CheckPlanner.History history(CredentialKey key) {
        return history(entries.get(key));
    }

    /** Forgets a credential: when it is deleted, or saved with a new token (what was learnt was about the old one). */
    public synchronized void forget(CredentialKey key) {
        entries.remove(key);
    }

    /** The credentials something is known about, in key order. */
    public synchronized Set<CredentialKey> known() {
        return new TreeSet<>(entries.keySet());
    }

    private static CheckPlanner.History history(Known entry) {
        if (entry == null) {
            return CheckPlanner.History.NONE;
        }
        Instant last = entry.lastUsed;
        if (entry.lastCheckStarted != null && (last == null || entry.lastCheckStarted.isAfter(last))) {
            last = entry.lastCheckStarted;
        }
        return new CheckPlanner.History(
                Optional.ofNullable(last),
                Optional.ofNullable(entry.rateLimitedAt),
                Optional.ofNullable(entry.retryAt),
                entry.rateLimitStreak);
    }

    private static Optional<Concern> expiryConcern(TokenExpiry expiry, Instant now, HealthSettings settings) {
        if (expiry instanceof TokenExpiry.Expires expires) {
            if (!now.isBefore(expires.at())) {
                return Optional.of(new Concern.Expired(expires.at()));
            }
            if (!now.plus(settings.expiryWarning()).isBefore(expires.at())) {
                return Optional.of(new Concern.ExpiresSoon(expires.at()));
            }
        }
        return Optional.empty();
    }

    private static String identity(Concern concern) {
        return concern == null ? "" : concern.identity();
    }

    private static Optional<Instant> lastUsed(Known entry) {
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.lastUsed);
    }

    private static Optional<Instant> lastSuccess(Known entry) {
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.lastSuccess);
    }
}
