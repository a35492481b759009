package io.jenkins.plugins.bitbucketresources.core.overview;

import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import io.jenkins.plugins.bitbucketresources.core.health.HealthState;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;
import java.util.Optional;

/**
 * What the host knows that the definitions do not say. Each answer is asked once per distinct argument in one listing,
 * so a host may look things up directly.
 */
public interface OverviewSources {

    /** The credential a job in {@code scope} gets for this integration ID (the nearest store that has it); empty if none. */
    Optional<CredentialKey> credential(Scope scope, String integrationId);

    /** The credential's health ({@code HealthRecord.state}); empty if the host has none to show. */
    Optional<HealthState> health(CredentialKey credential);

    /** Full names of the jobs that used the credential lately, most recent first. */
    List<String> recentJobs(CredentialKey credential);
}
