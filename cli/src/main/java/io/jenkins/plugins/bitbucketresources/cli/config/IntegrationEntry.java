package io.jenkins.plugins.bitbucketresources.cli.config;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An integration of the file: the integration when it is valid, the findings about the entry, and the problems of its
 * token's source (an unset environment variable, an unreadable file), which only matter to commands that use it.
 */
public record IntegrationEntry(
        String id, int line, Optional<Integration> integration, List<Finding> tokenFindings, List<Finding> findings) {

    public IntegrationEntry {
        tokenFindings = List.copyOf(tokenFindings);
        findings = List.copyOf(findings);
    }

    /** The errors that keep a command from using it: the entry's own and its token source's, in file order. */
    public List<Finding> errors() {
        return Stream.concat(findings.stream(), tokenFindings.stream())
                .filter(Finding::isError)
                .sorted(Finding.BY_POSITION)
                .toList();
    }
}
