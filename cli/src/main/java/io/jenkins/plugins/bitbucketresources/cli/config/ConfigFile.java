package io.jenkins.plugins.bitbucketresources.cli.config;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.resolve.ScopedResources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A loaded resources file: its integrations, its global and folder resources, who may use the global ones, and every
 * problem found in it. Only the valid parts are kept; the problems say what to fix.
 */
public record ConfigFile(
        Path path,
        Map<String, IntegrationEntry> integrations,
        List<Resource> globalResources,
        Map<String, List<Resource>> folders,
        List<Finding> findings,
        GlobalPolicy globalPolicy) {

    public ConfigFile {
        integrations = Map.copyOf(integrations);
        globalResources = List.copyOf(globalResources);
        folders = Map.copyOf(folders);
        findings = List.copyOf(findings);
        java.util.Objects.requireNonNull(globalPolicy, "globalPolicy");
    }

    /** A file without a {@code policy} section: global resources for every job. */
    public ConfigFile(Path path, Map<String, IntegrationEntry> integrations, List<Resource> globalResources,
            Map<String, List<Resource>> folders, List<Finding> findings) {
        this(path, integrations, globalResources, folders, findings, GlobalPolicy.EVERY_JOB);
    }

    /** Every problem, token sources included, in file order. */
    public List<Finding> allFindings() {
        return Stream.concat(findings.stream(), integrations.values().stream().flatMap(e -> e.tokenFindings().stream()))
                .sorted(Finding.BY_POSITION)
                .toList();
    }

    /**
     * The errors that stop a command using these integrations: every error of the file, plus the token-source errors
     * of the integrations it uses.
     */
    public List<Finding> errorsFor(Collection<String> usedIntegrations) {
        List<Finding> errors = new ArrayList<>(findings.stream().filter(Finding::isError).toList());
        for (String id : usedIntegrations) {
            Optional.ofNullable(integrations.get(id)).ifPresent(e -> errors.addAll(e.tokenFindings()));
        }
        errors.sort(Finding.BY_POSITION);
        return errors;
    }

    /** The scopes a job sees, nearest first: its folders that the file defines, then the global list. */
    public List<ScopedResources> scopesFor(Optional<JobPath> job) {
        List<ScopedResources> scopes = new ArrayList<>();
        job.ifPresent(j -> j.foldersNearestFirst().forEach(folder -> {
            List<Resource> resources = folders.get(folder);
            if (resources != null) {
                scopes.add(new ScopedResources(new Scope.Folder(folder), resources));
            }
        }));
        scopes.add(new ScopedResources(Scope.GLOBAL, globalResources));
        return scopes;
    }
}
