package io.jenkins.plugins.bitbucketresources.core.overview;

import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import io.jenkins.plugins.bitbucketresources.core.health.HealthState;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.ResourceType;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One definition in the overview.
 *
 * @param name the name as written
 * @param scope where it is defined
 * @param definition the resource, or every problem of the definition
 * @param duplicate whether an earlier definition of the same name in the same scope makes this one count for nothing
 * @param shadows the farther scopes whose definitions of this name this one hides from the jobs under it, nearest first
 * @param shadowedBy the nearer scopes whose definitions of this name hide this one from the jobs under them
 * @param credential the credential of its integration, as a job in its scope finds it
 * @param health that credential's health
 * @param recentJobs jobs that lately used the credential and see this very definition under this name, most recent first
 */
public record OverviewRow(
        String name,
        Scope scope,
        Validated<Resource> definition,
        boolean duplicate,
        List<Scope> shadows,
        List<Scope> shadowedBy,
        Optional<CredentialKey> credential,
        Optional<HealthState> health,
        List<String> recentJobs) {

    public OverviewRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(definition, "definition");
        shadows = List.copyOf(shadows);
        shadowedBy = List.copyOf(shadowedBy);
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(health, "health");
        recentJobs = List.copyOf(recentJobs);
    }

    public Optional<Resource> resource() {
        return definition instanceof Validated.Valid<Resource> valid ? Optional.of(valid.value()) : Optional.empty();
    }

    public Optional<ResourceType> type() {
        return resource().map(Resource::type);
    }

    public Optional<SourceName> repository() {
        return resource().map(Resource::sourceName);
    }

    /** The integration (credentials) ID the definition names. */
    public Optional<String> integration() {
        return resource().map(Resource::integration);
    }

    /** The definition's problems, and the duplicate's. */
    public List<Problem> problems() {
        return definition.problems();
    }

    /** Whether jobs can use this definition at all: valid, not a duplicate. */
    public boolean usable() {
        return definition.isValid() && !duplicate;
    }
}
