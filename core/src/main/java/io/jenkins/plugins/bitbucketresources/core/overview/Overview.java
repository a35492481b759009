package io.jenkins.plugins.bitbucketresources.core.overview;

import io.jenkins.plugins.bitbucketresources.core.health.CredentialKey;
import io.jenkins.plugins.bitbucketresources.core.health.HealthState;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.prepare.Definition;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The administrators' overview: every resource defined anywhere, one row per definition, with where it is defined,
 * what it hides and what hides it, its integration's credential and health, and the jobs that used it lately. The same
 * shadowing rule as a job's lookup: the nearest definition of a name wins, a broken one included, and the first
 * definition of a name within one scope counts. The definitions come in the shape a block's preparation takes them
 * ({@link ScopeDefinitions}, broken ones included), so a host collects them once for both.
 *
 * <p>Linear in the number of definitions times the folder depth: each definition looks its name up in the scopes
 * above it, and no more.
 */
public final class Overview {

    private Overview() {}

    private static final class Row {
        private final String name;
        private final Scope scope;
        private final Validated<Resource> definition;
        private final boolean duplicate;
        private final List<Scope> shadows = new ArrayList<>();
        private final List<Scope> shadowedBy = new ArrayList<>();

        Row(String name, Scope scope, Validated<Resource> definition, boolean duplicate) {
            this.name = name;
            this.scope = scope;
            this.definition = definition;
            this.duplicate = duplicate;
        }
    }

    private record CredentialQuery(Scope scope, String integration) {}

    /** The definitions of one name that count: by folder full name, and the global one. */
    private static final class SameName {
        private final Map<String, Row> folders = new HashMap<>();
        private Row global;

        Row at(Scope scope) {
            return scope instanceof Scope.Folder folder ? folders.get(folder.fullName()) : global;
        }

        void put(Scope scope, Row row) {
            if (scope instanceof Scope.Folder folder) {
                folders.putIfAbsent(folder.fullName(), row);
            } else if (global == null) {
                global = row;
            }
        }

        int size() {
            return folders.size() + (global == null ? 0 : 1);
        }
    }

    /** A job that used a credential, with its folders read once per listing. */
    private record RecentJob(String fullName, List<String> foldersNearestFirst) {}

    /** The rows, ordered by name, then global before folders, folders by full name, then as written. */
    public static List<OverviewRow> list(List<ScopeDefinitions> scopes, OverviewSources sources) {
        Objects.requireNonNull(sources, "sources");
        List<Row> rows = new ArrayList<>();
        Map<String, SameName> byName = new HashMap<>();
        for (ScopeDefinitions listing : scopes) {
            Set<String> inScope = new HashSet<>();
            for (Definition listed : listing.definitions()) {
                boolean duplicate = !listed.name().isEmpty() && !inScope.add(listed.name());
                Validated<Resource> definition = duplicate ? duplicateOf(listed) : listed.resource();
                Row row = new Row(listed.name(), listing.scope(), definition, duplicate);
                rows.add(row);
                if (!duplicate && !listed.name().isEmpty()) {
                    byName.computeIfAbsent(listed.name(), n -> new SameName()).put(listing.scope(), row);
                }
            }
        }
        for (Row row : rows) {
            if (row.duplicate || row.name.isEmpty()) {
                continue;
            }
            SameName sameName = byName.get(row.name);
            if (sameName.size() == 1) {
                continue;
            }
            for (Scope above : above(row.scope)) {
                Row hidden = sameName.at(above);
                if (hidden != null) {
                    row.shadows.add(above);
                    hidden.shadowedBy.add(row.scope);
                }
            }
        }
        Map<CredentialQuery, Optional<CredentialKey>> credentials = new HashMap<>();
        Map<CredentialKey, Optional<HealthState>> health = new HashMap<>();
        Map<CredentialKey, List<RecentJob>> recent = new HashMap<>();
        List<OverviewRow> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Optional<CredentialKey> credential = Optional.empty();
            if (row.definition instanceof Validated.Valid<Resource> valid) {
                credential = credentials.computeIfAbsent(
                        new CredentialQuery(row.scope, valid.value().integration()),
                        q -> Objects.requireNonNull(sources.credential(q.scope(), q.integration()), "credential"));
            }
            Optional<HealthState> state = credential.flatMap(
                    c -> health.computeIfAbsent(c, k -> Objects.requireNonNull(sources.health(k), "health")));
            List<String> jobs = List.of();
            if (!row.duplicate && credential.isPresent()) {
                List<RecentJob> used = recent.computeIfAbsent(credential.get(), k -> recentJobs(sources.recentJobs(k)));
                jobs = used.isEmpty() ? List.of() : jobsSeeing(row, byName.get(row.name), used);
            }
            out.add(new OverviewRow(
                    row.name,
                    row.scope,
                    row.definition,
                    row.duplicate,
                    row.shadows,
                    row.shadowedBy,
                    credential,
                    state,
                    jobs));
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    private static final Comparator<OverviewRow> ORDER = Comparator.comparing(OverviewRow::name)
            .thenComparing(
                    r -> r.scope() instanceof Scope.Folder folder ? folder.fullName() : "", Comparator.naturalOrder());

    /** The scopes above one, nearest first: the parent folders, then the global list. */
    static List<Scope> above(Scope scope) {
        if (!(scope instanceof Scope.Folder folder)) {
            return List.of();
        }
        List<Scope> out = new ArrayList<>();
        for (String parent : JobPath.parse(folder.fullName()).foldersNearestFirst()) {
            out.add(new Scope.Folder(parent));
        }
        out.add(Scope.GLOBAL);
        return out;
    }

    private static List<RecentJob> recentJobs(List<String> fullNames) {
        List<RecentJob> jobs = new ArrayList<>(fullNames.size());
        for (String fullName : fullNames) {
            try {
                JobPath path = JobPath.parse(fullName);
                jobs.add(new RecentJob(path.fullName(), path.foldersNearestFirst()));
            } catch (InvalidValueException e) {
                // Not a job full name: nothing to show for it.
            }
        }
        return List.copyOf(jobs);
    }

    /** The jobs that, asking for the row's name, get this row's definition: under its scope, and nothing nearer defines it. */
    private static List<String> jobsSeeing(Row row, SameName sameName, List<RecentJob> jobs) {
        String under = row.scope instanceof Scope.Folder folder ? folder.fullName() + "/" : "";
        List<String> seeing = new ArrayList<>();
        for (RecentJob job : jobs) {
            if (!job.fullName().startsWith(under)) {
                continue;
            }
            Row winner = sameName.global;
            for (String folder : job.foldersNearestFirst()) {
                Row found = sameName.folders.get(folder);
                if (found != null) {
                    winner = found;
                    break;
                }
            }
            if (winner == row) {
                seeing.add(job.fullName());
            }
        }
        return seeing;
    }

    private static Validated<Resource> duplicateOf(Definition listed) {
        List<Problem> problems = new ArrayList<>(
                listed.resource().problems().stream().filter(Problem::isError).toList());
        problems.add(Problem.error(
                "name",
                "`" + listed.name() + "` is defined earlier in the same scope: only the first definition of "
                        + "a name counts; rename or remove this one"));
        return new Validated.Invalid<>(problems);
    }
}
