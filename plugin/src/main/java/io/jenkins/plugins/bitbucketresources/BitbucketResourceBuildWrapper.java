package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapperDescriptor;
import io.jenkins.plugins.bitbucketresources.core.env.EnvironmentContract;
import io.jenkins.plugins.bitbucketresources.core.env.Variable;
import io.jenkins.plugins.bitbucketresources.core.git.GitEnvironment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import jenkins.tasks.SimpleBuildWrapper;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * "Inject Bitbucket resource variables" for freestyle jobs: the variables of the chosen resources for the whole build,
 * git over HTTPS to their repositories authenticated with their tokens, {@code shipctl} on the {@code PATH} when a
 * resource asks for it, and their tokens masked from the first line of the log to the last post-build step.
 */
public final class BitbucketResourceBuildWrapper extends SimpleBuildWrapper {

    private final List<String> resources;

    @DataBoundConstructor
    public BitbucketResourceBuildWrapper(@CheckForNull List<String> resources) {
        List<String> names = new ArrayList<>();
        for (String name : Util.fixNull(resources)) {
            String stripped = Util.fixEmptyAndTrim(name);
            if (stripped != null && !names.contains(stripped)) {
                names.add(stripped);
            }
        }
        this.resources = names;
    }

    @NonNull
    public List<String> getResources() {
        return resources == null ? List.of() : Collections.unmodifiableList(resources);
    }

    /** Resources need no workspace: the variables are set even for a build that never gets one. */
    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    /** A freestyle build, with its workspace: the resources' variables, git's configuration and {@code shipctl}. */
    @Override
    public void setUp(
            Context context,
            Run<?, ?> build,
            FilePath workspace,
            Launcher launcher,
            TaskListener listener,
            EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        inject(context, build, workspace, listener, initialEnvironment);
    }

    /**
     * Without a workspace: only in Pipeline's generic wrapper step, which is refused.
     *
     * @throws AbortException in Pipeline, where the generic wrapper step would keep the variables (the tokens
     *     included) in clear in the saved program state, not declare them sensitive and not mask failures: the line
     *     says to use {@code withBitbucketResource} instead
     */
    @Override
    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        inject(context, build, null, listener, initialEnvironment);
    }

    private void inject(
            Context context,
            Run<?, ?> build,
            @CheckForNull FilePath workspace,
            TaskListener listener,
            EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        if (!(build instanceof AbstractBuild)) {
            throw new AbortException(Messages.BitbucketResourceBuildWrapper_UseTheStep(stepExample()));
        }
        if (getResources().isEmpty()) {
            listener.getLogger().println(Messages.BitbucketResourceBuildWrapper_NoneChosen());
            return;
        }
        RunResources.Setup setup = RunResources.setUp(
                build, getResources(), RunResources.Host.FREESTYLE, false, workspace, initialEnvironment, listener);
        for (Variable variable : setup.environment().variables()) {
            context.env(variable.name(), variable.value());
        }
        if (setup.gitVariables() instanceof GitEnvironment.Added git) {
            for (Variable variable : git.variables()) {
                context.env(variable.name(), variable.value());
            }
            if (!git.secretNames().isEmpty()) {
                build.addAction(new SecretVariables(git.secretNames()));
            }
        }
        if (setup.shipctl() && workspace != null) {
            FilePath directory = ShipctlDirectory.create(workspace, listener);
            context.env(ShipctlDirectory.PATH_ENTRY, directory.getRemote());
            context.setDisposer(new RemoveShipctl(directory));
        }
    }

    /** The token variables, so that steps which hide sensitive build variables hide these too. */
    @SuppressWarnings("rawtypes") // the signature of BuildWrapper
    @Override
    public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {
        for (String name : getResources()) {
            EnvironmentContract.tokenVariable(name).ifPresent(sensitiveVariables::add);
        }
        for (SecretVariables secret : build.getActions(SecretVariables.class)) {
            sensitiveVariables.addAll(secret.names);
        }
    }

    /**
     * Called when the build starts, before {@link #setUp}: the filter works out the tokens' forms itself, on the
     * controller, and masks from the first line on.
     */
    @CheckForNull
    @Override
    public ConsoleLogFilter createLoggerDecorator(@NonNull Run<?, ?> build) {
        if (!(build instanceof AbstractBuild)) {
            return null;
        }
        return new SecretMaskingFilter(RunResources.integrations(build, getResources()));
    }

    /** The step call that does what this wrapper was asked to do, for the message that refuses it in Pipeline. */
    private String stepExample() {
        List<String> names = getResources();
        if (names.size() == 1) {
            return "withBitbucketResource('" + names.get(0) + "') { … }";
        }
        return WithBitbucketResourceStep.listCall(names.isEmpty() ? List.of("app-repo") : names);
    }

    @Extension
    @Symbol("bitbucketResources")
    public static final class DescriptorImpl extends BuildWrapperDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BitbucketResourceBuildWrapper_DisplayName();
        }

        @Override
        public boolean isApplicable(AbstractProject<?, ?> item) {
            return true;
        }

        /** The chosen resources: one checkbox per resource the job sees, each sending its name when ticked. */
        @Override
        public BitbucketResourceBuildWrapper newInstance(
                @CheckForNull StaplerRequest2 req, @NonNull JSONObject formData) {
            return new BitbucketResourceBuildWrapper(ResourceChoices.ticked(formData.opt("resources")));
        }

        /**
         * For the form: the resources the job sees, as a build of the job would see them (where each is defined, the
         * nearest definition winning): usable, broken with what to fix (a broken nearest definition is shown, not
         * replaced by a farther one), or refused to the job by the use policy; then the chosen names the job no longer
         * sees. A chosen name stays ticked until someone unticks it, usable or not.
         */
        @Restricted(NoExternalUse.class)
        @NonNull
        public ResourceChoices choices(
                @CheckForNull Object context, @CheckForNull BitbucketResourceBuildWrapper instance) {
            return ResourceChoices.of(context, instance == null ? List.of() : instance.getResources());
        }
    }

    /**
     * The names of the secret variables a build got from git's configuration (an {@code Authorization} header), which
     * depend on the integrations the build found; only names are kept.
     */
    @Restricted(NoExternalUse.class)
    public static final class SecretVariables extends InvisibleAction {

        private final List<String> names;

        SecretVariables(List<String> names) {
            this.names = new ArrayList<>(names);
        }
    }

    /** Removes {@code shipctl}'s directory when the build's environment is torn down, however the build ended. */
    private static final class RemoveShipctl extends Disposer {

        private static final long serialVersionUID = 1L;

        private final FilePath directory;

        RemoveShipctl(FilePath directory) {
            this.directory = directory;
        }

        @Override
        public void tearDown(Run<?, ?> build, TaskListener listener) throws InterruptedException {
            ShipctlDirectory.remove(directory, listener);
        }
    }
}
