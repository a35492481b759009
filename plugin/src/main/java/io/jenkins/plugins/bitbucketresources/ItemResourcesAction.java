package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Item;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.StaplerProxy;

/**
 * The <em>Bitbucket resources</em> page of a job or folder: what a build of the job (of a job in the folder) would get,
 * for a pipeline author before writing {@code withBitbucketResource}. It shows names, settings and variable names,
 * never a value, to those who may see the item's configuration ({@link Item#EXTENDED_READ}); others get no link, and the
 * page refuses them.
 */
public final class ItemResourcesAction implements Action, StaplerProxy {

    static final String URL_NAME = "bitbucket-resources";

    private final Item item;

    ItemResourcesAction(@NonNull Item item) {
        this.item = item;
    }

    /** For the page: the job or folder it is about. */
    @Restricted(NoExternalUse.class)
    @NonNull
    public Item getItem() {
        return item;
    }

    /** No link for someone who may not open the page. */
    @CheckForNull
    @Override
    public String getIconFileName() {
        return item.hasPermission(Item.EXTENDED_READ) ? BitbucketIntegrationCredentialsImpl.DescriptorImpl.ICON : null;
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.ItemResourcesAction_DisplayName();
    }

    /** Always the same, so that someone who may not see the page is told so rather than that it does not exist. */
    @NonNull
    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** Every request to the page, and below it, needs {@link Item#EXTENDED_READ}. */
    @Override
    public Object getTarget() {
        item.checkPermission(Item.EXTENDED_READ);
        return this;
    }

    /** Worked out on each request: the page shows the definitions and credentials as they are now. */
    @Restricted(NoExternalUse.class)
    @NonNull
    public ResourcesReport getReport() {
        item.checkPermission(Item.EXTENDED_READ);
        return ResourcesReport.of(item);
    }

    /** Adds the page to every job and folder. */
    @Extension
    @Restricted(NoExternalUse.class)
    public static final class Factory extends TransientActionFactory<Item> {

        @Override
        public Class<Item> type() {
            return Item.class;
        }

        @Override
        public Class<? extends Action> actionType() {
            return ItemResourcesAction.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Item target) {
            return ResourcesReport.covers(target) ? List.of(new ItemResourcesAction(target)) : List.of();
        }
    }
}
