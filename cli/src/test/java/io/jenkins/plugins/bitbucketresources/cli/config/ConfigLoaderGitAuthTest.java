package io.jenkins.plugins.bitbucketresources.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderGitAuthTest {

    @TempDir
    Path dir;

    private ConfigFile load(String resources) throws IOException {
        Path file = dir.resolve("resources.yml");
        Files.writeString(file, """
                integrations:
                  - id: cloud
                    token: ${BITBUCKET_TOKEN}
                resources:
                """ + resources, StandardCharsets.UTF_8);
        return new ConfigLoader(Map.of("BITBUCKET_TOKEN", "access-token-value")).load(file);
    }

    @Test
    void gitAuthIsOnUnlessTheResourceSwitchesItOff() throws IOException {
        ConfigFile file = load("""
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
                  - {name: docs, type: gitRepo, integration: cloud, sourceName: acme/docs, gitAuth: false}
                  - {name: tools, type: gitRepo, integration: cloud, sourceName: acme/tools, gitAuth: true}
                """);

        assertThat(file.allFindings()).isEmpty();
        assertThat(file.globalResources()).extracting(Resource::gitAuth).containsExactly(true, false, true);
    }

    @Test
    void gitAuthThatIsNotABooleanIsAnErrorAtItsLine() throws IOException {
        ConfigFile file = load("""
                  - name: app
                    type: gitRepo
                    integration: cloud
                    sourceName: acme/app
                    gitAuth: sometimes
                """);

        assertThat(file.allFindings())
                .extracting(Finding::line, Finding::field, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        9, "resources[0].gitAuth", "must be `true` or `false` (text found)"));
    }
}
