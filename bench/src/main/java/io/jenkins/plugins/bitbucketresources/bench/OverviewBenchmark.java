package io.jenkins.plugins.bitbucketresources.bench;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.TokenExpiry;
import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import io.jenkins.plugins.bitbucketresources.core.health.HealthState;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.overview.Overview;
import io.jenkins.plugins.bitbucketresources.core.overview.OverviewRow;
import io.jenkins.plugins.bitbucketresources.core.overview.OverviewSources;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The administrators' overview listing ({@link Overview#list}) for a controller of {@code folders} folders holding
 * {@code resources} resource definitions in all, against the baseline of 10 resources in the same run.
 *
 * <p>The folders form a tree three levels deep under 10 top folders; a tenth of the definitions are in the global list.
 * Names come from a pool a tenth the size of the definitions, so most names are defined in several scopes and the
 * shadowing is worked out for real. Every definition uses one of 20 integrations; half the integrations have a
 * credential in the folder store of a top folder, and each credential has 25 recent jobs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OverviewBenchmark {

    private static final long SEED = 20_261_201L;
    private static final int INTEGRATIONS = 20;
    private static final int RECENT_JOBS = 25;

    /** {@code folders:resources}. */
    @Param({"10:10", "10:10000", "1000:10000"})
    public String shape;

    private List<ScopeDefinitions> scopes;
    private OverviewSources sources;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = shape.split(":");
        int folderCount = Integer.parseInt(parts[0]);
        int resourceCount = Integer.parseInt(parts[1]);
        Random random = new Random(SEED);
        List<String> folders = folders(folderCount);
        int names = Math.max(1, resourceCount / 10);
        Map<Scope, List<Definition>> byScope = new HashMap<>();
        for (int i = 0; i < resourceCount; i++) {
            Scope scope = i % 10 == 0 ? Scope.GLOBAL : new Scope.Folder(folders.get(random.nextInt(folders.size())));
            String name = "repo-" + random.nextInt(names);
            List<Definition> list = byScope.computeIfAbsent(scope, s -> new ArrayList<>());
            list.add(Definition.of(Resource.builder()
                    .name(name)
                    .type(i % 3 == 0 ? "ciRepo" : "gitRepo")
                    .integration("bb-" + random.nextInt(INTEGRATIONS))
                    .sourceName("acme/" + name)
                    .build()
                    .orElseThrow()));
        }
        scopes = new ArrayList<>();
        byScope.forEach((scope, list) -> scopes.add(new ScopeDefinitions(scope, list)));
        sources = new MapSources(folders, random);
    }

    @Benchmark
    public List<OverviewRow> list() {
        return Overview.list(scopes, sources);
    }

    /** 10 top folders, then children and grandchildren until there are {@code count}. */
    static List<String> folders(int count) {
        List<String> folders = new ArrayList<>();
        for (int top = 0; top < Math.min(10, count); top++) {
            folders.add("team-" + top);
        }
        int level = 0;
        while (folders.size() < count) {
            String parent = folders.get(level++);
            for (int child = 0; child < 10 && folders.size() < count; child++) {
                folders.add(parent + "/sub-" + child);
            }
        }
        return folders;
    }

    /** What a host would have looked up: maps, as a Jenkins controller keeps credentials and usage. */
    private static final class MapSources implements OverviewSources {
        private final Map<String, CredentialKey> folderCredentials = new HashMap<>();
        private final Map<CredentialKey, HealthState> health = new HashMap<>();
        private final Map<CredentialKey, List<String>> jobs = new HashMap<>();

        MapSources(List<String> folders, Random random) {
            for (int i = 0; i < INTEGRATIONS; i++) {
                String id = "bb-" + i;
                CredentialKey system = new CredentialKey(id, "system");
                register(system, folders, random);
                if (i % 2 == 0) {
                    String top = "team-" + (i % 10);
                    CredentialKey folder = new CredentialKey(id, "folder " + top);
                    folderCredentials.put(top + "\n" + id, folder);
                    register(folder, folders, random);
                }
            }
        }

        private void register(CredentialKey key, List<String> folders, Random random) {
            health.put(
                    key,
                    new HealthState(
                            key, List.of(), Optional.empty(), Optional.empty(), new TokenExpiry.Never(), false));
            List<String> recent = new ArrayList<>();
            for (int j = 0; j < RECENT_JOBS; j++) {
                recent.add(folders.get(random.nextInt(folders.size())) + "/job-" + j);
            }
            jobs.put(key, recent);
        }

        @Override
        public Optional<CredentialKey> credential(Scope scope, String integrationId) {
            if (scope instanceof Scope.Folder folder) {
                String top = folder.fullName().split("/", 2)[0];
                CredentialKey found = folderCredentials.get(top + "\n" + integrationId);
                if (found != null) {
                    return Optional.of(found);
                }
            }
            return Optional.of(new CredentialKey(integrationId, "system"));
        }

        @Override
        public Optional<HealthState> health(CredentialKey credential) {
            return Optional.ofNullable(health.get(credential));
        }

        @Override
        public List<String> recentJobs(CredentialKey credential) {
            return jobs.getOrDefault(credential, List.of());
        }
    }
}
