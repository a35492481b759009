package io.jenkins.plugins.bitbucketresources;

import hudson.model.Run;
import hudson.plugins.git.Revision;
import hudson.plugins.git.util.BuildData;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import java.util.ArrayList;
import java.util.List;

/** Reads the Git plugin's records of a build. Only {@link GitCheckouts} uses it, once it knows that plugin is active. */
final class GitBuildData {

    private GitBuildData() {}

    static List<Checkout> checkouts(Run<?, ?> run) {
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
