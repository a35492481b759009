package io.jenkins.plugins.bitbucketresources.core.health;

import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import java.time.Duration;
import java.util.Objects;

/**
 * How token health is kept up to date: whether integrations are also checked periodically (off by default: what builds
 * learn costs no request), how often at most, and how long before a known expiry date it is shown.
 *
 * @param periodicCheck whether integrations are checked in the background
 * @param checkInterval the shortest time between two requests about one integration, a build's included
 * @param expiryWarning how long before its expiry date a token is shown as expiring
 */
public record HealthSettings(boolean periodicCheck, Duration checkInterval, Duration expiryWarning) {

    public static final String CHECK_INTERVAL_FIELD = "checkIntervalMinutes";
    public static final String EXPIRY_WARNING_FIELD = "expiryWarningDays";
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(5);
    public static final Duration MAX_INTERVAL = Duration.ofDays(7);
    static final Duration MAX_WARNING = Duration.ofDays(365);

    /** No periodic check; if turned on, once an hour; expiry shown 14 days ahead. */
    public static final HealthSettings DEFAULTS = new HealthSettings(false, Duration.ofHours(1), Duration.ofDays(14));

    public HealthSettings {
        Objects.requireNonNull(checkInterval, "checkInterval");
        Objects.requireNonNull(expiryWarning, "expiryWarning");
        if (checkInterval.compareTo(MIN_INTERVAL) < 0 || checkInterval.compareTo(MAX_INTERVAL) > 0) {
            throw new InvalidValueException(
                    CHECK_INTERVAL_FIELD,
                    "is " + checkInterval.toMinutes() + " minutes: use "
                            + MIN_INTERVAL.toMinutes() + " to " + MAX_INTERVAL.toMinutes()
                            + " minutes (Bitbucket Cloud allows about 1,000 "
                            + "repository requests an hour per token, which builds need more than a health check does)");
        }
        if (expiryWarning.isNegative() || expiryWarning.compareTo(MAX_WARNING) > 0) {
            throw new InvalidValueException(
                    EXPIRY_WARNING_FIELD,
                    "is " + expiryWarning.toDays() + " days: use 0 to " + MAX_WARNING.toDays() + " days");
        }
    }

    /** From configuration values: minutes between checks and days of warning before expiry. */
    public static HealthSettings of(boolean periodicCheck, long checkIntervalMinutes, long expiryWarningDays) {
        if (checkIntervalMinutes < 0 || checkIntervalMinutes > MAX_INTERVAL.toMinutes()) {
            throw new InvalidValueException(
                    CHECK_INTERVAL_FIELD,
                    "is " + checkIntervalMinutes + ": use " + MIN_INTERVAL.toMinutes() + " to "
                            + MAX_INTERVAL.toMinutes() + " minutes");
        }
        if (expiryWarningDays < 0 || expiryWarningDays > MAX_WARNING.toDays()) {
            throw new InvalidValueException(
                    EXPIRY_WARNING_FIELD, "is " + expiryWarningDays + ": use 0 to " + MAX_WARNING.toDays() + " days");
        }
        return new HealthSettings(
                periodicCheck, Duration.ofMinutes(checkIntervalMinutes), Duration.ofDays(expiryWarningDays));
    }
}
