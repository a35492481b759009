package io.jenkins.plugins.bitbucketresources.core.testing;

import java.util.random.RandomGeneratorFactory;
import org.opentest4j.TestAbortedException;

/**
 * Runs a check over generated cases. Each run draws a fresh seed, so runs together cover more cases than any one of
 * them; a failure names the seed, and {@code -Dbitbucket.resources.seed=<seed>} replays that run case for case.
 */
public final class GeneratedCases {

    /** The system property that fixes the seed of every generated case in a run. */
    public static final String SEED_PROPERTY = "bitbucket.resources.seed";

    private GeneratedCases() {}

    /** A check of one generated case. */
    @FunctionalInterface
    public interface Check {
        void run(Generator generate) throws Exception;
    }

    /** Runs the check on {@code count} cases; the first failure is rethrown with the seed that replays it. */
    public static void check(int count, Check check) {
        long seed = seed();
        for (int i = 0; i < count; i++) {
            try {
                check.run(new Generator(seed, i));
            } catch (TestAbortedException skipped) {
                throw skipped;
            } catch (Exception | AssertionError failure) {
                throw new AssertionError(
                        "generated case " + (i + 1) + " of " + count + " failed; replay it with -D" + SEED_PROPERTY
                                + "=" + seed + "\n" + failure.getMessage(),
                        failure);
            }
        }
    }

    private static long seed() {
        String fixed = System.getProperty(SEED_PROPERTY, "").strip();
        if (fixed.isEmpty()) {
            return RandomGeneratorFactory.getDefault().create().nextLong();
        }
        try {
            return Long.parseLong(fixed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    SEED_PROPERTY + "=" + fixed + " is not a number: pass the seed a failure printed", e);
        }
    }
}
