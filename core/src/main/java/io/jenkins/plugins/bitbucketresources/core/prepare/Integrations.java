package io.jenkins.plugins.bitbucketresources.core.prepare;

/**
 * Where a host finds integrations for one job: Jenkins looks credentials up as the build (and records their use), the
 * command line reads its file. Asked at most once per ID for one request.
 */
@FunctionalInterface
public interface Integrations {

    IntegrationLookup find(String id);
}
