package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.plugins.git.Revision;
import hudson.plugins.git.util.BuildData;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The checkouts the Git plugin recorded; loaded only when that plugin is installed. */
// The Git plugin is an optional dependency: without it this class cannot load, and optional=true keeps that quiet. The
// replacement Jenkins suggests (the variant plugin's OptionalExtension) would add a dependency for this one class.
@SuppressWarnings("deprecation")
@Extension(optional = true)
@Restricted(NoExternalUse.class)
public final class GitCheckouts implements Checkouts {

    @NonNull
    @Override
    public List<Checkout> of(@NonNull Run<?, ?> run) {
        List<Checkout> checkouts = new ArrayList<>();
        for (BuildData data : run.getActions(BuildData.class)) {
            Revision revision = data.getLastBuiltRevision();
            if (revision != null) {
                checkouts.add(new Checkout(data.getRemoteUrls(), revision.getSha1String()));
            }
        }
        return checkouts;
    }
}
