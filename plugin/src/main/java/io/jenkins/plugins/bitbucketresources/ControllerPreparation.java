package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.CommitLookup;
import java.time.Clock;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The engine's preparation of blocks on this controller, with the few threads on which the commits of a block are
 * looked up side by side: every build's block is prepared on them; the threads end when idle, and with Jenkins.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class ControllerPreparation {

    /** Enough lookups side by side for the resources of any block, few enough not to flood a Bitbucket server. */
    private static final int LOOKUP_THREADS = 4;

    /** A preparation for selecting only, which never asks Bitbucket for a commit. */
    private static final BlockPreparation SELECTION = new BlockPreparation(
            (integration, source, branch) -> {
                throw new IllegalStateException("a selection asks Bitbucket nothing");
            },
            Runnable::run,
            Clock.systemUTC());

    private final ThreadPoolExecutor lookups = new ThreadPoolExecutor(
            LOOKUP_THREADS,
            LOOKUP_THREADS,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            new NamingThreadFactory(new DaemonThreadFactory(), "Bitbucket resources commit lookup"));

    public ControllerPreparation() {
        lookups.allowCoreThreadTimeOut(true);
    }

    /**
     * The preparation of one build's block, its commits looked up through {@code commits} (the build's own
     * {@link RecordingLookups}, so that what Bitbucket answers is kept for the token health of the credential the build
     * found) on this controller's threads.
     */
    @NonNull
    static BlockPreparation with(@NonNull CommitLookup commits) {
        return new BlockPreparation(
                commits, ExtensionList.lookupSingleton(ControllerPreparation.class).lookups, Clock.systemUTC());
    }

    /**
     * The preparation of what only {@link BlockPreparation#select} decides: which resources, integrations and commit
     * plans a block would get, without asking Bitbucket anything.
     */
    @NonNull
    static BlockPreparation selection() {
        return SELECTION;
    }

    /** Lookups still running when Jenkins stops are given up; the builds that waited for them are stopping too. */
    @Terminator
    public static void shutDown() {
        for (ControllerPreparation preparation : ExtensionList.lookup(ControllerPreparation.class)) {
            preparation.lookups.shutdownNow();
        }
    }
}
