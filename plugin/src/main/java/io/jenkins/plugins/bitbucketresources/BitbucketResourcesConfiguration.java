package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.policy.GlobalPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The resources every job sees, after those of its folders, and who may use them: every job, or only the jobs under the
 * folders of {@code globalResourcesFolders}.
 */
@Extension
@Symbol("bitbucketResources")
public final class BitbucketResourcesConfiguration extends GlobalConfiguration {

    private static final String GLOBAL_RESOURCES_FOLDERS_TEXT = GlobalPolicy.FIELD + "Text";

    private List<BitbucketResource> resources = new ArrayList<>();
    // ArrayList: XStream cannot read back the immutable lists of List.of()
    private List<String> globalResourcesFolders = new ArrayList<>();

    public BitbucketResourcesConfiguration() {
        addHelpFileRedirect(GLOBAL_RESOURCES_FOLDERS_TEXT, BitbucketResourcesConfiguration.class, GlobalPolicy.FIELD);
        load();
    }

    @NonNull
    public static BitbucketResourcesConfiguration get() {
        return ExtensionList.lookupSingleton(BitbucketResourcesConfiguration.class);
    }

    /** How the system configuration page and configuration-as-code's documentation name this section. */
    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.BitbucketResourcesConfiguration_DisplayName();
    }

    @NonNull
    public List<BitbucketResource> getResources() {
        return resources == null ? List.of() : Collections.unmodifiableList(resources);
    }

    /**
     * Replaces the whole list and saves it.
     *
     * @throws io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException listing every problem, in which
     *     case nothing changes
     */
    @DataBoundSetter
    public void setResources(@CheckForNull List<BitbucketResource> resources) {
        List<BitbucketResource> replacement = resources == null ? new ArrayList<>() : new ArrayList<>(resources);
        BitbucketResource.check(replacement).orElseThrow();
        this.resources = replacement;
        save();
    }

    /**
     * The folders whose jobs may use the resources of the global list; empty: every job may (the default).
     */
    @NonNull
    public List<String> getGlobalResourcesFolders() {
        return globalResourcesFolders == null ? List.of() : Collections.unmodifiableList(globalResourcesFolders);
    }

    /**
     * Replaces the folders and saves them, as the engine writes them (a trailing {@code /} removed).
     *
     * @throws io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException listing every problem, in which
     *     case nothing changes
     */
    @DataBoundSetter
    public void setGlobalResourcesFolders(@CheckForNull List<String> globalResourcesFolders) {
        GlobalPolicy policy = GlobalPolicy.parse(globalResourcesFolders == null ? List.of() : globalResourcesFolders)
                .orElseThrow();
        this.globalResourcesFolders = new ArrayList<>(policy.folders());
        save();
    }

    /**
     * The global policy for the engine: who may use the resources of the global list; the problems when a folder saved
     * earlier is no longer a valid folder name (only possible when the configuration was written by hand). Builds and
     * pages apply it through {@link GlobalUsePolicy}.
     */
    @NonNull
    public Validated<GlobalPolicy> policy() {
        return GlobalPolicy.parse(getGlobalResourcesFolders());
    }

    /** For the form: the folders, one per line. */
    @Restricted(NoExternalUse.class)
    @NonNull
    public String getGlobalResourcesFoldersText() {
        return TextLines.join(getGlobalResourcesFolders());
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckGlobalResourcesFoldersText(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormChecks.all(GlobalPolicy.parse(TextLines.split(value)));
    }

    /**
     * Reads the list from the form as a whole, so that deleting the last entry empties it, and keeps what was saved
     * when any entry is wrong.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        List<BitbucketResource> submitted = ExtensionList.lookupSingleton(BitbucketResource.DescriptorImpl.class)
                .checkedInstances(req, json.opt("resources"));
        Validated<GlobalPolicy> policy =
                GlobalPolicy.parse(TextLines.split(json.optString(GLOBAL_RESOURCES_FOLDERS_TEXT)));
        if (!policy.isValid()) {
            throw new FormException(
                    Messages.BitbucketResources_InvalidPolicy(Problems.describe(policy)),
                    GLOBAL_RESOURCES_FOLDERS_TEXT);
        }
        this.resources = new ArrayList<>(submitted);
        this.globalResourcesFolders = new ArrayList<>(policy.orElseThrow().folders());
        save();
        return true;
    }
}
