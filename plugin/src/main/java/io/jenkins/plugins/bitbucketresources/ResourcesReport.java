package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Job;
import io.jenkins.plugins.bitbucketresources.core.env.EnvironmentContract;
import io.jenkins.plugins.bitbucketresources.core.git.GitAuthPlan;
import io.jenkins.plugins.bitbucketresources.core.model.JobAccess;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.policy.UseDecision;
import io.jenkins.plugins.bitbucketresources.core.policy.UsePolicy;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockProblem;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockRequest;
import io.jenkins.plugins.bitbucketresources.core.prepare.IntegrationLookup;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import io.jenkins.plugins.bitbucketresources.core.revision.CommitSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What a build of a job would get from its Bitbucket resources, worked out by the engine as a block would, without
 * asking Bitbucket and without recording any use: each name the job sees, where its nearest definition is, what it
 * hides, whether a build may use it (and if not, the engine's words), whether its integration is found as the build
 * would find it, and the names of the variables it sets. Never a value: nothing of a token reaches the report.
 *
 * <p>For a folder, the same for a job directly inside it, less the rules that depend on the job's name, which are
 * listed instead.
 */
@Restricted(NoExternalUse.class)
public final class ResourcesReport {

    /** How a build fares with a resource. */
    public enum State {
        /** A build gets it. */
        USABLE,
        /** A build gets it under a condition the report cannot check: the job's name (folders), its own checkout. */
        CONDITIONAL,
        /** A build that asks for it fails: its integration, its commit settings, … */
        NOT_USABLE,
        /** The use policy refuses it to the job. */
        REFUSED,
        /** Its nearest definition is broken. */
        BROKEN
    }

    private final boolean forFolder;
    private final List<String> problemLines;
    private final List<Row> rows;

    private ResourcesReport(boolean forFolder, List<String> problemLines, List<Row> rows) {
        this.forFolder = forFolder;
        this.problemLines = List.copyOf(problemLines);
        this.rows = List.copyOf(rows);
    }

    /**
     * The report of a job, or of a folder (what a job directly inside it gets). While the saved global use policy is
     * not valid no build gets anything: the report then says why, and lists nothing.
     */
    @NonNull
    static ResourcesReport of(@NonNull Item item) {
        JobView view = JobView.of(item).orElseThrow(() -> new IllegalArgumentException(item + " is no job or folder"));
        JobIntegrations integrations = JobIntegrations.of(item);
        List<Row> rows = new ArrayList<>();
        for (VisibleResource visible : view.visible().all()) {
            rows.add(row(visible, view, integrations));
        }
        List<String> problem = view.problem().map(text -> text.lines().toList()).orElse(List.of());
        return new ResourcesReport(view.forFolder(), problem, rows);
    }

    /** Whether a report can be made for the item: a job or a folder. */
    static boolean covers(@NonNull Item item) {
        return item instanceof Job<?, ?> || item instanceof AbstractFolder<?>;
    }

    private static Row row(VisibleResource visible, JobView view, JobIntegrations integrations) {
        String where = Places.of(visible.scope());
        String hides =
                visible.hides().isEmpty() ? "" : Messages.ResourcesReport_Hides(Places.definitionsOf(visible.hides()));
        if (visible instanceof VisibleResource.Broken broken) {
            return new Row(
                    visible.name(),
                    "",
                    "",
                    where,
                    hides,
                    State.BROKEN,
                    lines(broken.message()),
                    List.of(),
                    Messages.ResourcesReport_NotLookedUp(),
                    List.of(),
                    List.of());
        }
        VisibleResource.Valid valid = (VisibleResource.Valid) visible;
        Resource resource = valid.resolved().resource();
        IntegrationLookup lookup = integrations.find(resource.integration());
        List<String> details = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        State state;
        if (visible instanceof VisibleResource.Refused refused) {
            state = State.REFUSED;
            details.addAll(lines(refused.message()));
        } else {
            details.addAll(buildProblems(visible.name(), view, integrations));
            conditions.addAll(conditions(valid, view));
            state = !details.isEmpty() ? State.NOT_USABLE : conditions.isEmpty() ? State.USABLE : State.CONDITIONAL;
        }
        return new Row(
                visible.name(),
                resource.type().id(),
                resource.sourceName().toString(),
                where,
                hides,
                state,
                details,
                conditions,
                credential(resource.integration(), lookup),
                variables(resource, lookup),
                variableNotes(resource, lookup));
    }

    /** What stops a build that asks for the name, as the engine's selection finds it before asking Bitbucket. */
    private static List<String> buildProblems(String name, JobView view, JobIntegrations integrations) {
        BlockRequest request = BlockRequest.builder()
                .job(view.job())
                .scopes(view.scopes())
                .names(name)
                .integrations(integrations)
                .policy(
                        view.forFolder()
                                ? GlobalPolicy.EVERY_JOB
                                : view.policy().orElseThrow())
                .build();
        List<String> problems = new ArrayList<>();
        for (BlockProblem problem :
                ControllerPreparation.selection().select(request).errors()) {
            // The use policy by the job's name was applied to the list already; what is left depends on the build.
            if (problem.kind() != BlockProblem.Kind.POLICY_REFUSED) {
                problems.addAll(lines(problem.message()));
            }
        }
        return problems;
    }

    /** What a build must meet to get the resource: its own checkout, and for a folder the rules by the job's name. */
    private static List<String> conditions(VisibleResource.Valid visible, JobView view) {
        GlobalPolicy policy = view.policy().orElseThrow();
        if (view.forFolder()) {
            return namedRules(visible.resolved().resource(), visible.scope(), policy);
        }
        UseDecision decision = new UsePolicy(policy).byName(visible.resolved(), view.job());
        return decision instanceof UseDecision.AllowedAfterCheckout afterCheckout
                ? List.of(Messages.ResourcesReport_OnlyOwnCheckout(afterCheckout.repository()))
                : List.of();
    }

    /** For a folder: the rules that a job's name or its build decide, as the resource and the policy set them. */
    private static List<String> namedRules(Resource resource, Scope scope, GlobalPolicy policy) {
        List<String> rules = new ArrayList<>();
        if (scope instanceof Scope.Global && !policy.everyJob()) {
            rules.add(Messages.ResourcesReport_GlobalFolders(policy.describeFolders()));
        }
        JobAccess access = resource.access();
        if (access.limitsJobs()) {
            rules.add(Messages.ResourcesReport_AllowedJobs(access.describePatterns()));
        }
        if (access.onlyOwnCheckout()) {
            rules.add(Messages.ResourcesReport_OnlyOwnCheckout(resource.sourceName()));
        }
        return rules;
    }

    private static String credential(String id, IntegrationLookup lookup) {
        if (lookup instanceof IntegrationLookup.Found found) {
            return Messages.ResourcesReport_CredentialFound(
                    id, found.integration().platform().displayName());
        }
        if (lookup instanceof IntegrationLookup.WrongKind wrong) {
            return Messages.ResourcesReport_CredentialWrongKind(id, wrong.kind());
        }
        if (lookup instanceof IntegrationLookup.Invalid) {
            return Messages.ResourcesReport_CredentialInvalid(id);
        }
        return Messages.ResourcesReport_CredentialMissing(id);
    }

    /**
     * The names the resource sets, with the username's when the integration found has one, and the commit's when the
     * resource can have one (a {@code ciRepo}, or one that asks for its commit); then what git's authentication and
     * {@code shipctl} add to the block's environment when the resource asks for them.
     */
    private static List<VariableName> variables(Resource resource, IntegrationLookup lookup) {
        boolean username = lookup instanceof IntegrationLookup.Found found
                && found.integration().username().isPresent();
        boolean commit = CommitSource.mayHaveCommit(resource);
        Optional<String> token =
                EnvironmentContract.tokenVariable(resource.name().value());
        List<VariableName> variables = new ArrayList<>();
        for (String name : EnvironmentContract.names(resource, username, commit)) {
            variables.add(new VariableName(
                    name, token.filter(name::equals).isPresent() ? Messages.ResourcesReport_TokenNote() : ""));
        }
        if (resource.gitAuth()) {
            variables.add(new VariableName(GitAuthPlan.PARAMETERS_VARIABLE, Messages.ResourcesReport_GitNote()));
        }
        if (resource.shipctl()) {
            variables.add(new VariableName(ShipctlDirectory.PATH_ENTRY, Messages.ResourcesReport_ShipctlNote()));
        }
        return variables;
    }

    private static List<String> variableNotes(Resource resource, IntegrationLookup lookup) {
        String prefix = resource.name().prefix() + "_";
        List<String> notes = new ArrayList<>();
        if (!(lookup instanceof IntegrationLookup.Found)) {
            notes.add(Messages.ResourcesReport_UsernameUnknown(prefix + EnvironmentContract.INTEGRATION_USERNAME));
        }
        if (CommitSource.mayHaveCommit(resource)) {
            notes.add(Messages.ResourcesReport_CommitWhenKnown(prefix + EnvironmentContract.COMMIT));
        }
        return notes;
    }

    private static List<String> lines(String message) {
        return message.lines().toList();
    }

    public boolean isForFolder() {
        return forFolder;
    }

    /** Why no build gets any resource now, line by line; empty normally. */
    @NonNull
    public List<String> getProblemLines() {
        return problemLines;
    }

    @NonNull
    public List<Row> getRows() {
        return rows;
    }

    /** One variable's name, and what it is when its name does not say it; never its value. */
    @Restricted(NoExternalUse.class)
    public record VariableName(
            @NonNull String name, @NonNull String note) {
        public String getName() {
            return name;
        }

        public String getNote() {
            return note;
        }
    }

    /**
     * One visible name.
     *
     * @param type the type's ID; empty for a broken definition
     * @param repository the source name; empty for a broken definition
     * @param where {@code folder team-a} or {@code the global list}
     * @param hides the definitions it hides, as a phrase; empty when none
     * @param details why a build fails with it, in the engine's words, line by line
     * @param conditions what a build must meet to get it, for {@link State#CONDITIONAL}
     * @param credential whether the integration is found as a build would find it
     * @param variableNotes when the variables that are not always set are set
     */
    @Restricted(NoExternalUse.class)
    public record Row(
            @NonNull String name,
            @NonNull String type,
            @NonNull String repository,
            @NonNull String where,
            @NonNull String hides,
            @NonNull State state,
            @NonNull List<String> details,
            @NonNull List<String> conditions,
            @NonNull String credential,
            @NonNull List<VariableName> variables,
            @NonNull List<String> variableNotes) {

        public Row {
            details = List.copyOf(details);
            conditions = List.copyOf(conditions);
            variables = List.copyOf(variables);
            variableNotes = List.copyOf(variableNotes);
        }

        public String getName() {
            return name;
        }

        public String getType() {
            return type;
        }

        public String getRepository() {
            return repository;
        }

        public String getWhere() {
            return where;
        }

        public String getHides() {
            return hides;
        }

        public State getState() {
            return state;
        }

        /** A few words for the state. */
        public String getVerdict() {
            return switch (state) {
                case USABLE -> Messages.ResourcesReport_Usable();
                case CONDITIONAL -> Messages.ResourcesReport_Conditional();
                case NOT_USABLE -> Messages.ResourcesReport_NotUsable();
                case REFUSED -> Messages.ResourcesReport_Refused();
                case BROKEN -> Messages.ResourcesReport_Broken();
            };
        }

        public List<String> getDetails() {
            return details;
        }

        public List<String> getConditions() {
            return conditions;
        }

        public String getCredential() {
            return credential;
        }

        public List<VariableName> getVariables() {
            return variables;
        }

        public List<String> getVariableNotes() {
            return variableNotes;
        }
    }
}
