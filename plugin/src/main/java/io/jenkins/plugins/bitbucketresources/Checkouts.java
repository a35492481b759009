package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import io.jenkins.plugins.bitbucketresources.core.revision.Checkout;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.Beta;

/**
 * What a build has checked out so far, as an SCM plugin records it. A {@code ciRepo} resource takes its commit from
 * the checkout of its own repository, and one with {@code onlyOwnCheckout} may be used only once the build has checked
 * its repository out.
 *
 * <p>In beta: the engine's {@link Checkout} it returns is bundled with this plugin and may change with it.
 */
@Restricted(Beta.class)
public interface Checkouts extends ExtensionPoint {

    /** The checkouts this SCM recorded on the build, oldest first. */
    @NonNull
    List<Checkout> of(@NonNull Run<?, ?> run);

    /** The checkouts every installed SCM recorded. */
    @NonNull
    static List<Checkout> all(@NonNull Run<?, ?> run) {
        List<Checkout> checkouts = new ArrayList<>();
        for (Checkouts source : ExtensionList.lookup(Checkouts.class)) {
            checkouts.addAll(source.of(run));
        }
        return checkouts;
    }
}
