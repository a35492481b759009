package io.jenkins.plugins.bitbucketresources.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.TokenExpiry;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HealthRecordTest {

    private static final CredentialKey KEY = new CredentialKey("bb-cloud", "system");
    private static final HealthSettings SETTINGS = HealthSettings.DEFAULTS;

    private final TestClock clock = new TestClock();
    private final HealthRecord health = new HealthRecord(clock);

    private HealthState state() {
        return health.state(KEY, List.of(), SETTINGS);
    }

    private static Outcome<String> refused() {
        return new Outcome.InvalidToken<>(
                "Bitbucket Cloud refused the token of integration `bb-cloud` (HTTP 401 for GET …). Create a new one.");
    }

    private static Outcome<String> scope(String... required) {
        return new Outcome.MissingScope<>(
                List.of(required),
                List.of("read:repository:bitbucket"),
                "Bitbucket Cloud refused the user " + "profile: the token lacks the scope "
                        + String.join(", ", required) + ".");
    }

    @Test
    void unknownCredentialIsNotUsedYet() {
        HealthState state = state();

        assertThat(state.needsAttention()).isFalse();
        assertThat(state.summary()).isEqualTo("not used yet");
        assertThat(state.expiry()).isInstanceOf(TokenExpiry.Unknown.class);
    }

    @Test
    void recordingHandsTheOutcomeBack() {
        Outcome<String> outcome = new Outcome.Ok<>("value");

        assertThat(health.record(KEY, outcome)).isSameAs(outcome);
    }

    @Test
    void refusedTokenNeedsAttentionWithWhenAndWhatToDo() {
        health.record(KEY, refused());

        HealthState state = state();

        assertThat(state.shown()).isTrue();
        assertThat(state.severity()).contains(Problem.Severity.ERROR);
        assertThat(state.summary()).isEqualTo("token refused");
        assertThat(state.concerns())
                .singleElement()
                .satisfies(c -> assertThat(c.message())
                        .startsWith(
                                "Bitbucket refused the token (HTTP 401) the last time it was used, at 2026-03-02 10:00 UTC: ")
                        .contains("Create a new token and store it in this credential"));
        assertThat(state.lastUsed()).contains(TestClock.START);
        assertThat(state.lastSuccess()).isEmpty();
    }

    @Test
    void aRefusalSpeaksOfTheSavedCredentialWhoeverLearntIt() {
        CredentialKey fromAForm = new CredentialKey("bb-form", "system");
        health.record(
                fromAForm,
                new Outcome.InvalidToken<>("Bitbucket Cloud refused this token (HTTP 401 for GET …). Create a new "
                        + "access token and enter it here."));
        health.record(KEY, refused());

        String fromForm =
                health.state(fromAForm, List.of(), SETTINGS).concerns().get(0).message();

        assertThat(fromForm)
                .isEqualTo(state().concerns().get(0).message())
                .doesNotContain("enter it here", "this token", "bb-cloud")
                .contains("store it in this credential");
    }

    @Test
    void aMissingScopeLearntFromAFormSpeaksOfTheSavedCredentialToo() {
        health.record(
                KEY,
                new Outcome.MissingScope<>(
                        List.of("read:user:bitbucket"),
                        List.of(),
                        "Bitbucket Cloud refused the user "
                                + "profile to this token: the token lacks the scope read:user:bitbucket. Create a token that also has "
                                + "read:user:bitbucket and enter it here."));

        assertThat(state().concerns().get(0).message())
                .doesNotContain("enter it here", "this token")
                .contains("create a token that also has read:user:bitbucket and store it in this credential");
    }

    @Test
    void missingScopeNamesTheScopes() {
        health.record(KEY, scope("read:user:bitbucket"));

        Concern concern = state().concerns().get(0);

        assertThat(concern).isInstanceOfSatisfying(Concern.MissingScope.class, c -> {
            assertThat(c.required()).containsExactly("read:user:bitbucket");
            assertThat(c.granted()).containsExactly("read:repository:bitbucket");
        });
        assertThat(concern.message()).contains("for lack of the scope read:user:bitbucket (HTTP 403)");
    }

    @Test
    void successAfterARefusalIsRecovery() {
        health.record(KEY, refused());
        clock.advance(Duration.ofMinutes(3));
        health.record(KEY, new Outcome.Ok<>("ok"));

        HealthState state = state();

        assertThat(state.needsAttention()).isFalse();
        assertThat(state.summary()).isEqualTo("ok");
        assertThat(state.lastSuccess()).contains(TestClock.START.plus(Duration.ofMinutes(3)));
    }

    @Test
    void failuresThatSayNothingAboutTheTokenLeaveItsStateAlone() {
        health.record(KEY, refused());
        health.record(KEY, new Outcome.NotFound<>("not found"));
        health.record(KEY, new Outcome.Unreachable<>("unreachable"));
        health.record(KEY, new Outcome.ServerError<>(503, "down"));
        health.record(KEY, new Outcome.Timeout<>("slow"));

        assertThat(state().summary()).isEqualTo("token refused");
    }

    @Test
    void credentialsAreKeptApartByStore() {
        health.record(KEY, refused());

        assertThat(health.state(new CredentialKey("bb-cloud", "folder team-a"), List.of(), SETTINGS)
                        .needsAttention())
                .isFalse();
    }

    @Test
    void dismissalHidesTheStateItWasMadeOn() {
        health.record(KEY, refused());
        health.dismiss(KEY, state());
        clock.advance(Duration.ofHours(1));
        health.record(KEY, refused());

        HealthState state = state();

        assertThat(state.needsAttention()).isTrue();
        assertThat(state.dismissed()).isTrue();
        assertThat(state.shown()).isFalse();
    }

    @Test
    void dismissalLapsesWhenTheStateChanges() {
        health.record(KEY, scope("read:user:bitbucket"));
        health.dismiss(KEY, state());
        health.record(KEY, scope("read:repository:bitbucket"));

        assertThat(state().shown()).as("another scope is missing").isTrue();
    }

    @Test
    void dismissalDoesNotComeBackWhenTheSameStateReturnsAfterARecovery() {
        health.record(KEY, refused());
        health.dismiss(KEY, state());
        health.record(KEY, new Outcome.Ok<>("ok"));
        health.record(KEY, refused());

        assertThat(state().shown()).isTrue();
    }

    @Test
    void dismissalLapsesWhenASettingsConcernAppears() {
        health.record(KEY, refused());
        health.dismiss(KEY, state());

        HealthState withHttp =
                health.state(KEY, List.of(new Concern.PlainHttp("http://bitbucket.example.com")), SETTINGS);

        assertThat(withHttp.shown()).isTrue();
        assertThat(state().shown()).as("gone for good once it lapsed").isTrue();
    }

    @Test
    void dismissingAHealthyStateDoesNothing() {
        health.record(KEY, new Outcome.Ok<>("ok"));
        health.dismiss(KEY, state());
        health.record(KEY, refused());

        assertThat(state().shown()).isTrue();
    }

    @Test
    void dismissingAnotherCredentialsStateIsRefused() {
        HealthState other = health.state(new CredentialKey("other", "system"), List.of(), SETTINGS);

        assertThatThrownBy(() -> health.dismiss(KEY, other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expiryDateNearIsAWarningAndPastIsAnError() {
        Instant expiry = TestClock.START.plus(Duration.ofDays(20));
        health.recordExpiry(KEY, new TokenExpiry.Expires(expiry));

        assertThat(state().needsAttention()).isFalse();
        clock.advance(Duration.ofDays(6));
        assertThat(state().concerns()).singleElement().isEqualTo(new Concern.ExpiresSoon(expiry));
        assertThat(state().severity()).contains(Problem.Severity.WARNING);
        clock.advance(Duration.ofDays(14));
        assertThat(state().concerns()).singleElement().isEqualTo(new Concern.Expired(expiry));
        assertThat(state().concerns().get(0).message()).contains("The token expired on 2026-03-22 10:00 UTC");
    }

    @Test
    void dismissedExpiryWarningShowsAgainWhenTheTokenExpires() {
        Instant expiry = TestClock.START.plus(Duration.ofDays(3));
        health.recordExpiry(KEY, new TokenExpiry.Expires(expiry));
        health.dismiss(KEY, state());
        assertThat(state().shown()).isFalse();

        clock.advance(Duration.ofDays(3));

        assertThat(state().shown()).isTrue();
    }

    @Test
    void errorsComeBeforeWarnings() {
        health.recordExpiry(KEY, new TokenExpiry.Expires(TestClock.START.plus(Duration.ofDays(1))));
        health.record(KEY, refused());

        HealthState state = health.state(KEY, List.of(new Concern.PlainHttp("http://x")), SETTINGS);

        assertThat(state.concerns())
                .extracting(Concern::kind)
                .containsExactly(Concern.Kind.TOKEN_REFUSED, Concern.Kind.PLAIN_HTTP, Concern.Kind.EXPIRES_SOON);
    }

    @Test
    void expiryIsAskedOnceAndForgottenWithTheCredential() {
        assertThat(health.expiry(KEY)).isEmpty();
        health.recordExpiry(KEY, new TokenExpiry.Never());
        assertThat(health.expiry(KEY)).contains(new TokenExpiry.Never());

        health.forget(KEY);

        assertThat(health.expiry(KEY)).isEmpty();
        assertThat(health.known()).isEmpty();
    }

    @Test
    void expiryLookupIsClaimedOnceThenOnlyAfterTheInterval() {
        CheckPlanner planner = new CheckPlanner(Duration.ofHours(1));

        assertThat(health.claimExpiryLookups(List.of(KEY), planner)).containsExactly(KEY);
        assertThat(health.claimExpiryLookups(List.of(KEY), planner)).isEmpty();
        clock.advance(Duration.ofMinutes(59));
        assertThat(health.claimExpiryLookups(List.of(KEY), planner)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(health.claimExpiryLookups(List.of(KEY), planner)).containsExactly(KEY);
    }

    @Test
    void learntExpiryIsNotAskedAgainUntilTheCredentialIsForgotten() {
        CheckPlanner planner = new CheckPlanner(Duration.ofHours(1));
        health.claimExpiryLookups(List.of(KEY), planner);
        health.recordExpiry(KEY, new TokenExpiry.Unknown("not shown to the token"));
        clock.advance(Duration.ofDays(30));

        assertThat(health.claimExpiryLookups(List.of(KEY), planner)).isEmpty();
        health.forget(KEY);
        assertThat(health.claimExpiryLookups(List.of(KEY), planner)).containsExactly(KEY);
    }

    @Test
    void busyIntegrationIsNotDueForACheckButItsExpiryIsStillAsked() {
        CheckPlanner planner = new CheckPlanner(Duration.ofHours(1));
        health.record(KEY, new Outcome.Ok<>("a build's request"));

        assertThat(health.claimChecks(List.of(KEY), planner)).isEmpty();
        assertThat(health.claimExpiryLookups(List.of(KEY), planner)).containsExactly(KEY);
    }

    @Test
    void rateLimitHoldsTheExpiryLookupBackUntilItsWaitIsOver() {
        CheckPlanner planner = new CheckPlanner(Duration.ofHours(1));
        health.record(
                KEY, new Outcome.RateLimited<>(Optional.of(TestClock.START.plus(Duration.ofHours(2))), "rate limited"));

        assertThat(health.claimExpiryLookups(List.of(KEY), planner)).isEmpty();
        clock.advance(Duration.ofHours(2));
        assertThat(health.claimExpiryLookups(List.of(KEY, new CredentialKey("other", "system")), planner))
                .containsExactly(KEY, new CredentialKey("other", "system"));
    }

    @Test
    void leastRecentlyTouchedCredentialsAreForgottenBeyondCapacity() {
        HealthRecord small = new HealthRecord(clock, 3);
        for (int i = 0; i < 5; i++) {
            small.record(new CredentialKey("c" + i, "system"), refused());
        }
        small.record(new CredentialKey("c2", "system"), refused());
        small.record(new CredentialKey("c5", "system"), refused());

        assertThat(small.known()).extracting(CredentialKey::credentialId).containsExactly("c2", "c4", "c5");
    }

    @Test
    void concurrentRecordingKeepsEveryCredentialAndTheBound() throws Exception {
        HealthRecord shared = new HealthRecord(clock, 50);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        CredentialKey key = new CredentialKey("c" + (i % 40), "store" + thread % 2);
                        shared.record(key, i % 3 == 0 ? refused() : new Outcome.Ok<>("ok"));
                        shared.state(key, List.of(), SETTINGS);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared.known()).hasSize(50);
    }

    @Test
    void credentialKeyNeedsBothParts() {
        assertThatThrownBy(() -> new CredentialKey(" ", "system")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialKey("id", "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CredentialKey(" bb ", " folder team-a ").describe()).isEqualTo("bb (folder team-a)");
    }

    @Test
    void stateNeverShowsTheTokenEvenWhenTheAnswerEchoedIt() {
        String token = "ATCTT3xFfGF0-secret-value";
        health.record(KEY, new Outcome.InvalidToken<String>("refused ****"));

        assertThat(state().toString()).doesNotContain(token);
        assertThat(Optional.of(state().concerns().get(0).message()))
                .hasValueSatisfying(m -> assertThat(m).doesNotContain(token));
    }
}
