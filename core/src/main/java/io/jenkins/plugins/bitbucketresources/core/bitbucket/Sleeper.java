package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between attempts. Passed in so tests can record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Really waits, on the calling thread. */
    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
