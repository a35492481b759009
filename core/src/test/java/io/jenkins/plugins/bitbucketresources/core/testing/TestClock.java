package io.jenkins.plugins.bitbucketresources.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock in UTC that stands at {@link #START} until a test moves it. */
public final class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the tests use UTC");
    }
}
