package io.jenkins.plugins.bitbucketresources.core.health;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** Time that stands still until a test moves it. */
final class MutableClock implements InstantSource {

    static final Instant START = Instant.parse("2026-05-04T08:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
