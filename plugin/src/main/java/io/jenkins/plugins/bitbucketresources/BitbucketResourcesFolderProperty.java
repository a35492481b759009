package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.hudson.plugins.folder.AbstractFolderPropertyDescriptor;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.StaplerRequest2;

/** The resources a folder defines for the jobs inside it, ahead of those of the folders above and of the global list. */
public final class BitbucketResourcesFolderProperty extends AbstractFolderProperty<AbstractFolder<?>> {

    private final List<BitbucketResource> resources;

    /**
     * @throws io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException listing every problem
     */
    @DataBoundConstructor
    public BitbucketResourcesFolderProperty(@CheckForNull List<BitbucketResource> resources) {
        this.resources = resources == null ? new ArrayList<>() : new ArrayList<>(resources);
        BitbucketResource.check(this.resources).orElseThrow();
    }

    @NonNull
    public List<BitbucketResource> getResources() {
        return resources == null ? List.of() : Collections.unmodifiableList(resources);
    }

    /** What the folder defines itself; none when it has no property. */
    @NonNull
    static List<BitbucketResource> definedOn(@NonNull AbstractFolder<?> folder) {
        BitbucketResourcesFolderProperty property = folder.getProperties().get(BitbucketResourcesFolderProperty.class);
        return property == null ? List.of() : property.getResources();
    }

    @Extension
    @Symbol("bitbucketResources")
    public static final class DescriptorImpl extends AbstractFolderPropertyDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BitbucketResourcesFolderProperty_DisplayName();
        }

        /** A folder without resources gets no property at all; a wrong entry keeps what was saved. */
        @CheckForNull
        @Override
        public AbstractFolderProperty<?> newInstance(@CheckForNull StaplerRequest2 req, @NonNull JSONObject formData)
                throws FormException {
            List<BitbucketResource> submitted = ExtensionList.lookupSingleton(BitbucketResource.DescriptorImpl.class)
                    .checkedInstances(req, formData.isNullObject() ? null : formData.opt("resources"));
            return submitted.isEmpty() ? null : new BitbucketResourcesFolderProperty(submitted);
        }
    }
}
