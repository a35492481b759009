package io.jenkins.plugins.bitbucketresources.bench;

import io.jenkins.plugins.bitbucketresources.core.mask.Masker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How many forms the benchmark's secrets give, ours and Jenkins', and the memory the masker's automaton takes for them:
 * its tables as {@link Masker#footprint()} counts them, and the heap retained by the masker as the garbage collector
 * sees it. Run with {@code java -cp bench/target/benchmarks.jar io.jenkins.plugins.bitbucketresources.bench.MaskerFootprint [counts…]}.
 */
public final class MaskerFootprint {

    private static final double MIB = 1 << 20;

    private MaskerFootprint() {}

    public static void main(String[] args) throws InterruptedException {
        List<Integer> counts = new ArrayList<>();
        for (String arg : args.length > 0 ? args : new String[] {"1", "10", "50", "200", "2000"}) {
            counts.add(Integer.parseInt(arg));
        }
        System.out.println("| Secrets | Our forms | Jenkins' forms | Longest form (bytes) | Automaton tables (MiB) "
                + "| Retained heap (MiB) | Build (ms) |");
        System.out.println("|--------:|----------:|---------------:|---------------------:|-----------------------:"
                + "|--------------------:|-----------:|");
        for (int count : counts) {
            BenchSecrets.Forms forms =
                    BenchSecrets.Forms.of(BenchSecrets.generate(count, new Random(MaskingBenchmark.SEED)));
            long before = usedHeap();
            long start = System.nanoTime();
            Masker masker = Masker.of(forms.ours());
            long buildNanos = System.nanoTime() - start;
            long retained = usedHeap() - before;
            System.out.printf(
                    Locale.ROOT,
                    "| %7d | %9d | %14d | %20d | %22.1f | %19.1f | %10d |%n",
                    count,
                    masker.formCount(),
                    forms.jenkins().size(),
                    masker.longestForm(),
                    masker.footprint() / MIB,
                    retained / MIB,
                    buildNanos / 1_000_000);
        }
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
