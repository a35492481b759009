package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.console.ConsoleLogFilter;
import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.Variable;
import io.jenkins.plugins.bitbucketresources.core.git.GitAuthPlan;
import io.jenkins.plugins.bitbucketresources.core.git.GitEnvironment;
import io.jenkins.plugins.bitbucketresources.core.model.ResourceName;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockProblem;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withBitbucketResource('app-repo') { … }} and {@code withBitbucketResource(['app-repo', 'tools']) { … }}: runs
 * the block with the variables of the named resources, the tokens masked in its output, git over HTTPS to their
 * repositories authenticated with their tokens, and with {@code shipctl: true} (or a resource that asks for it) the
 * {@code shipctl} reader first on the {@code PATH}.
 *
 * <p>The names are one parameter of type {@code String[]} so that both spellings work: Pipeline passes a single
 * string through {@link DescriptorImpl#customInstantiate}, which makes it a one-element list, and Declarative's check of
 * a literal argument accepts a string for an array.
 */
public final class WithBitbucketResourceStep extends Step {

    private final List<String> resources;
    private boolean shipctl;

    @DataBoundConstructor
    public WithBitbucketResourceStep(@CheckForNull String[] resources) {
        List<String> names = new ArrayList<>();
        for (String name : resources == null ? new String[0] : resources) {
            String stripped = Util.fixEmptyAndTrim(name);
            if (stripped != null) {
                names.add(stripped);
            }
        }
        this.resources = Collections.unmodifiableList(names);
    }

    /** The names of the resources, as given. */
    @NonNull
    public String[] getResources() {
        return resources.toArray(new String[0]);
    }

    /** Whether the block gets the {@code shipctl} reader on its {@code PATH}, whatever its resources ask for. */
    public boolean isShipctl() {
        return shipctl;
    }

    @DataBoundSetter
    public void setShipctl(boolean shipctl) {
        this.shipctl = shipctl;
    }

    /** For the form: the names in one text field. */
    @Restricted(NoExternalUse.class)
    @NonNull
    public String getResourcesText() {
        return String.join(" ", resources);
    }

    /**
     * The step written with a list of resources, for a message that suggests it:
     * {@code withBitbucketResource(['app-repo', 'tools']) { … }}.
     */
    @NonNull
    static String listCall(@NonNull List<String> names) {
        return "withBitbucketResource(['" + String.join("', '", names) + "']) { … }";
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    private static final class Execution extends GeneralNonBlockingStepExecution {

        private static final long serialVersionUID = 1L;

        private transient WithBitbucketResourceStep step;

        Execution(WithBitbucketResourceStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        public boolean start() {
            run(this::setUp);
            return false;
        }

        private void setUp() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            FilePath workspace = context.get(FilePath.class);
            EnvVars outside = context.get(EnvVars.class);
            // The block's own commands may see another environment (a node inside the block): git's configuration is
            // worked out again for each of them; here it only tells whether git will refuse what is already there.
            RunResources.Setup setup = RunResources.setUp(
                    run,
                    step.resources,
                    RunResources.Host.PIPELINE,
                    step.shipctl,
                    workspace,
                    outside == null ? Map.of() : outside,
                    listener);
            SecretMaskingFilter filter =
                    new SecretMaskingFilter(setup.environment().integrations());
            FilePath shipctlDirectory =
                    setup.shipctl() && workspace != null ? ShipctlDirectory.create(workspace, listener) : null;
            try {
                context.newBodyInvoker()
                        .withContext(EnvironmentExpander.merge(
                                context.get(EnvironmentExpander.class),
                                new BlockVariables(setup.environment(), setup.git(), shipctlDirectory)))
                        .withContext(BodyInvoker.mergeConsoleLogFilters(context.get(ConsoleLogFilter.class), filter))
                        .withContext(FailureHandler.merge(
                                context.get(FailureHandler.class), new MaskingFailureHandler(filter)))
                        .withCallback(new BlockEnd(filter, shipctlDirectory))
                        .start();
            } catch (RuntimeException e) {
                if (shipctlDirectory != null) {
                    ShipctlDirectory.remove(shipctlDirectory, listener);
                }
                throw e;
            }
        }
    }

    /**
     * Masks the tokens out of the failure of any step inside the block, and of the block's body itself, before Pipeline
     * records it on a flow node: a failure is stored with the build and shown to everyone who may read the job.
     */
    private static final class MaskingFailureHandler implements FailureHandler {

        private static final long serialVersionUID = 1L;

        private final SecretMaskingFilter filter;

        MaskingFailureHandler(SecretMaskingFilter filter) {
            this.filter = filter;
        }

        @NonNull
        @Override
        public Throwable handle(@NonNull StepContext context, @NonNull Throwable failure) {
            return MaskedException.mask(failure, filter::mask);
        }
    }

    /**
     * The block's variables; the tokens are kept encrypted wherever the block's state is saved. git's configuration is
     * worked out anew for each command from the environment it runs in (an agent's, an outer block's), so it is never
     * saved, Bearer header included; {@code shipctl}'s directory goes first on the {@code PATH}.
     */
    private static final class BlockVariables extends EnvironmentExpander {

        private static final long serialVersionUID = 1L;

        private final LinkedHashMap<String, String> plain = new LinkedHashMap<>();
        private final TreeMap<String, Secret> secret = new TreeMap<>();
        private final GitAuthPlan git;
        private final TreeSet<String> gitSecrets = new TreeSet<>();

        @CheckForNull
        private final String shipctl;

        BlockVariables(BlockEnvironment environment, GitAuthPlan git, @CheckForNull FilePath shipctl) {
            for (Variable variable : environment.variables()) {
                if (variable.secret()) {
                    secret.put(variable.name(), Secret.fromString(variable.value()));
                } else {
                    plain.put(variable.name(), variable.value());
                }
            }
            this.git = git;
            // Which of git's variables are secret depends on the resources only, not on the environment.
            if (git.parametersFor(environment.asMap()) instanceof GitEnvironment.Added added) {
                gitSecrets.addAll(added.secretNames());
            }
            this.shipctl = shipctl == null ? null : shipctl.getRemote();
        }

        @Override
        public void expand(@NonNull EnvVars env) {
            plain.forEach(env::override);
            secret.forEach((name, value) -> env.override(name, value.getPlainText()));
            if (!git.isEmpty()) {
                try {
                    if (git.parametersFor(env) instanceof GitEnvironment.Added added) {
                        for (Variable variable : added.variables()) {
                            env.put(variable.name(), variable.value());
                        }
                    }
                } catch (IllegalArgumentException e) {
                    // A step inside the block set a token variable to what is not a token: git gets nothing from here.
                }
            }
            if (shipctl != null) {
                env.override(ShipctlDirectory.PATH_ENTRY, shipctl);
            }
        }

        /** Named so that Pipeline warns when a script interpolates a token into a Groovy string. */
        @NonNull
        @Override
        public Set<String> getSensitiveVariables() {
            Set<String> names = new TreeSet<>(secret.keySet());
            names.addAll(gitSecrets);
            return Collections.unmodifiableSet(names);
        }
    }

    /**
     * When the block ends, however it ends: removes {@code shipctl}'s directory, off the Pipeline thread since the
     * directory is on an agent, then passes the outcome on with the tokens masked out of any failure message. The
     * body's failure has normally been through {@link MaskingFailureHandler} already; masking it again costs little and
     * covers a handler that failed.
     */
    private static final class BlockEnd extends BodyExecutionCallback {

        private static final long serialVersionUID = 1L;

        private final SecretMaskingFilter filter;

        @CheckForNull
        private final FilePath shipctl;

        BlockEnd(SecretMaskingFilter filter, @CheckForNull FilePath shipctl) {
            this.filter = filter;
            this.shipctl = shipctl;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            afterCleanUp(context, () -> context.onSuccess(result));
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            Throwable masked = MaskedException.mask(t, filter::mask);
            afterCleanUp(context, () -> context.onFailure(masked));
        }

        private void afterCleanUp(StepContext context, Runnable then) {
            FilePath directory = shipctl;
            if (directory == null) {
                then.run();
                return;
            }
            Runnable cleanUp = () -> {
                try {
                    ShipctlDirectory.remove(directory, listener(context));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    then.run();
                }
            };
            try {
                Computer.threadPoolForRemoting.execute(cleanUp);
            } catch (RejectedExecutionException shuttingDown) {
                // Jenkins is stopping: the block ends all the same, and the directory, which holds no secret, stays.
                then.run();
            }
        }

        private static TaskListener listener(StepContext context) throws InterruptedException {
            try {
                TaskListener listener = context.get(TaskListener.class);
                return listener == null ? TaskListener.NULL : listener;
            } catch (IOException e) {
                return TaskListener.NULL;
            }
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor implements CustomDescribableModel {

        static final String RESOURCES = "resources";
        static final String RESOURCES_TEXT = "resourcesText";
        static final String SHIPCTL = "shipctl";
        /** The form's checkboxes, one per resource the job sees, each sending its name when ticked. */
        static final String CHOSEN = "chosen";

        public DescriptorImpl() {
            addHelpFileRedirect(RESOURCES_TEXT, WithBitbucketResourceStep.class, RESOURCES);
        }

        @Override
        public String getFunctionName() {
            return "withBitbucketResource";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.WithBitbucketResourceStep_DisplayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        /** No node or workspace: the step works outside {@code node}, and in Declarative {@code options}. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        /**
         * {@code withBitbucketResource('app-repo')} means the list {@code ['app-repo']}, whether the name arrives named or
         * as the anonymous sole argument.
         */
        @NonNull
        @Override
        public Map<String, Object> customInstantiate(@NonNull Map<String, Object> arguments) {
            Map<String, Object> copy = new HashMap<>(arguments);
            for (String key : List.of(RESOURCES, UninstantiatedDescribable.ANONYMOUS_KEY)) {
                if (copy.get(key) instanceof CharSequence name) {
                    copy.put(key, List.of(name.toString()));
                }
            }
            return copy;
        }

        /** One resource is written {@code withBitbucketResource('app-repo')}, several as a list. */
        @NonNull
        @Override
        public UninstantiatedDescribable customUninstantiate(@NonNull UninstantiatedDescribable ud) {
            Object names = ud.getArguments().get(RESOURCES);
            if (names instanceof List<?> list
                    && list.size() == 1
                    && ud.getArguments().size() == 1) {
                Map<String, Object> single = new HashMap<>();
                single.put(RESOURCES, list.get(0));
                return ud.withArguments(single);
            }
            return ud;
        }

        /**
         * Stage and graph views label the block with the names of its resources, which are no secret; whether it asks for
         * {@code shipctl} is left out.
         */
        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            List<String> names = new ArrayList<>();
            for (String key : List.of(RESOURCES, UninstantiatedDescribable.ANONYMOUS_KEY)) {
                Object value = namedArgs.get(key);
                if (value instanceof CharSequence one) {
                    names.add(one.toString());
                } else if (value instanceof Collection<?> many) {
                    many.stream()
                            .filter(CharSequence.class::isInstance)
                            .map(Object::toString)
                            .forEach(names::add);
                } else if (value instanceof Object[] many) {
                    for (Object each : many) {
                        if (each instanceof CharSequence name) {
                            names.add(name.toString());
                        }
                    }
                }
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }

        /**
         * The names ticked in the form's list, then those typed, each once.
         *
         * @throws NoResourceNamed when neither names any resource: the step would run nothing, and the Snippet
         *     Generator shows the message in place of a snippet
         */
        @Override
        public Step newInstance(@CheckForNull StaplerRequest2 req, @NonNull JSONObject formData) {
            List<String> names = new ArrayList<>();
            for (String ticked : ResourceChoices.ticked(formData.opt(CHOSEN))) {
                addOnce(names, ticked);
            }
            for (String typed : TextWords.split(formData.optString(RESOURCES_TEXT))) {
                addOnce(names, typed);
            }
            if (names.isEmpty()) {
                throw new NoResourceNamed(Messages.WithBitbucketResourceStep_NoneNamed());
            }
            WithBitbucketResourceStep step = new WithBitbucketResourceStep(names.toArray(new String[0]));
            step.setShipctl(formData.optBoolean(SHIPCTL));
            return step;
        }

        private static void addOnce(List<String> names, String name) {
            String stripped = name.strip();
            if (!stripped.isEmpty() && !names.contains(stripped)) {
                names.add(stripped);
            }
        }

        /** For the form: the resources the job the form belongs to sees, and the names chosen that it does not offer. */
        @Restricted(NoExternalUse.class)
        @NonNull
        public ResourceChoices choices(@CheckForNull Object context, @CheckForNull WithBitbucketResourceStep instance) {
            return ResourceChoices.of(context, instance == null ? List.of() : instance.resources);
        }

        /**
         * For the fields below the list: the names chosen that the list does not offer, and the step's other settings as
         * they were, since those fields read them from this object.
         */
        @Restricted(NoExternalUse.class)
        @NonNull
        public WithBitbucketResourceStep typed(
                @NonNull ResourceChoices choices, @CheckForNull WithBitbucketResourceStep instance) {
            WithBitbucketResourceStep typed =
                    new WithBitbucketResourceStep(choices.getOthers().toArray(new String[0]));
            typed.setShipctl(instance != null && instance.shipctl);
            return typed;
        }

        /**
         * The typed names, as a block of the job would take them: an unknown name is a warning with the closest names
         * the job sees (it may be defined before the job runs), a name whose definition is broken or that the use policy
         * refuses to the job an error with the engine's line. Outside a job only the names themselves are checked.
         */
        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckResourcesText(@AncestorInPath Item item, @QueryParameter String value) {
            List<String> names = TextWords.split(Util.fixNull(value));
            if (names.isEmpty()) {
                return FormValidation.ok();
            }
            Optional<JobView> view = item instanceof Job<?, ?> job && job.hasPermission(Item.EXTENDED_READ)
                    ? JobView.of(job)
                    : Optional.empty();
            List<FormValidation> verdicts = new ArrayList<>();
            if (view.isEmpty()) {
                for (String name : names) {
                    verdicts.add(FormChecks.value(() -> ResourceName.of(name)));
                }
                return FormValidation.aggregate(verdicts);
            }
            view.get().problem().map(FormValidation::error).ifPresent(verdicts::add);
            for (BlockProblem problem : BlockPreparation.resolve(
                            view.get().scopes(), names, view.get().job())
                    .problems()) {
                if (problem.kind() == BlockProblem.Kind.UNKNOWN_NAMES) {
                    verdicts.add(FormValidation.warning(problem.message()));
                } else if (problem.isError()) {
                    verdicts.add(FormValidation.error(problem.message()));
                }
            }
            for (String name : names) {
                view.get()
                        .visible()
                        .find(name)
                        .filter(VisibleResource.Refused.class::isInstance)
                        .map(VisibleResource.Refused.class::cast)
                        .ifPresent(refused -> verdicts.add(FormValidation.error(refused.message())));
            }
            return FormValidation.aggregate(verdicts);
        }
    }

    /**
     * A form that names no resource. Its message is the whole of what it says: the Snippet Generator prints a failure
     * to generate as the snippet, and a stack trace there would only hide the message.
     */
    static final class NoResourceNamed extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        NoResourceNamed(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
