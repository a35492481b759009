package io.jenkins.plugins.bitbucketresources.core.prepare;

/**
 * Where a host finds integrations for one job: Jenkins looks credentials up as the build, the command line reads its
 * file. Asked at most once per ID for one request, by {@link BlockPreparation#select} as by
 * {@link BlockPreparation#prepare}; a host that records the use of a credential should do so in the lookup it passes to
 * {@code prepare} only.
 */
@FunctionalInterface
public interface Integrations {

    IntegrationLookup find(String id);
}
