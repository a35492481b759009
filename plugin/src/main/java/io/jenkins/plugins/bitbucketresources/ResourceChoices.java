package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Job;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.prepare.BlockPreparation;
import io.jenkins.plugins.bitbucketresources.core.prepare.ScopeDefinitions;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResource;
import io.jenkins.plugins.bitbucketresources.core.prepare.VisibleResources;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The resources a form offers for a job to choose from, as the engine says the job sees them: each visible name once,
 * nearest definition first, with its type, repository, where it is defined and what it hides. A name the use policy
 * refuses to the job, or whose nearest definition is broken, is listed with the engine's line and cannot be chosen. The
 * names chosen earlier that are not offered (defined later, no longer visible, not usable) are kept apart, for a text
 * field, so that nothing chosen is lost.
 */
@Restricted(NoExternalUse.class)
public final class ResourceChoices {

    private final boolean jobKnown;
    private final List<Choice> visible;
    private final List<String> others;

    private ResourceChoices(boolean jobKnown, List<Choice> visible, List<String> others) {
        this.jobKnown = jobKnown;
        this.visible = List.copyOf(visible);
        this.others = List.copyOf(others);
    }

    /**
     * @param context the page's object: a job (the Snippet Generator of a job), a folder, or anything else (the
     *     Snippet Generator outside any job), in which case nothing is offered
     * @param chosen the names chosen so far
     */
    @NonNull
    static ResourceChoices of(@CheckForNull Object context, @NonNull List<String> chosen) {
        Optional<VisibleResources> seen = seenFrom(context);
        List<Choice> choices = new ArrayList<>();
        for (VisibleResource resource : seen.map(VisibleResources::all).orElse(List.of())) {
            choices.add(Choice.of(resource, chosen.contains(resource.name())));
        }
        List<String> others = new ArrayList<>();
        for (String name : chosen) {
            if (choices.stream().noneMatch(c -> c.isSelectable() && c.getName().equals(name))) {
                others.add(name);
            }
        }
        return new ResourceChoices(seen.isPresent(), choices, others);
    }

    /**
     * What the job sees, with the use policy applied; for a folder, what a job directly inside it sees, without the
     * rules that depend on the job's name. Empty without a job or folder, or for someone who may not see the item's
     * configuration.
     */
    private static Optional<VisibleResources> seenFrom(@CheckForNull Object context) {
        if (!(context instanceof Item item) || !item.hasPermission(Item.EXTENDED_READ)) {
            return Optional.empty();
        }
        ResourceResolver resolver = ResourceResolver.get();
        if (item instanceof Job<?, ?> job) {
            List<ScopeDefinitions> scopes = resolver.definitionsSeenFrom(job.getParent());
            return Optional.of(BlockPreparation.visible(
                    scopes, Optional.of(new JobPath(job.getFullName())), GlobalUsePolicy.current()));
        }
        if (item instanceof AbstractFolder<?> folder) {
            return Optional.of(BlockPreparation.visible(resolver.definitionsSeenFrom(folder)));
        }
        return Optional.empty();
    }

    /** Whether the form knows the job (or folder), and so what it sees. */
    public boolean isJobKnown() {
        return jobKnown;
    }

    /** Every name the job sees, in the engine's order. */
    @NonNull
    public List<Choice> getVisible() {
        return visible;
    }

    /** The names chosen earlier that cannot be ticked in the list, in the order chosen. */
    @NonNull
    public List<String> getOthers() {
        return others;
    }

    /** One visible name. */
    @Restricted(NoExternalUse.class)
    public static final class Choice {

        private final String name;
        private final String label;
        private final String reason;
        private final boolean selectable;
        private final boolean chosen;

        private Choice(String name, String label, String reason, boolean selectable, boolean chosen) {
            this.name = name;
            this.label = label;
            this.reason = reason;
            this.selectable = selectable;
            this.chosen = chosen;
        }

        static Choice of(VisibleResource visible, boolean chosen) {
            String where = Places.of(visible.scope());
            String hides = visible.hides().isEmpty()
                    ? ""
                    : Messages.ResourceChoices_Hiding(Places.joined(
                            visible.hides().stream().map(Places::definitionOf).toList()));
            if (visible instanceof VisibleResource.Valid valid) {
                Resource resource = valid.resolved().resource();
                String label = Messages.ResourceChoices_Label(
                        visible.name(), resource.type().id(), resource.sourceName(), where, hides);
                if (visible instanceof VisibleResource.Refused refused) {
                    return new Choice(visible.name(), label, refused.message(), false, false);
                }
                return new Choice(visible.name(), label, "", true, chosen);
            }
            String label = Messages.ResourceChoices_BrokenLabel(visible.name(), where, hides);
            return new Choice(visible.name(), label, ((VisibleResource.Broken) visible).message(), false, false);
        }

        @NonNull
        public String getName() {
            return name;
        }

        /** {@code app-repo: gitRepo acme/app, folder team-a, hiding the definition of the global list}. */
        @NonNull
        public String getLabel() {
            return label;
        }

        /** Why it cannot be chosen, in the engine's words, line by line; empty when it can. */
        @NonNull
        public List<String> getReasonLines() {
            return reason.isEmpty() ? List.of() : reason.lines().toList();
        }

        public boolean isSelectable() {
            return selectable;
        }

        public boolean isChosen() {
            return chosen;
        }
    }
}
