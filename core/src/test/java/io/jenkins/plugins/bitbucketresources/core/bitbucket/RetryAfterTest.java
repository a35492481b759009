package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final TestClock clock = new TestClock();

    private Optional<Duration> of(String value) {
        return RetryAfter.in(HttpHeaders.of(Map.of("Retry-After", List.of(value)), (a, b) -> true), clock);
    }

    @Test
    void secondsAreADelay() {
        assertThat(of("120")).contains(Duration.ofSeconds(120));
    }

    @Test
    void httpDateIsADelayFromNow() {
        assertThat(of("Mon, 02 Mar 2026 10:01:30 GMT")).contains(Duration.ofSeconds(90));
    }

    @Test
    void dateInThePastMeansNow() {
        assertThat(of("Mon, 02 Mar 2026 09:00:00 GMT")).contains(Duration.ZERO);
    }

    @Test
    void unreadableValueIsIgnored() {
        assertThat(of("soon")).isEmpty();
        assertThat(of("-5")).isEmpty();
    }

    @Test
    void absurdlyLongDelayIsBounded() {
        assertThat(of("999999999999")).contains(Duration.ofDays(365));
    }

    @Test
    void missingHeaderIsNothing() {
        assertThat(RetryAfter.in(HttpHeaders.of(Map.of(), (a, b) -> true), clock))
                .isEmpty();
    }
}
