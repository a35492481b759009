package io.jenkins.plugins.bitbucketresources.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resources files of a given size for the scale benchmarks: the job {@code team-a/build} sees two resources (one in
 * its folder, one global), and all the others sit in folders of ten resources each that it does not see, written out
 * in block style as people write them.
 */
final class ScaleFiles {

    static final String JOB = "team-a/build";

    private ScaleFiles() {}

    static Path write(Path directory, int resources) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                # A resources file for the scale benchmarks.
                integrations:
                  - id: cloud
                    url: https://api.bitbucket.org/2.0
                    username: ci-bot@example.com
                    token: ${BITBUCKET_TOKEN}
                resources:
                  - name: app-repo
                    type: gitRepo
                    integration: cloud
                    sourceName: acme/app
                    branch: main
                folders:
                  team-a:
                    resources:
                      - name: service
                        type: ciRepo
                        integration: cloud
                        sourceName: acme/service
                        branches: {only: [main, release/*]}
                """);
        int others = resources - 2;
        for (int i = 0; i < others; i++) {
            if (i % 10 == 0) {
                yaml.append("  team-").append(i / 10).append("/apps:\n    resources:\n");
            }
            yaml.append("      - name: repository-")
                    .append(i % 10)
                    .append('\n')
                    .append("        type: gitRepo\n")
                    .append("        integration: cloud\n")
                    .append("        sourceName: acme/repository-")
                    .append(i)
                    .append('\n')
                    .append("        branch: main\n");
        }
        Path file = directory.resolve("resources-" + resources + ".yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
