package io.jenkins.plugins.bitbucketresources.bench;

import io.jenkins.plugins.bitbucketresources.cli.config.ConfigFile;
import io.jenkins.plugins.bitbucketresources.cli.config.ConfigLoader;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.Prepared;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a command pays for the size of the resources file, as the command line pays it: once, in a fresh JVM.
 *
 * <ul>
 *   <li>{@link #jobView}: load what a job sees and resolve two names as the engine's preparation does ({@code env} and
 *       {@code run}), in-process. Every
 *       fork is a new JVM and measures one cold load, class loading and interpretation included.</li>
 *   <li>{@link #wholeFile}: load and validate the whole file ({@code check}), the same way.</li>
 *   <li>{@link #envCommand}: the {@code env} command end to end, as a process ({@code java -jar}), JVM start
 *       included; what a user waits for.</li>
 *   <li>{@link #envLauncher}: the same through {@code ./bitbucket-resources}, with its class-data archive.</li>
 * </ul>
 * Results are read as ratios to the 10-resource file of the same benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
public class ConfigScaleBenchmark {

    @Param({"10", "1000", "10000", "30000"})
    public int resources;

    private Path directory;
    private Path file;
    private ConfigLoader loader;
    private final Optional<JobPath> job = Optional.of(JobPath.parse(ScaleFiles.JOB));

    @Setup(Level.Trial)
    public void write() throws IOException {
        directory = Files.createTempDirectory("config-scale");
        file = ScaleFiles.write(directory, resources);
        loader = new ConfigLoader(Map.of("BITBUCKET_TOKEN", "bench-not-a-token"));
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    @Fork(20)
    @Measurement(iterations = 1)
    public Prepared<List<ResolvedResource>> jobView() {
        ConfigFile loaded = loader.loadFor(file, job);
        return BlockPreparation.resolve(loaded.definitionsFor(job), List.of("service", "app-repo"), job);
    }

    @Benchmark
    @Fork(20)
    @Measurement(iterations = 1)
    public ConfigFile wholeFile() {
        return loader.load(file);
    }

    @Benchmark
    @Fork(1)
    @Measurement(iterations = 20)
    public int envCommand() throws IOException, InterruptedException {
        return env(List.of(Launches.java(), "-jar", Launches.jar().toString()));
    }

    @Benchmark
    @Fork(1)
    @Measurement(iterations = 20)
    public int envLauncher() throws IOException, InterruptedException {
        return env(List.of(Launches.root().resolve("bitbucket-resources").toString()));
    }

    /** {@code env --config FILE --job team-a/build service app-repo}, started with {@code launch}. */
    private int env(List<String> launch) throws IOException, InterruptedException {
        return Launches.run(Launches.command(
                launch, "env", "--config", file.toString(), "--job", ScaleFiles.JOB, "service", "app-repo"));
    }
}
