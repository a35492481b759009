package io.jenkins.plugins.bitbucketresources.core.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.bitbucket.TokenExpiry;
import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import io.jenkins.plugins.bitbucketresources.core.health.HealthState;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.ResourceType;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OverviewTest {

    private static final CredentialKey SYSTEM = new CredentialKey("bb", "system");
    private static final CredentialKey TEAM_A = new CredentialKey("bb", "folder team-a");

    /** Credentials found as Jenkins finds them: the nearest folder store that has the ID, then the system store. */
    private static final class Sources implements OverviewSources {
        final Map<String, CredentialKey> folderStores = new HashMap<>();
        final Map<CredentialKey, List<String>> jobs = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<CredentialKey> credential(Scope scope, String integrationId) {
            asked.add(scope.describe() + " " + integrationId);
            if (!integrationId.equals("bb")) {
                return Optional.empty();
            }
            if (scope instanceof Scope.Folder folder) {
                for (Scope above = folder;
                        above instanceof Scope.Folder f;
                        above = Overview.above(f).get(0)) {
                    CredentialKey found = folderStores.get(f.fullName());
                    if (found != null) {
                        return Optional.of(found);
                    }
                }
            }
            return Optional.of(SYSTEM);
        }

        @Override
        public Optional<HealthState> health(CredentialKey credential) {
            return Optional.of(new HealthState(
                    credential, List.of(), Optional.empty(), Optional.empty(), new TokenExpiry.Never(), false));
        }

        @Override
        public List<String> recentJobs(CredentialKey credential) {
            return jobs.getOrDefault(credential, List.of());
        }
    }

    private static Definition resource(String name, String type, String source) {
        return Definition.of(Resource.builder()
                .name(name)
                .type(type)
                .integration("bb")
                .sourceName(source)
                .build()
                .orElseThrow());
    }

    private static ScopeDefinitions folder(String name, Definition... definitions) {
        return new ScopeDefinitions(new Scope.Folder(name), List.of(definitions));
    }

    private static ScopeDefinitions global(Definition... definitions) {
        return new ScopeDefinitions(Scope.GLOBAL, List.of(definitions));
    }

    @Test
    void listsEveryDefinitionWithTypeRepositoryAndWhere() {
        List<OverviewRow> rows = Overview.list(
                List.of(
                        folder("team-a", resource("lib", "gitRepo", "acme/lib")),
                        global(resource("app", "ciRepo", "acme/app"))),
                new Sources());

        assertThat(rows).extracting(OverviewRow::name).containsExactly("app", "lib");
        assertThat(rows.get(0).type()).contains(ResourceType.CI_REPO);
        assertThat(rows.get(0).repository()).contains(SourceName.parse("acme/app"));
        assertThat(rows.get(0).scope()).isEqualTo(Scope.GLOBAL);
        assertThat(rows.get(1).scope()).isEqualTo(new Scope.Folder("team-a"));
        assertThat(rows).allSatisfy(r -> assertThat(r.usable()).isTrue());
    }

    @Test
    void shadowingIsShownBothWaysNearestFirst() {
        List<OverviewRow> rows = Overview.list(
                List.of(
                        global(resource("app", "gitRepo", "acme/app")),
                        folder("team-a", resource("app", "gitRepo", "acme/app-a")),
                        folder("team-a/backend/api", resource("app", "gitRepo", "acme/app-api")),
                        folder("team-b", resource("app", "gitRepo", "acme/app-b"))),
                new Sources());

        assertThat(rows)
                .extracting(r -> r.scope().describe())
                .containsExactly("global", "folder team-a", "folder team-a/backend/api", "folder team-b");
        assertThat(rows.get(0).shadows()).isEmpty();
        assertThat(rows.get(0).shadowedBy())
                .containsExactly(
                        new Scope.Folder("team-a"), new Scope.Folder("team-a/backend/api"), new Scope.Folder("team-b"));
        assertThat(rows.get(1).shadows()).containsExactly(Scope.GLOBAL);
        assertThat(rows.get(1).shadowedBy()).containsExactly(new Scope.Folder("team-a/backend/api"));
        assertThat(rows.get(2).shadows()).containsExactly(new Scope.Folder("team-a"), Scope.GLOBAL);
        assertThat(rows.get(3).shadows()).containsExactly(Scope.GLOBAL);
        assertThat(rows.get(3).shadowedBy()).isEmpty();
    }

    @Test
    void brokenDefinitionIsListedAndStillHidesFartherOnes() {
        Definition broken = new Definition(
                "app",
                Resource.builder()
                        .name("app")
                        .type("gitRepo")
                        .integration("bb")
                        .sourceName("not a repository")
                        .build());

        List<OverviewRow> rows = Overview.list(
                List.of(global(resource("app", "gitRepo", "acme/app")), folder("team-a", broken)), new Sources());

        OverviewRow row = rows.get(1);
        assertThat(row.usable()).isFalse();
        assertThat(row.type()).isEmpty();
        assertThat(row.credential()).isEmpty();
        assertThat(row.problems()).isNotEmpty();
        assertThat(row.shadows()).containsExactly(Scope.GLOBAL);
        assertThat(rows.get(0).shadowedBy()).containsExactly(new Scope.Folder("team-a"));
    }

    @Test
    void secondDefinitionOfANameInOneScopeIsMarkedAndHidesNothing() {
        List<OverviewRow> rows = Overview.list(
                List.of(
                        global(resource("app", "gitRepo", "acme/app")),
                        folder(
                                "team-a",
                                resource("app", "gitRepo", "acme/one"),
                                resource("app", "gitRepo", "acme/two"))),
                new Sources());

        assertThat(rows).hasSize(3);
        OverviewRow duplicate = rows.get(2);
        assertThat(duplicate.duplicate()).isTrue();
        assertThat(duplicate.usable()).isFalse();
        assertThat(duplicate.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("only the first definition"));
        assertThat(duplicate.shadows()).isEmpty();
        assertThat(rows.get(0).shadowedBy()).containsExactly(new Scope.Folder("team-a"));
    }

    @Test
    void credentialIsTheOneAJobInTheScopeFindsAndEachQuestionIsAskedOnce() {
        Sources sources = new Sources();
        sources.folderStores.put("team-a", TEAM_A);

        List<OverviewRow> rows = Overview.list(
                List.of(
                        global(resource("app", "gitRepo", "acme/app"), resource("lib", "gitRepo", "acme/lib")),
                        folder("team-a/x", resource("tool", "gitRepo", "acme/tool"))),
                sources);

        assertThat(rows).extracting(r -> r.credential().orElseThrow()).containsExactly(SYSTEM, SYSTEM, TEAM_A);
        assertThat(rows).allSatisfy(r -> assertThat(r.health()).isPresent());
        assertThat(sources.asked).containsExactly("global bb", "folder team-a/x bb");
    }

    @Test
    void recentJobsAreThoseThatUsedTheCredentialAndSeeThisDefinition() {
        Sources sources = new Sources();
        sources.jobs.put(SYSTEM, List.of("team-a/build", "team-b/build", "team-a/backend/api/test", "solo"));

        List<OverviewRow> rows = Overview.list(
                List.of(
                        global(resource("app", "gitRepo", "acme/app")),
                        folder("team-a", resource("app", "gitRepo", "acme/app-a"))),
                sources);

        assertThat(rows.get(0).recentJobs()).containsExactly("team-b/build", "solo");
        assertThat(rows.get(1).recentJobs()).containsExactly("team-a/build", "team-a/backend/api/test");
    }

    @Test
    void unknownIntegrationHasNoCredential() {
        Definition other = Definition.of(Resource.builder()
                .name("x")
                .type("gitRepo")
                .integration("nowhere")
                .sourceName("acme/x")
                .build()
                .orElseThrow());

        assertThat(Overview.list(List.of(global(other)), new Sources()))
                .singleElement()
                .satisfies(r -> assertThat(r.credential()).isEmpty());
    }

    @Test
    void scopesAboveAFolderAreItsParentsThenGlobal() {
        assertThat(Overview.above(new Scope.Folder("a/b/c")))
                .containsExactly(new Scope.Folder("a/b"), new Scope.Folder("a"), Scope.GLOBAL);
        assertThat(Overview.above(Scope.GLOBAL)).isEmpty();
    }
}
