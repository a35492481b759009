package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code Retry-After} header: a number of seconds or an HTTP date (RFC 9110 section 10.2.3). */
final class RetryAfter {

    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Duration NEVER_LONGER = Duration.ofDays(365);

    private RetryAfter() {}

    /** How long the server asks to wait, from now; empty when it does not say or says something unreadable. */
    static Optional<Duration> in(HttpHeaders headers, Clock clock) {
        Optional<String> header = headers.firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (SECONDS.matcher(value).matches()) {
            Duration wait = Duration.ofSeconds(Long.parseLong(value));
            return Optional.of(wait.compareTo(NEVER_LONGER) > 0 ? NEVER_LONGER : wait);
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), when.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
