package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.bitbucketresources.core.definition.Definitions;
import io.jenkins.plugins.bitbucketresources.core.env.EnvironmentContract;
import io.jenkins.plugins.bitbucketresources.core.model.BuildTriggers;
import io.jenkins.plugins.bitbucketresources.core.model.JobAccess;
import io.jenkins.plugins.bitbucketresources.core.model.JobPattern;
import io.jenkins.plugins.bitbucketresources.core.model.RefNames;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.ResourceName;
import io.jenkins.plugins.bitbucketresources.core.model.ResourceType;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.naming.VariablePrefix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * One named resource as an administrator configured it on a folder or globally: a typed pointer to a Bitbucket
 * repository, the integration (credential) that reaches it, its branch, tag and trigger settings, and which jobs may use
 * it. The values are kept as written; {@link #toResource()} asks the engine whether they make a valid resource.
 */
public final class BitbucketResource implements Describable<BitbucketResource> {

    private final String name;
    private final String type;
    private final String credentialsId;
    private final String sourceName;
    private String branch = "";
    // ArrayList: XStream cannot read back the immutable lists of List.of()
    private List<String> branchesOnly = new ArrayList<>();
    private List<String> branchesExcept = new ArrayList<>();
    private List<String> tagsOnly = new ArrayList<>();
    private List<String> tagsExcept = new ArrayList<>();
    private boolean buildOnCommit = BuildTriggers.DEFAULT.commit();
    private boolean buildOnPullRequest = BuildTriggers.DEFAULT.pullRequest();
    private boolean buildOnTagPush = BuildTriggers.DEFAULT.tagPush();
    private boolean buildOnRelease = BuildTriggers.DEFAULT.release();
    // A Boolean, so that a resource saved before the setting existed reads back with its default, on.
    private Boolean gitAuth = Boolean.TRUE;
    private boolean shipctl;
    private boolean resolveCommit;
    private List<String> allowedJobs = new ArrayList<>();
    private boolean onlyOwnCheckout;

    /**
     * @param name the name jobs use, e.g. {@code app-repo}
     * @param type {@code gitRepo}, {@code ciRepo} or {@code syncRepo}
     * @param credentialsId the ID of the Bitbucket integration credential
     * @param sourceName {@code workspace/repo} on Cloud, {@code PROJECT/repo} on Data Center
     */
    @DataBoundConstructor
    public BitbucketResource(
            @CheckForNull String name,
            @CheckForNull String type,
            @CheckForNull String credentialsId,
            @CheckForNull String sourceName) {
        this.name = Util.fixNull(name).strip();
        this.type = Util.fixNull(type).strip();
        this.credentialsId = Util.fixNull(credentialsId).strip();
        this.sourceName = Util.fixNull(sourceName).strip();
    }

    @NonNull
    public String getName() {
        return name;
    }

    @NonNull
    public String getType() {
        return type;
    }

    @NonNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @NonNull
    public String getSourceName() {
        return sourceName;
    }

    @NonNull
    public String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(@CheckForNull String branch) {
        this.branch = Util.fixNull(branch).strip();
    }

    @NonNull
    public List<String> getBranchesOnly() {
        return Collections.unmodifiableList(branchesOnly);
    }

    @DataBoundSetter
    public void setBranchesOnly(@CheckForNull List<String> branchesOnly) {
        this.branchesOnly = copy(branchesOnly);
    }

    @NonNull
    public List<String> getBranchesExcept() {
        return Collections.unmodifiableList(branchesExcept);
    }

    @DataBoundSetter
    public void setBranchesExcept(@CheckForNull List<String> branchesExcept) {
        this.branchesExcept = copy(branchesExcept);
    }

    @NonNull
    public List<String> getTagsOnly() {
        return Collections.unmodifiableList(tagsOnly);
    }

    @DataBoundSetter
    public void setTagsOnly(@CheckForNull List<String> tagsOnly) {
        this.tagsOnly = copy(tagsOnly);
    }

    @NonNull
    public List<String> getTagsExcept() {
        return Collections.unmodifiableList(tagsExcept);
    }

    @DataBoundSetter
    public void setTagsExcept(@CheckForNull List<String> tagsExcept) {
        this.tagsExcept = copy(tagsExcept);
    }

    public boolean isBuildOnCommit() {
        return buildOnCommit;
    }

    @DataBoundSetter
    public void setBuildOnCommit(boolean buildOnCommit) {
        this.buildOnCommit = buildOnCommit;
    }

    public boolean isBuildOnPullRequest() {
        return buildOnPullRequest;
    }

    @DataBoundSetter
    public void setBuildOnPullRequest(boolean buildOnPullRequest) {
        this.buildOnPullRequest = buildOnPullRequest;
    }

    public boolean isBuildOnTagPush() {
        return buildOnTagPush;
    }

    @DataBoundSetter
    public void setBuildOnTagPush(boolean buildOnTagPush) {
        this.buildOnTagPush = buildOnTagPush;
    }

    public boolean isBuildOnRelease() {
        return buildOnRelease;
    }

    @DataBoundSetter
    public void setBuildOnRelease(boolean buildOnRelease) {
        this.buildOnRelease = buildOnRelease;
    }

    /** Whether git over HTTPS to the repository authenticates with the integration's token in a block (default on). */
    public boolean isGitAuth() {
        return gitAuth == null || gitAuth;
    }

    @DataBoundSetter
    public void setGitAuth(boolean gitAuth) {
        this.gitAuth = gitAuth;
    }

    /** Whether a block or build that uses this resource gets the {@code shipctl} reader on its {@code PATH}. */
    public boolean isShipctl() {
        return shipctl;
    }

    @DataBoundSetter
    public void setShipctl(boolean shipctl) {
        this.shipctl = shipctl;
    }

    public boolean isResolveCommit() {
        return resolveCommit;
    }

    @DataBoundSetter
    public void setResolveCommit(boolean resolveCommit) {
        this.resolveCommit = resolveCommit;
    }

    /** Which jobs may use the resource, as job full-name patterns; empty: every job that sees it. */
    @NonNull
    public List<String> getAllowedJobs() {
        return Collections.unmodifiableList(allowedJobs);
    }

    @DataBoundSetter
    public void setAllowedJobs(@CheckForNull List<String> allowedJobs) {
        this.allowedJobs = copy(allowedJobs);
    }

    /** For a {@code ciRepo}: only builds that checked its repository out themselves may use it. */
    public boolean isOnlyOwnCheckout() {
        return onlyOwnCheckout;
    }

    @DataBoundSetter
    public void setOnlyOwnCheckout(boolean onlyOwnCheckout) {
        this.onlyOwnCheckout = onlyOwnCheckout;
    }

    /** For the form: the allowed jobs, one pattern per line. */
    @Restricted(NoExternalUse.class)
    public String getAllowedJobsText() {
        return TextLines.join(allowedJobs);
    }

    /** For the form: the patterns of one list in one text field. */
    @Restricted(NoExternalUse.class)
    public String getBranchesOnlyText() {
        return String.join(" ", branchesOnly);
    }

    @Restricted(NoExternalUse.class)
    public String getBranchesExceptText() {
        return String.join(" ", branchesExcept);
    }

    @Restricted(NoExternalUse.class)
    public String getTagsOnlyText() {
        return String.join(" ", tagsOnly);
    }

    @Restricted(NoExternalUse.class)
    public String getTagsExceptText() {
        return String.join(" ", tagsExcept);
    }

    /** The resource for the engine, or every problem with it. */
    @NonNull
    public Validated<Resource> toResource() {
        return Resource.builder()
                .name(name)
                .type(type)
                .integration(credentialsId)
                .sourceName(sourceName)
                .branch(branch)
                .branches(branchesOnly, branchesExcept)
                .tags(tagsOnly, tagsExcept)
                .buildOn(new BuildTriggers(buildOnCommit, buildOnPullRequest, buildOnTagPush, buildOnRelease))
                .gitAuth(isGitAuth())
                .shipctl(shipctl)
                .resolveCommit(resolveCommit)
                .allowedJobs(allowedJobs)
                .onlyOwnCheckout(onlyOwnCheckout)
                .build();
    }

    /** Checks the resources of one scope together, as the engine does: every entry's problems and names defined twice. */
    @NonNull
    static Validated<List<Resource>> check(@NonNull List<BitbucketResource> resources) {
        return Definitions.check(
                resources.stream().map(BitbucketResource::toResource).toList());
    }

    private static List<String> copy(@CheckForNull List<String> values) {
        List<String> copy = new ArrayList<>();
        for (String value : Util.fixNull(values)) {
            String stripped = Util.fixEmptyAndTrim(value);
            if (stripped != null) {
                copy.add(stripped);
            }
        }
        return copy;
    }

    /** Settings saved before a field existed read back as null. */
    private Object readResolve() {
        gitAuth = isGitAuth();
        branch = Util.fixNull(branch);
        branchesOnly = copy(branchesOnly);
        branchesExcept = copy(branchesExcept);
        tagsOnly = copy(tagsOnly);
        tagsExcept = copy(tagsExcept);
        allowedJobs = copy(allowedJobs);
        return this;
    }

    @Extension
    @Symbol("bitbucketResource")
    public static final class DescriptorImpl extends Descriptor<BitbucketResource> {

        /**
         * Credentials of the system scope serve Jenkins itself and are never found for a build, so a resource cannot
         * use them.
         */
        private static final CredentialsMatcher USABLE_BY_JOBS =
                CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM));

        public DescriptorImpl() {
            for (String list : List.of("branchesOnly", "branchesExcept", "tagsOnly", "tagsExcept", JobPattern.FIELD)) {
                addHelpFileRedirect(list + "Text", BitbucketResource.class, list);
            }
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BitbucketResource_DisplayName();
        }

        /** Reads the pattern lists from their text fields; everything else binds as usual. */
        @Override
        public BitbucketResource newInstance(@CheckForNull StaplerRequest2 req, @NonNull JSONObject formData)
                throws FormException {
            BitbucketResource resource = new BitbucketResource(
                    formData.optString("name"),
                    formData.optString("type"),
                    formData.optString("credentialsId"),
                    formData.optString("sourceName"));
            resource.setBranch(formData.optString("branch"));
            resource.setBranchesOnly(TextWords.split(formData.optString("branchesOnlyText")));
            resource.setBranchesExcept(TextWords.split(formData.optString("branchesExceptText")));
            resource.setTagsOnly(TextWords.split(formData.optString("tagsOnlyText")));
            resource.setTagsExcept(TextWords.split(formData.optString("tagsExceptText")));
            resource.setBuildOnCommit(formData.optBoolean("buildOnCommit", BuildTriggers.DEFAULT.commit()));
            resource.setBuildOnPullRequest(formData.optBoolean("buildOnPullRequest"));
            resource.setBuildOnTagPush(formData.optBoolean("buildOnTagPush"));
            resource.setBuildOnRelease(formData.optBoolean("buildOnRelease"));
            resource.setGitAuth(formData.optBoolean("gitAuth", true));
            resource.setShipctl(formData.optBoolean("shipctl"));
            resource.setResolveCommit(formData.optBoolean("resolveCommit"));
            resource.setAllowedJobs(TextLines.split(formData.optString("allowedJobsText")));
            resource.setOnlyOwnCheckout(formData.optBoolean(JobAccess.ONLY_OWN_CHECKOUT_FIELD));
            return resource;
        }

        /**
         * The resources of a repeatable form section, which is absent, one object or an array of them, checked together
         * as the list of one scope.
         *
         * @throws FormException listing every problem, so that what was saved stays as it was
         */
        List<BitbucketResource> checkedInstances(@CheckForNull StaplerRequest2 req, @CheckForNull Object json)
                throws FormException {
            List<BitbucketResource> resources = new ArrayList<>();
            if (json instanceof JSONObject one && !one.isNullObject()) {
                resources.add(newInstance(req, one));
            } else if (json instanceof JSONArray many) {
                for (Object each : many) {
                    if (each instanceof JSONObject object) {
                        resources.add(newInstance(req, object));
                    }
                }
            }
            Validated<List<Resource>> checked = check(resources);
            if (!checked.isValid()) {
                throw new FormException(Messages.BitbucketResources_Invalid(Problems.describe(checked)), "resources");
            }
            return resources;
        }

        /**
         * The engine's verdict on the name, then a warning when another resource already saved in the same list (this
         * folder's, or the global one) gives the same variable prefix, since saving both is refused. Only the saved list
         * can be compared: a field's check is sent that field's value alone, not the other entries of the form, so a
         * clash with an entry not saved yet is reported when the list is saved.
         *
         * <p>Last, a note of what the name hides: on a folder, the definitions of the same name above it, which its jobs
         * no longer get; on the global list, the folders whose own definition their jobs get instead. The check runs for
         * every entry when the page opens, saved or not.
         */
        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            if (!Permissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            String name = Util.fixNull(value).strip();
            FormValidation verdict = FormChecks.value(() -> ResourceName.of(name));
            if (verdict.kind != FormValidation.Kind.OK) {
                return verdict;
            }
            String prefix = ResourceName.of(name).prefix();
            List<FormValidation> notes = new ArrayList<>();
            for (BitbucketResource saved : savedAlongside(item)) {
                String other = saved.getName();
                // The entry itself, as saved; a second entry of the same name is refused when the list is saved.
                if (other.equals(name)) {
                    continue;
                }
                if (VariablePrefix.of(other).filter(prefix::equals).isPresent()) {
                    notes.add(FormValidation.warning(Messages.BitbucketResource_PrefixTaken(name, prefix, other)));
                    break;
                }
            }
            HidingNotes.of(item, name).map(FormValidation::warning).ifPresent(notes::add);
            return FormValidation.aggregate(notes);
        }

        /** The list the form being checked belongs to, as saved: the folder's, or without an item the global one. */
        private static List<BitbucketResource> savedAlongside(@CheckForNull Item item) {
            if (item == null) {
                return BitbucketResourcesConfiguration.get().getResources();
            }
            return item instanceof AbstractFolder<?> folder
                    ? BitbucketResourcesFolderProperty.definedOn(folder)
                    : List.of();
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckSourceName(@AncestorInPath Item item, @QueryParameter String value) {
            if (!Permissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.value(() -> SourceName.parse(Util.fixNull(value)));
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckBranch(@AncestorInPath Item item, @QueryParameter String value) {
            if (!Permissions.canConfigure(item) || Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            return FormChecks.value(() -> RefNames.checkName("branch", value));
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckBranchesOnlyText(@AncestorInPath Item item, @QueryParameter String value) {
            return patterns(item, value);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckBranchesExceptText(@AncestorInPath Item item, @QueryParameter String value) {
            return patterns(item, value);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckTagsOnlyText(@AncestorInPath Item item, @QueryParameter String value) {
            return patterns(item, value);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckTagsExceptText(@AncestorInPath Item item, @QueryParameter String value) {
            return patterns(item, value);
        }

        private static FormValidation patterns(Item item, String text) {
            if (!Permissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            List<FormValidation> problems = new ArrayList<>();
            for (String pattern : TextWords.split(Util.fixNull(text))) {
                problems.add(FormChecks.value(() -> RefNames.checkPattern("pattern", pattern)));
            }
            return FormValidation.aggregate(problems);
        }

        /** The engine's verdict on each pattern, one per line. */
        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckAllowedJobsText(@AncestorInPath Item item, @QueryParameter String value) {
            if (!Permissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.all(JobAccess.parse(TextLines.split(value), false));
        }

        /** The engine refuses {@code onlyOwnCheckout} on any type but {@code ciRepo}, and says why. */
        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckOnlyOwnCheckout(
                @AncestorInPath Item item, @QueryParameter boolean value, @QueryParameter String type) {
            if (!Permissions.canConfigure(item) || !value) {
                return FormValidation.ok();
            }
            return FormChecks.field(
                    Resource.builder()
                            .type(Util.fixNull(type))
                            .onlyOwnCheckout(true)
                            .build(),
                    JobAccess.ONLY_OWN_CHECKOUT_FIELD);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public ListBoxModel doFillTypeItems(@AncestorInPath Item item, @QueryParameter String type) {
            return FormChecks.options(Permissions.canConfigure(item), type, items -> {
                for (ResourceType each : ResourceType.values()) {
                    items.add(Messages.BitbucketResource_TypeOption(each.displayName(), each.id()), each.id());
                }
            });
        }

        /**
         * The Bitbucket integrations the folder (or, globally, Jenkins) can use. Those who may not see the configuration
         * get only the current value back.
         */
        @POST
        @Restricted(NoExternalUse.class)
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            String current = Util.fixNull(credentialsId);
            if (!Permissions.canListCredentials(item)) {
                result.includeCurrentValue(current);
                return result;
            }
            result.includeEmptyValue()
                    .includeMatchingAs(
                            ACL.SYSTEM2,
                            item,
                            BitbucketIntegrationCredentials.class,
                            List.<DomainRequirement>of(),
                            USABLE_BY_JOBS)
                    .includeCurrentValue(current);
            return result;
        }

        /**
         * Whether a build can find the integration: it looks the ID up in its job's folders and the global credentials.
         * An ID visible where the resource is defined is fine. One held only by folders below (for the global list: by
         * any folder) serves the jobs inside those folders alone, which is a warning saying so; one held nowhere is an
         * error.
         */
        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            if (!Permissions.canListCredentials(item)) {
                return FormValidation.ok();
            }
            String id = Util.fixEmptyAndTrim(value);
            if (id == null) {
                return FormChecks.value(() -> Resource.checkIntegration(""));
            }
            boolean visible = !CredentialsProvider.listCredentialsInItem(
                            BitbucketIntegrationCredentials.class,
                            item,
                            ACL.SYSTEM2,
                            List.<DomainRequirement>of(),
                            CredentialsMatchers.allOf(USABLE_BY_JOBS, CredentialsMatchers.withId(id)))
                    .isEmpty();
            if (visible) {
                return FormValidation.ok();
            }
            List<String> holders = FolderCredentials.foldersHolding(item, id, USABLE_BY_JOBS);
            if (!holders.isEmpty()) {
                String folders = Places.joined(
                        holders.stream().map(Messages::Places_Quoted).toList());
                return FormValidation.warning(
                        item == null
                                ? Messages.BitbucketResource_CredentialsOnlyInFolders(id, folders, holders.size())
                                : Messages.BitbucketResource_CredentialsOnlyInSubfolders(id, folders, holders.size()));
            }
            return FormValidation.error(
                    item == null
                            ? Messages.BitbucketResource_CredentialsNotGlobal(id)
                            : Messages.BitbucketResource_CredentialsNotVisible(id));
        }

        /** Which variables the resource will set, worked out by the engine from the values in the form. */
        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doPreviewVariables(
                @AncestorInPath Item item,
                @QueryParameter String name,
                @QueryParameter String type,
                @QueryParameter String credentialsId,
                @QueryParameter String sourceName,
                @QueryParameter String branch,
                @QueryParameter String branchesOnlyText,
                @QueryParameter String branchesExceptText,
                @QueryParameter String tagsOnlyText,
                @QueryParameter String tagsExceptText,
                @QueryParameter boolean resolveCommit) {
            if (!Permissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            BitbucketResource form = new BitbucketResource(name, type, credentialsId, sourceName);
            form.setBranch(branch);
            form.setBranchesOnly(TextWords.split(Util.fixNull(branchesOnlyText)));
            form.setBranchesExcept(TextWords.split(Util.fixNull(branchesExceptText)));
            form.setTagsOnly(TextWords.split(Util.fixNull(tagsOnlyText)));
            form.setTagsExcept(TextWords.split(Util.fixNull(tagsExceptText)));
            form.setResolveCommit(resolveCommit);
            Validated<Resource> resource = form.toResource();
            if (!resource.isValid()) {
                return FormChecks.all(resource);
            }
            Resource valid = resource.orElseThrow();
            List<String> names = EnvironmentContract.names(valid, true, true);
            String prefix = valid.name().prefix() + "_";
            return FormValidation.ok(Messages.BitbucketResource_Preview(
                    String.join(", ", names),
                    prefix + EnvironmentContract.INTEGRATION_USERNAME,
                    prefix + EnvironmentContract.COMMIT));
        }
    }
}
