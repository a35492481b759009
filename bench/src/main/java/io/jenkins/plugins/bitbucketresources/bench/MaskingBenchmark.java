package io.jenkins.plugins.bitbucketresources.bench;

import io.jenkins.plugins.bitbucketresources.core.mask.Masker;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Masking throughput on a 64 MiB build log, for 1 to 200 secrets: our {@code MaskingOutputStream} with all our forms;
 * two baselines, Jenkins' masking as it runs today (its own forms, its line-by-line algorithm) and the same regular
 * expression technique given all our forms; and a plain copy into the same sink (the ceiling).
 *
 * <p>Every invocation writes one 1 MiB slice of the log in 8 KiB writes (what a process pipe delivers) through a fresh
 * stream, closes it, and counts as one operation: the score in ops/s is MiB/s. Successive invocations take slices
 * 23 MiB apart, so that every benchmark sees all parts of the log, long lines included, even the baselines at 200
 * secrets, which manage only a few slices per iteration.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 2)
public class MaskingBenchmark {

    static final int LOG_SIZE = 64 * BuildLog.MIB;
    static final int SLICE = BuildLog.MIB;
    static final int WRITE = 8 * 1024;
    private static final int SLICE_STRIDE = 23;
    /** Also the seed of {@link MaskerFootprint}, which measures the masker of these same secrets. */
    static final long SEED = 20_260_101L;

    @Param({"1", "10", "50", "200"})
    public int secrets;

    private byte[] log;
    private Masker masker;
    private Pattern alternation;
    private Pattern jenkinsPattern;
    private BlackholeSink sink;
    private int slice;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        sink = new BlackholeSink(blackhole);
        Random random = new Random(SEED);
        BenchSecrets.Forms forms = BenchSecrets.Forms.of(BenchSecrets.generate(secrets, random));
        log = BuildLog.generate(LOG_SIZE, new ArrayList<>(forms.ours()), random);
        masker = Masker.of(forms.ours());
        alternation = JenkinsForms.pattern(forms.ours());
        jenkinsPattern = JenkinsForms.pattern(forms.jenkins());
    }

    /** The regular expression technique Jenkins uses, given all our forms. */
    @Benchmark
    @OperationsPerInvocation(1)
    public void regexBaseline() throws IOException {
        writeSlice(new RegexLineMaskingStream(sink, alternation, Masker.REPLACEMENT));
    }

    /** Jenkins as it runs today: its forms, its line-by-line algorithm. */
    @Benchmark
    @OperationsPerInvocation(1)
    public void jenkinsBaseline() throws IOException {
        writeSlice(new JenkinsLineMaskingStream(sink, jenkinsPattern, Masker.REPLACEMENT));
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public void maskingStream() throws IOException {
        writeSlice(masker.wrap(sink));
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public void byteCopy() throws IOException {
        writeSlice(sink);
    }

    private void writeSlice(OutputStream out) throws IOException {
        int from = (int) ((long) slice * SLICE_STRIDE % (LOG_SIZE / SLICE)) * SLICE;
        slice++;
        try (out) {
            for (int at = from; at < from + SLICE; at += WRITE) {
                out.write(log, at, WRITE);
            }
        }
    }
}
