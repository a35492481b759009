package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/** The resources every job sees, after those of its folders. */
@Extension
@Symbol("bitbucketResources")
public final class BitbucketResourcesConfiguration extends GlobalConfiguration {

    private List<BitbucketResource> resources = new ArrayList<>();
    // ArrayList: XStream cannot read back the immutable lists of List.of()
    private List<String> globalResourcesFolders = new ArrayList<>();

    public BitbucketResourcesConfiguration() {
        load();
    }

    @NonNull
    public static BitbucketResourcesConfiguration get() {
        return ExtensionList.lookupSingleton(BitbucketResourcesConfiguration.class);
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
     * Reads the list from the form as a whole, so that deleting the last entry empties it, and keeps what was saved
     * when any entry is wrong.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        List<BitbucketResource> submitted = ExtensionList.lookupSingleton(BitbucketResource.DescriptorImpl.class)
                .newInstances(req, json.opt("resources"));
        Validated<List<Resource>> checked = BitbucketResource.check(submitted);
        if (!checked.isValid()) {
            throw new FormException(Messages.BitbucketResources_Invalid(Problems.describe(checked)), "resources");
        }
        this.resources = new ArrayList<>(submitted);
        save();
        return true;
    }
}
