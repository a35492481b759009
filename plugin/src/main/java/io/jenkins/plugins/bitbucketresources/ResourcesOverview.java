package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.bitbucketresources.core.health.HealthState;
import io.jenkins.plugins.bitbucketresources.core.model.JobAccess;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.overview.OverviewRow;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.StaplerProxy;

/**
 * <em>Manage Jenkins › Bitbucket resources</em>: every resource defined anywhere, with where it is defined, what it
 * hides and what hides it, who may use it, its integration's credential and that credential's health, and the jobs
 * that used it lately. Administrators get links to where each is configured; those with Overall/SystemRead see the
 * same page without them. Nothing on it is a secret: a credential is named by its ID and store only.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class ResourcesOverview extends ManagementLink implements StaplerProxy {

    /** How many of the jobs that used a resource lately the page names; the rest are counted. */
    static final int JOBS_SHOWN = 10;

    @Override
    public String getIconFileName() {
        return "symbol-source-code-management";
    }

    @Override
    public String getUrlName() {
        return "bitbucket-resources";
    }

    @Override
    public String getDisplayName() {
        return Messages.ResourcesOverview_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.ResourcesOverview_Description();
    }

    /** Shown to administrators, and read-only to those with Overall/SystemRead. */
    @NonNull
    @Override
    public Permission getRequiredPermission() {
        return Jenkins.SYSTEM_READ;
    }

    @NonNull
    @Override
    public Category getCategory() {
        return Category.STATUS;
    }

    /** Every URL under this page asks for Overall/SystemRead (which administrators have). */
    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(Jenkins.SYSTEM_READ);
        return this;
    }

    /** Whether the viewer may configure, so gets links to where each resource is defined. */
    public boolean isAdministrator() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }

    /** The rows of the page, ordered by name, then global before folders. */
    @NonNull
    public List<Line> getLines() {
        boolean links = isAdministrator();
        Optional<GlobalPolicy> policy = GlobalUsePolicy.current() instanceof Validated.Valid<GlobalPolicy> valid
                ? Optional.of(valid.value())
                : Optional.empty();
        List<Line> lines = new ArrayList<>();
        for (OverviewRow row : OverviewListing.rows()) {
            lines.add(new Line(row, policy, links ? configureUrl(row.scope()) : null));
        }
        return lines;
    }

    /** Why no job may use any resource now, line by line: the saved global use policy is not valid. */
    @NonNull
    public List<String> getProblemLines() {
        return GlobalUsePolicy.problem(GlobalUsePolicy.current())
                .map(text -> text.lines().toList())
                .orElse(List.of());
    }

    /** Where the definitions of a scope are configured, relative to the root URL. */
    @CheckForNull
    private static String configureUrl(Scope scope) {
        if (!(scope instanceof Scope.Folder folder)) {
            return "manage/configure";
        }
        AbstractFolder<?> found =
                Acting.asSystem(() -> Jenkins.get().getItemByFullName(folder.fullName(), AbstractFolder.class));
        return found == null ? null : found.getUrl() + "configure";
    }

    /** One definition as the page shows it; every text is ready to print. */
    @Restricted(NoExternalUse.class)
    public static final class Line {

        private final OverviewRow row;
        /** Empty while the saved one is not valid, and no job may use any resource. */
        private final Optional<GlobalPolicy> policy;

        private final String configureUrl;

        Line(OverviewRow row, Optional<GlobalPolicy> policy, @CheckForNull String configureUrl) {
            this.row = row;
            this.policy = policy;
            this.configureUrl = configureUrl;
        }

        public String getName() {
            return row.name();
        }

        public String getType() {
            return row.type().map(type -> type.id()).orElse("");
        }

        public String getRepository() {
            return row.repository().map(Object::toString).orElse("");
        }

        public String getWhere() {
            return describe(row.scope());
        }

        /** Where it is configured, relative to the root URL; null for those who may not configure it. */
        @CheckForNull
        public String getConfigureUrl() {
            return configureUrl;
        }

        /** The farther definitions of its name it hides, nearest first; empty when none. */
        public String getHides() {
            return row.shadows().stream().map(Line::describe).collect(Collectors.joining(", "));
        }

        /** The nearer definitions of its name that hide it from the jobs under them; empty when none. */
        public String getHiddenBy() {
            return row.shadowedBy().stream().map(Line::describe).collect(Collectors.joining(", "));
        }

        /** Who may use it: its allowed jobs, its own-checkout rule, and for the global list the global policy. */
        public String getAllowed() {
            if (policy.isEmpty()) {
                return Messages.ResourcesOverview_NoJob();
            }
            List<String> rules = new ArrayList<>();
            if (row.scope() instanceof Scope.Global && !policy.get().everyJob()) {
                rules.add(Messages.ResourcesOverview_GlobalFolders(policy.get().describeFolders()));
            }
            JobAccess access = row.resource().map(Resource::access).orElse(JobAccess.OPEN);
            if (access.limitsJobs()) {
                rules.add(Messages.ResourcesOverview_AllowedJobs(access.describePatterns()));
            }
            if (access.onlyOwnCheckout()) {
                rules.add(Messages.ResourcesOverview_OnlyOwnCheckout());
            }
            return rules.isEmpty() ? Messages.ResourcesOverview_EveryJob() : String.join("; ", rules);
        }

        public String getCredential() {
            return row.credential()
                    .map(key -> key.describe())
                    .orElseGet(() -> row.integration()
                            .map(Messages::ResourcesOverview_NoCredential)
                            .orElse(""));
        }

        /** A word or two: {@code ok}, {@code not used yet}, or the most serious concern. */
        public String getHealth() {
            return row.health().map(HealthState::summary).orElse("");
        }

        public boolean isHealthy() {
            return row.health().map(state -> !state.needsAttention()).orElse(true);
        }

        /** What the health's concerns say, for the cell's tooltip and the line below it. */
        public List<String> getConcerns() {
            return row.health()
                    .map(state ->
                            state.concerns().stream().map(c -> c.message()).toList())
                    .orElse(List.of());
        }

        /** The latest of the jobs that used it, newest first. */
        public List<String> getRecentJobs() {
            List<String> jobs = row.recentJobs();
            return jobs.size() <= JOBS_SHOWN ? jobs : jobs.subList(0, JOBS_SHOWN);
        }

        /** How many more jobs used it than are named. */
        public int getMoreJobs() {
            return Math.max(0, row.recentJobs().size() - JOBS_SHOWN);
        }

        /** What is wrong with the definition; empty when jobs can use it. */
        public List<String> getProblems() {
            return row.problems().stream()
                    .filter(Problem::isError)
                    .map(Problem::toString)
                    .toList();
        }

        public boolean isUsable() {
            return row.usable();
        }

        private static String describe(Scope scope) {
            return scope instanceof Scope.Folder folder
                    ? Messages.ResourcesOverview_Folder(folder.fullName())
                    : Messages.ResourcesOverview_Global();
        }
    }
}
