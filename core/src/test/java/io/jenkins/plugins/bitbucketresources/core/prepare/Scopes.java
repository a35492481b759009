package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;

/** Definitions as a host would pass them, for the tests. */
final class Scopes {

    static final Scope BACKEND = new Scope.Folder("team-a/backend");
    static final Scope TEAM_A = new Scope.Folder("team-a");

    private Scopes() {}

    static Resource.Builder resource(String name, String sourceName) {
        return Resource.builder()
                .name(name)
                .type("gitRepo")
                .integration("bitbucket-cloud")
                .sourceName(sourceName);
    }

    static Definition valid(String name, String sourceName) {
        return Definition.of(resource(name, sourceName).build().orElseThrow());
    }

    static Definition valid(Resource.Builder builder) {
        return Definition.of(builder.build().orElseThrow());
    }

    /** A definition whose source name is not of the form owner/repository. */
    static Definition broken(String name) {
        return new Definition(name, resource(name, "not-a-repository").build());
    }

    static ScopeDefinitions scope(Scope scope, Definition... definitions) {
        return new ScopeDefinitions(scope, List.of(definitions));
    }

    /** What {@code team-a/backend/build} sees: its folder, the folder above, then the global list. */
    static List<ScopeDefinitions> teamA() {
        return List.of(
                scope(BACKEND, valid("app-repo", "backend/app"), valid("lib", "backend/lib")),
                scope(TEAM_A, valid("app-repo", "team-a/app"), valid("tools", "team-a/tools")),
                scope(
                        Scope.GLOBAL,
                        valid("app-repo", "acme/app"),
                        valid("lib", "acme/lib"),
                        valid("infra", "acme/infra")));
    }
}
