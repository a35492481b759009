package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.plugins.git.Revision;
import hudson.plugins.git.util.Build;
import hudson.plugins.git.util.BuildData;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.StepExecutions;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code recordCheckout(remote: …, commit: …)}: records a checkout on the build the way the Git plugin does, for a
 * remote the tests cannot clone. Registered for every test of this plugin (it is only ever called by name).
 */
public final class RecordCheckoutStep extends Step {

    private final String remote;
    private final String commit;

    @DataBoundConstructor
    public RecordCheckoutStep(String remote, String commit) {
        this.remote = remote;
        this.commit = commit;
    }

    public String getRemote() {
        return remote;
    }

    public String getCommit() {
        return commit;
    }

    /** The call, for a script. */
    static String call(String remote, String commit) {
        return "recordCheckout(remote: '" + remote + "', commit: '" + commit + "')\n";
    }

    @Override
    public StepExecution start(StepContext context) {
        return StepExecutions.synchronousVoid(context, c -> {
            Run<?, ?> run = c.get(Run.class);
            BuildData data = new BuildData("git");
            data.addRemoteUrl(remote);
            data.saveBuild(new Build(new Revision(ObjectId.fromString(commit)), run.getNumber(), null));
            run.addAction(data);
        });
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "recordCheckout";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Record a Git checkout";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class);
        }
    }
}
