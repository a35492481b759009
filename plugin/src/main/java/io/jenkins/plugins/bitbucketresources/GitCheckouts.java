package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.PluginWrapper;
import hudson.model.Run;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The checkouts the Git plugin recorded, when that plugin is installed and active; none otherwise.
 *
 * <p>The Git plugin is an optional dependency, so this extension is always registered and names no class of that
 * plugin: a class that did would load without complaint and fail only when a build called it. Everything that reads
 * the Git plugin's records is in {@link GitBuildData}, which is loaded only after the plugin is found active.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class GitCheckouts implements Checkouts {

    static final String GIT_PLUGIN = "git";

    @NonNull
    @Override
    public List<Checkout> of(@NonNull Run<?, ?> run) {
        return gitActive() ? GitBuildData.checkouts(run) : List.of();
    }

    private static boolean gitActive() {
        PluginWrapper git = Jenkins.get().getPluginManager().getPlugin(GIT_PLUGIN);
        return git != null && git.isActive();
    }
}
