package io.jenkins.plugins.bitbucketresources.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckPlannerTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final CredentialKey A = new CredentialKey("a", "system");
    private static final CredentialKey B = new CredentialKey("b", "system");

    private final TestClock clock = new TestClock();
    private final HealthRecord health = new HealthRecord(clock);
    private final CheckPlanner planner = new CheckPlanner(HOUR);

    @Test
    void neverUsedIntegrationsAreDueAtOnce() {
        assertThat(health.claimChecks(List.of(B, A), planner)).containsExactly(A, B);
    }

    @Test
    void aClaimedCheckIsNotClaimedAgainWithinTheInterval() {
        health.claimChecks(List.of(A), planner);
        clock.advance(Duration.ofMinutes(59));

        assertThat(health.claimChecks(List.of(A), planner)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(health.claimChecks(List.of(A), planner)).containsExactly(A);
    }

    @Test
    void whatABuildLearntCountsAsTheRequestOfTheInterval() {
        health.claimChecks(List.of(A, B), planner);
        clock.advance(Duration.ofMinutes(50));
        health.record(A, new Outcome.Ok<>("a build read the repository"));
        clock.advance(Duration.ofMinutes(10));

        assertThat(health.claimChecks(List.of(A, B), planner)).containsExactly(B);
    }

    @Test
    void rateLimitWaitsUntilBitbucketSaysAndBacksOffWhenItRepeats() {
        Instant retryAt = TestClock.START.plus(Duration.ofHours(3));
        health.record(A, new Outcome.RateLimited<>(Optional.of(retryAt), "rate limited"));

        assertThat(planner.earliest(health.history(A))).contains(retryAt);

        clock.advance(Duration.ofHours(3));
        health.record(A, new Outcome.RateLimited<>(Optional.empty(), "rate limited again"));
        Instant second = clock.instant();
        assertThat(planner.earliest(health.history(A))).contains(second.plus(HOUR.multipliedBy(2)));

        health.record(A, new Outcome.RateLimited<>(Optional.empty(), "and again"));
        assertThat(planner.earliest(health.history(A))).contains(second.plus(HOUR.multipliedBy(4)));
    }

    @Test
    void backOffIsCapped() {
        for (int i = 0; i < 20; i++) {
            health.record(A, new Outcome.RateLimited<>(Optional.empty(), "rate limited"));
        }

        assertThat(planner.earliest(health.history(A))).contains(TestClock.START.plus(HOUR.multipliedBy(32)));
    }

    @Test
    void anAnswerAfterTheRateLimitEndsTheBackOff() {
        health.record(A, new Outcome.RateLimited<>(Optional.empty(), "rate limited"));
        health.record(A, new Outcome.RateLimited<>(Optional.empty(), "rate limited"));
        health.record(A, new Outcome.Ok<>("ok"));

        assertThat(health.history(A).rateLimitStreak()).isZero();
        assertThat(planner.earliest(health.history(A))).contains(TestClock.START.plus(HOUR));
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> new CheckPlanner(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsDefaultToNoPeriodicCheck() {
        assertThat(HealthSettings.DEFAULTS.periodicCheck()).isFalse();
        assertThat(HealthSettings.DEFAULTS.checkInterval()).isEqualTo(HOUR);
        assertThat(HealthSettings.DEFAULTS.expiryWarning()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void settingsRefuseIntervalsOutsideTheirRangeNamingTheField() {
        assertThatThrownBy(() -> HealthSettings.of(true, 1, 14))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("checkIntervalMinutes");
                    assertThat(e.getMessage()).contains("use 5 to 10080 minutes");
                });
        assertThatThrownBy(() -> HealthSettings.of(true, 60, -1))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("expiryWarningDays"));
        assertThat(HealthSettings.of(true, 30, 7).checkInterval()).isEqualTo(Duration.ofMinutes(30));
    }
}
