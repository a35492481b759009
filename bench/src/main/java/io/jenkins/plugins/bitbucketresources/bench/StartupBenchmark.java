package io.jenkins.plugins.bitbucketresources.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long {@code bitbucket-resources run ... -- true} takes from start to exit, as processes, against
 * {@code java -version} on the same JVM (the least any Java program costs):
 *
 * <ul>
 *   <li>{@link #javaVersion}: the baseline;</li>
 *   <li>{@link #plainJar}: {@code java -jar}, no options;</li>
 *   <li>{@link #withArchive}: {@code java -XX:SharedArchiveFile=… -jar}, the class-data archive alone;</li>
 *   <li>{@link #launcher}: the {@code ./bitbucket-resources} script, with its archive and options, bash included.</li>
 * </ul>
 * The setup runs the launcher once, which makes its archive ({@code cli/target/bitbucket-resources.jar.jsa}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 30)
public class StartupBenchmark {

    private Path example;
    private Path archive;

    @Setup(Level.Trial)
    public void makeTheArchive() throws IOException, InterruptedException {
        example = Launches.root().resolve("examples/bitbucket-resources.yml");
        archive = Path.of(Launches.jar() + ".jsa");
        Launches.run(List.of(Launches.root().resolve("bitbucket-resources").toString(), "--version"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the launcher made no class-data archive at " + archive);
        }
    }

    @Benchmark
    public int javaVersion() throws IOException, InterruptedException {
        return Launches.run(List.of(Launches.java(), "-version"));
    }

    @Benchmark
    public int plainJar() throws IOException, InterruptedException {
        return runExample(List.of(Launches.java(), "-jar", Launches.jar().toString()));
    }

    @Benchmark
    public int withArchive() throws IOException, InterruptedException {
        return runExample(List.of(
                Launches.java(),
                "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-jar",
                Launches.jar().toString()));
    }

    @Benchmark
    public int launcher() throws IOException, InterruptedException {
        return runExample(List.of(Launches.root().resolve("bitbucket-resources").toString()));
    }

    /** {@code run --config examples/bitbucket-resources.yml app-repo -- true}, started with {@code launch}. */
    private int runExample(List<String> launch) throws IOException, InterruptedException {
        return Launches.run(Launches.command(launch, "run", "--config", example.toString(), "app-repo", "--", "true"));
    }
}
