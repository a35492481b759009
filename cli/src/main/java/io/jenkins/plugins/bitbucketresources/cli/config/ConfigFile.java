package io.jenkins.plugins.bitbucketresources.cli.config;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.DefinitionRef;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResources;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.resolve.ScopedResources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A loaded resources file: its integrations, its global and folder resource entries (broken ones included), who may
 * use the global ones, and every problem found in it, of which {@link #fileErrors()} are those that leave the file
 * unusable as a whole.
 */
public record ConfigFile(
        Path path,
        Map<String, IntegrationEntry> integrations,
        List<DefinitionEntry> globalDefinitions,
        Map<String, List<DefinitionEntry>> folderDefinitions,
        List<Finding> findings,
        List<Finding> fileErrors,
        GlobalPolicy globalPolicy) {

    public ConfigFile {
        integrations = Map.copyOf(integrations);
        globalDefinitions = List.copyOf(globalDefinitions);
        Map<String, List<DefinitionEntry>> folders = new LinkedHashMap<>();
        folderDefinitions.forEach((name, entries) -> folders.put(name, List.copyOf(entries)));
        folderDefinitions = Collections.unmodifiableMap(folders);
        findings = List.copyOf(findings);
        fileErrors = List.copyOf(fileErrors);
        Objects.requireNonNull(globalPolicy, "globalPolicy");
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
        List<Finding> errors =
                new ArrayList<>(findings.stream().filter(Finding::isError).toList());
        for (String id : usedIntegrations) {
            Optional.ofNullable(integrations.get(id)).ifPresent(e -> errors.addAll(e.tokenFindings()));
        }
        errors.sort(Finding.BY_POSITION);
        return errors;
    }

    /** The valid global resources, each name once (the first entry of a name is the one jobs see). */
    public List<Resource> globalResources() {
        return usable(globalDefinitions);
    }

    /** The valid resources of each folder, each name once. */
    public Map<String, List<Resource>> folders() {
        Map<String, List<Resource>> folders = new LinkedHashMap<>();
        folderDefinitions.forEach((name, entries) -> folders.put(name, usable(entries)));
        return folders;
    }

    /** The scopes a job sees, nearest first, with their valid resources. */
    public List<ScopedResources> scopesFor(Optional<JobPath> job) {
        return scopeNames(job).stream()
                .map(scope -> new ScopedResources(scope, usable(entries(scope))))
                .toList();
    }

    /** The scopes a job sees, nearest first: its folders that the file defines, then the global list; every entry. */
    public List<ScopeDefinitions> definitionsFor(Optional<JobPath> job) {
        return scopeNames(job).stream()
                .map(scope -> new ScopeDefinitions(
                        scope,
                        entries(scope).stream().map(DefinitionEntry::definition).toList()))
                .toList();
    }

    /** What the job sees of this file, as the engine decides it: its scopes' definitions under the file's policy. */
    public VisibleResources visibleTo(Optional<JobPath> job) {
        return BlockPreparation.visible(definitionsFor(job), job, globalPolicy);
    }

    /** The entry a reference of the engine points at, as given by {@link #definitionsFor}. */
    public Optional<DefinitionEntry> entry(DefinitionRef ref) {
        List<DefinitionEntry> entries = entries(ref.scope());
        return ref.index() < entries.size() ? Optional.of(entries.get(ref.index())) : Optional.empty();
    }

    private List<Scope> scopeNames(Optional<JobPath> job) {
        List<Scope> scopes = new ArrayList<>();
        job.ifPresent(j -> j.foldersNearestFirst().stream()
                .filter(folderDefinitions::containsKey)
                .map(Scope.Folder::new)
                .forEach(scopes::add));
        scopes.add(Scope.GLOBAL);
        return scopes;
    }

    private List<DefinitionEntry> entries(Scope scope) {
        if (scope instanceof Scope.Folder folder) {
            return folderDefinitions.getOrDefault(folder.fullName(), List.of());
        }
        return globalDefinitions;
    }

    private static List<Resource> usable(List<DefinitionEntry> entries) {
        Set<String> seen = new HashSet<>();
        List<Resource> resources = new ArrayList<>();
        for (DefinitionEntry entry : entries) {
            if (seen.add(entry.name()) && entry.resource() instanceof Validated.Valid<Resource> valid) {
                resources.add(valid.value());
            }
        }
        return resources;
    }
}
