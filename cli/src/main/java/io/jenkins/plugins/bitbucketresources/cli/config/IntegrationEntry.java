package io.jenkins.plugins.bitbucketresources.cli.config;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import java.util.List;
import java.util.Optional;

/**
 * An integration of the file: the integration when it is valid, and the problems of its token's source (an unset
 * environment variable, an unreadable file), which only matter to commands that use it.
 */
public record IntegrationEntry(String id, int line, Optional<Integration> integration, List<Finding> tokenFindings) {

    public IntegrationEntry {
        tokenFindings = List.copyOf(tokenFindings);
    }
}
