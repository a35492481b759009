package io.jenkins.plugins.bitbucketresources.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lookup among valid definitions decides as the block preparation does; its rules are tested there. */
@SuppressWarnings("deprecation")
class ResolverTest {

    private static final Scope TEAM_A = new Scope.Folder("team-a");

    private static Resource resource(String name, String sourceName) {
        return Resource.builder().name(name).type("gitRepo").integration("bitbucket-cloud").sourceName(sourceName).build().orElseThrow();
    }

    private static List<ScopedResources> scopes() {
        return List.of(
                new ScopedResources(TEAM_A, List.of(resource("app-repo", "team-a/app"), resource("tools", "team-a/tools"))),
                new ScopedResources(Scope.GLOBAL, List.of(resource("app-repo", "acme/app"), resource("infra", "acme/infra"))));
    }

    @Test
    void nearestDefinitionIsResolved() {
        Resolution resolution = Resolver.resolve(scopes(), List.of("app-repo", "infra"), "team-a/build");

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Resolved.class, resolved -> assertThat(resolved.resources())
                .extracting(ResolvedResource::describe).containsExactly("app-repo (folder team-a, hiding global)", "infra (global)"));
    }

    @Test
    void unknownNameFailsWithTheSameMessageAsABlock() {
        Resolution resolution = Resolver.resolve(scopes(), List.of("app-rpo"), "team-a/build");

        assertThat(resolution).isEqualTo(new Resolution.Failed("No Bitbucket resource named `app-rpo` is visible to job team-a/build. "
                + "Did you mean `app-repo`?\nVisible: app-repo (folder team-a), tools (folder team-a), infra (global). Fix the name, or "
                + "define `app-rpo` in a folder above the job or in the global configuration."));
    }

    @Test
    void visibleAndFindSeeTheNearestDefinitions() {
        assertThat(Resolver.visible(scopes())).extracting(ResolvedResource::describe)
                .containsExactly("app-repo (folder team-a, hiding global)", "tools (folder team-a)", "infra (global)");
        assertThat(Resolver.find(scopes(), " tools ")).hasValueSatisfying(r -> assertThat(r.scope()).isEqualTo(TEAM_A));
        assertThat(Resolver.find(scopes(), "nothing")).isEmpty();
    }
}
