package io.jenkins.plugins.bitbucketresources.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FolderCutTest {

    private static final String FILE = """
            integrations:
              - {id: cloud, url: https://api.bitbucket.org/2.0, token: "${BITBUCKET_TOKEN}"}
            resources: []
            folders:
              team-a:
                resources:
                  - {name: app, type: gitRepo, integration: cloud, sourceName: acme/app}
              # team-b's own
              team-b:
                resources:
                  - name: lib
                    type: gitRepo
                    integration: cloud
                    sourceName: acme/lib
              "team-a/backend":
                resources: []
            """;

    @Test
    void otherFoldersBecomeBlankLinesAndEverythingElseStaysInPlace() {
        FolderCut.Result result =
                FolderCut.keepOnly(FILE, Set.of("team-a/backend", "team-a")).orElseThrow();
        assertThat(result.cut()).isEqualTo(1);
        assertThat(result.left()).isEqualTo(2);
        assertThat(result.kept()).isEqualTo(FILE.replace("""
                  team-b:
                    resources:
                      - name: lib
                        type: gitRepo
                        integration: cloud
                        sourceName: acme/lib
                """, "\n".repeat(6)));
        assertThat(result.kept().lines().count()).isEqualTo(FILE.lines().count());
    }

    @Test
    void windowsLineEndsAreKept() {
        String crlf = FILE.replace("\n", "\r\n");
        FolderCut.Result result = FolderCut.keepOnly(crlf, Set.of("team-b")).orElseThrow();
        assertThat(result.cut()).isEqualTo(2);
        assertThat(result.kept().split("\r\n", -1)).hasSize(crlf.split("\r\n", -1).length);
        assertThat(result.kept()).contains("  team-b:\r\n    resources:\r\n").doesNotContain("team-a");
    }

    @Test
    void nothingToCutLeavesTheTextAlone() {
        assertThat(FolderCut.keepOnly(FILE, Set.of("team-a", "team-b", "team-a/backend"))
                        .orElseThrow()
                        .kept())
                .isSameAs(FILE);
    }

    @Test
    void anAnchorInACutFolderStopsTheCut() {
        String text = FILE.replace("  - name: lib", "  - &lib\n        name: lib");
        assertThat(FolderCut.keepOnly(text, Set.of("team-a"))).isEmpty();
        assertThat(FolderCut.keepOnly(text, Set.of("team-b"))).isPresent();
    }

    @Test
    void layoutsThatCannotBeCutSafelyAreLeftWhole() {
        Set<String> wanted = Set.of("team-a");
        assertThat(cut("folders: {team-a: {resources: []}, team-b: {resources: []}}\n", wanted))
                .isEmpty();
        assertThat(cut("folders:\n  team-a: {resources: []}\n  team-b: {resources: []}\n", wanted))
                .as("a folder's value on its key line")
                .isEmpty();
        assertThat(cut("folders:\n  team-a:\n    resources: [\n  team-b: x]\n", wanted))
                .as("a flow list over lines")
                .isEmpty();
        assertThat(cut("folders:\n  team-b:\n    resources:\n      - {name: \"a\n  team-a:\n  b\"}\n", wanted))
                .as("a quote over lines")
                .isEmpty();
        assertThat(cut("folders:\n\tteam-b:\n    resources: []\n", wanted))
                .as("a tab")
                .isEmpty();
        assertThat(cut("folders:\n  team-b:\n    resources: []\n team-a:\n    resources: []\n", wanted))
                .as("a shallower key")
                .isEmpty();
        assertThat(cut("folders:\n  team-b:\n    resources: []\n- x\n", wanted))
                .as("not a key at the left margin")
                .isEmpty();
        assertThat(cut("folders:\n  team-b:\n    resources: []\nfolders:\n  team-a:\n    resources: []\n", wanted))
                .isEmpty();
        assertThat(cut("folders:\n  team-b:\r    resources: []\n", wanted))
                .as("a lone carriage return")
                .isEmpty();
        assertThat(cut("folders:\n  ? team-b\n  : resources: []\n", wanted))
                .as("a complex key")
                .isEmpty();
    }

    @Test
    void quotesAndBracketsOpenedAndClosedOnOneLineAreSelfContained() {
        assertThat(FolderCut.selfContained("    - {name: \"a, b\", branches: {only: [main, 'rel/*']}}  # don't"))
                .isTrue();
        assertThat(FolderCut.selfContained("    description: don't [stop]")).isTrue();
        assertThat(FolderCut.selfContained("    sourceName: \"acme/app\\\"x\"")).isTrue();
        assertThat(FolderCut.selfContained("    name: 'it''s'")).isTrue();
        assertThat(FolderCut.selfContained("    resources: [")).isFalse();
        assertThat(FolderCut.selfContained("    name: \"open")).isFalse();
        assertThat(FolderCut.selfContained("    ]")).isFalse();
        assertThat(FolderCut.selfContained("    name: 'open")).isFalse();
    }

    private static Optional<FolderCut.Result> cut(String folders, Set<String> wanted) {
        return FolderCut.keepOnly("resources: []\n" + folders, wanted);
    }
}
