package io.jenkins.plugins.bitbucketresources.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code env} and {@code run} read for a job: the integrations, the global resources and the job's folders, the
 * same whether the other folders were cut before parsing or parsed and skipped.
 */
class JobViewTest {

    private static final Map<String, String> ENV = Map.of("BITBUCKET_TOKEN", "view-T0ken-1a2b");
    private static final List<String> FOLDERS =
            List.of("team-a", "team-a/backend", "team-a/backend/deep", "team-b", "x", "x/y", "other");
    private static final List<Optional<String>> JOBS = List.of(
            Optional.empty(),
            Optional.of("team-a/build"),
            Optional.of("team-a/backend/build"),
            Optional.of("team-a/backend/deep/build"),
            Optional.of("x/y/build"),
            Optional.of("nowhere/build"));

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(ENV);

    /** One case holds all the files, so that it can also show that enough of them were cut. */
    @Test
    void otherFoldersAreNotReadButTheJobsAreReadAsInTheWholeFile() {
        GeneratedCases.check(1, generate -> {
            RandomGenerator random = generate.random();
            int cuttable = 0;
            for (int i = 0; i < 300; i++) {
                String yaml = file(random);
                Optional<String> job = JOBS.get(random.nextInt(JOBS.size()));
                Path path = dir.resolve("resources-" + i + ".yml");
                Files.writeString(path, yaml, StandardCharsets.UTF_8);
                Set<String> wanted = Set.copyOf(
                        job.map(j -> JobPath.parse(j).foldersNearestFirst()).orElse(List.of()));
                if (FolderCut.keepOnly(yaml, wanted).filter(c -> c.cut() > 0).isPresent()) {
                    cuttable++;
                }
                String context = "file " + i + ", job " + job + ":\n" + yaml;

                ConfigFile view = loader.loadFor(path, job.map(JobPath::parse));
                ConfigFile whole = loader.load(path);

                assertThat(view.integrations()).as(context).isEqualTo(whole.integrations());
                assertThat(view.globalResources()).as(context).isEqualTo(whole.globalResources());
                assertThat(view.folders())
                        .as(context)
                        .isEqualTo(whole.folders().entrySet().stream()
                                .filter(e -> wanted.contains(e.getKey()))
                                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
                assertThat(view.scopesFor(job.map(JobPath::parse)))
                        .as(context)
                        .isEqualTo(whole.scopesFor(job.map(JobPath::parse)));
                assertThat(view.allFindings())
                        .as(context)
                        .isEqualTo(whole.allFindings().stream()
                                .filter(f -> !f.field().startsWith("folders.") || wanted.contains(folderOf(f.field())))
                                .toList());
            }
            assertThat(cuttable)
                    .as("cases where other folders were cut before parsing")
                    .isGreaterThan(50);
        });
    }

    private static String folderOf(String field) {
        String rest = field.substring("folders.".length());
        int end = rest.indexOf(".resources");
        return end < 0 ? rest : rest.substring(0, end);
    }

    /** A valid YAML resources file, with some errors in it, in one of the layouts people write. */
    private static String file(RandomGenerator random) {
        StringBuilder yaml = new StringBuilder();
        yaml.append(
                "# resources\nintegrations:\n  - id: cloud\n    url: https://api.bitbucket.org/2.0\n    token: ${BITBUCKET_TOKEN}\n");
        if (random.nextInt(4) == 0) {
            yaml.append("  - {id: dc, url: \"https://bitbucket.example.com\", token: \"${BITBUCKET_TOKEN}\"}\n");
        }
        yaml.append("resources:\n");
        int global = random.nextInt(3);
        for (int i = 0; i < global; i++) {
            resource(random, yaml, "  ", i == 0 && random.nextBoolean());
        }
        if (global == 0) {
            yaml.append("  []\n".substring(random.nextInt(2) == 0 ? 0 : 4));
        }
        List<String> folders = new ArrayList<>(FOLDERS);
        int count = random.nextInt(FOLDERS.size() + 1);
        if (count > 0) {
            yaml.append(random.nextInt(5) == 0 ? "folders:   # by folder\n" : "folders:\n");
            Set<String> written = new HashSet<>();
            for (int i = 0; i < count; i++) {
                String name = folders.get(random.nextInt(folders.size()));
                if (!written.add(name) && random.nextInt(3) != 0) {
                    continue;
                }
                if (random.nextInt(6) == 0) {
                    yaml.append("  # ").append(name).append("'s resources\n");
                }
                String key =
                        switch (random.nextInt(5)) {
                            case 0 -> "\"" + name + "\"";
                            case 1 -> "'" + name + "'";
                            default -> name;
                        };
                yaml.append("  ").append(key).append(":\n");
                if (random.nextInt(8) == 0) {
                    yaml.append("\n");
                }
                yaml.append("    resources:\n");
                int resources = random.nextInt(4);
                for (int r = 0; r < resources; r++) {
                    resource(random, yaml, "      ", random.nextInt(10) == 0);
                }
                if (resources == 0) {
                    yaml.append("      []\n");
                }
            }
        }
        if (random.nextInt(4) == 0) {
            yaml.append("# the end\n");
        }
        String text = yaml.toString();
        return random.nextInt(6) == 0 ? text.replace("\n", "\r\n") : text;
    }

    private static final List<String> NAMES = List.of("app", "lib", "tools", "app-repo", "job", "my-repo", "myrepo");
    private static final List<String> TYPES = List.of("gitRepo", "ciRepo", "syncRepo", "svnRepo");

    private static void resource(RandomGenerator random, StringBuilder yaml, String indent, boolean anchored) {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        String type = TYPES.get(random.nextInt(TYPES.size()));
        String integration = random.nextInt(8) == 0 ? "clod" : random.nextInt(4) == 0 ? "dc" : "cloud";
        String source = random.nextInt(8) == 0 ? "acme" : integration.equals("dc") ? "PROJ/" + name : "acme/" + name;
        switch (random.nextInt(3)) {
            case 0 ->
                yaml.append(indent)
                        .append("- {name: ")
                        .append(name)
                        .append(", type: ")
                        .append(type)
                        .append(", integration: ")
                        .append(integration)
                        .append(", sourceName: \"")
                        .append(source)
                        .append("\"}\n");
            case 1 -> {
                yaml.append(indent)
                        .append("- ")
                        .append(anchored ? "&base" + random.nextInt(3) + "\n" + indent + "  " : "")
                        .append("name: ")
                        .append(name)
                        .append("\n");
                yaml.append(indent).append("  type: ").append(type).append("\n");
                yaml.append(indent)
                        .append("  integration: ")
                        .append(integration)
                        .append("\n");
                yaml.append(indent).append("  sourceName: ").append(source).append("   # where it lives\n");
                if (random.nextBoolean()) {
                    yaml.append(indent).append("  branches: {only: [main, 'release/*'], except: [release/old]}\n");
                }
                if (random.nextInt(5) == 0) {
                    yaml.append(indent).append("  buildOnCommit: maybe\n");
                }
            }
            default ->
                yaml.append(indent)
                        .append("- name: ")
                        .append(name)
                        .append("\n")
                        .append(indent)
                        .append("  type: ")
                        .append(type)
                        .append("\n")
                        .append(indent)
                        .append("  integration: ")
                        .append(integration)
                        .append("\n")
                        .append(indent)
                        .append("  sourceName: '")
                        .append(source)
                        .append("'\n");
        }
    }
}
