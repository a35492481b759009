package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Step 7: the branch heads a block needs, looked up side by side on the host's executor, each distinct lookup once,
 * all within one deadline. A lookup still running at the deadline is given up (it ends on its own when the client's
 * timeout strikes); the block does not wait for it.
 */
final class HeadLookups {

    /** One lookup: the same branch of the same repository through the same integration is looked up once. */
    record Key(Integration integration, SourceName source, String branch) {
        Key {
            Objects.requireNonNull(integration, "integration");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(branch, "branch");
        }
    }

    /** How one lookup ended. */
    sealed interface Answer {
        record Answered(Outcome<String> outcome) implements Answer {
            public Answered {
                Objects.requireNonNull(outcome, "outcome");
            }
        }

        record Late() implements Answer {}

        record Crashed(Throwable failure) implements Answer {}
    }

    private final CommitLookup lookup;
    private final Executor executor;
    private final Clock clock;

    HeadLookups(CommitLookup lookup, Executor executor, Clock clock) {
        this.lookup = lookup;
        this.executor = executor;
        this.clock = clock;
    }

    /** @throws InterruptedException when the waiting thread is interrupted (the build was aborted); lookups are given up */
    Map<Key, Answer> all(Collection<Key> keys, Instant deadline) throws InterruptedException {
        Map<Key, CompletableFuture<Outcome<String>>> running = new LinkedHashMap<>();
        for (Key key : keys) {
            running.computeIfAbsent(key, this::start);
        }
        try {
            awaitAll(running.values(), deadline);
        } catch (InterruptedException e) {
            running.values().forEach(f -> f.cancel(true));
            throw e;
        }
        Map<Key, Answer> answers = new LinkedHashMap<>();
        running.forEach((key, future) -> answers.put(key, answer(future)));
        return answers;
    }

    private CompletableFuture<Outcome<String>> start(Key key) {
        try {
            return CompletableFuture.supplyAsync(
                    () -> lookup.branchHead(key.integration(), key.source(), key.branch()), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void awaitAll(Collection<CompletableFuture<Outcome<String>>> futures, Instant deadline)
            throws InterruptedException {
        Duration left = Duration.between(clock.instant(), deadline);
        if (futures.isEmpty() || left.isNegative() || left.isZero()) {
            return;
        }
        try {
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                    .get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Each lookup is examined on its own: which ones answered, failed or are still running.
        }
    }

    private static Answer answer(CompletableFuture<Outcome<String>> future) {
        if (!future.isDone()) {
            future.cancel(true);
            return new Answer.Late();
        }
        try {
            Outcome<String> outcome = future.join();
            return outcome == null
                    ? new Answer.Crashed(new NullPointerException("the commit lookup answered nothing"))
                    : new Answer.Answered(outcome);
        } catch (CompletionException e) {
            return new Answer.Crashed(e.getCause() == null ? e : e.getCause());
        }
    }
}
