package io.jenkins.plugins.bitbucketresources.cli.config;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import java.util.List;
import java.util.Objects;

/**
 * A resource entry of the file as written, valid or not: its name, where it is, the engine's verdict and the findings
 * about the entry itself (an entry with an error is broken; how it relates to other entries is reported apart).
 *
 * @param field where it is in the file's structure, e.g. {@code folders.team-a.resources[0]}
 */
public record DefinitionEntry(
        String name, int line, int column, String field, Validated<Resource> resource, List<Finding> findings) {

    public DefinitionEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(resource, "resource");
        findings = List.copyOf(findings);
    }

    /** The entry as the engine takes it. */
    public Definition definition() {
        return new Definition(name, resource);
    }
}
