package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Identity;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.model.ApiUrl;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Platform;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.model.TokenKind;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The Bitbucket integration credential. It is also a {@link StringCredentials} whose secret is the token, so that
 * {@code withCredentials([string(…)])} and other plugins that take a secret text can use it.
 */
public final class BitbucketIntegrationCredentialsImpl extends BaseStandardCredentials
        implements BitbucketIntegrationCredentials, StringCredentials {

    private static final long serialVersionUID = 1L;

    /** The engine needs an ID to validate an integration; forms validate before the credential has one. */
    static final String FORM_ID = "this-integration";

    private final String url;
    private final Secret token;
    private final String username;
    private final String platform;
    private final String kind;

    /**
     * @param url the API location; empty for Bitbucket Cloud
     * @param username the username or e-mail address, when the token kind needs one
     * @param platform {@code cloud} or {@code datacenter}; empty to detect it from the URL
     * @param kind the token kind; empty to detect it
     * @throws io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException listing every problem, when the
     *     values do not make a working integration
     */
    @DataBoundConstructor
    public BitbucketIntegrationCredentialsImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull String url,
            @NonNull Secret token,
            @CheckForNull String username,
            @CheckForNull String platform,
            @CheckForNull String kind) {
        super(scope, id, description);
        String given = Util.fixEmptyAndTrim(url);
        this.url = given == null ? ApiUrl.CLOUD_API : given;
        this.token = token;
        this.username = Util.fixNull(username).strip();
        this.platform = Util.fixNull(platform).strip();
        this.kind = Util.fixNull(kind).strip();
        toIntegration().orElseThrow();
    }

    @NonNull
    @Override
    public String getUrl() {
        return url;
    }

    @NonNull
    @Override
    public Secret getToken() {
        return token;
    }

    /** The token, as every secret text credential offers it. */
    @NonNull
    @Override
    public Secret getSecret() {
        return token;
    }

    @NonNull
    @Override
    public String getUsername() {
        return username;
    }

    @NonNull
    @Override
    public String getPlatform() {
        return platform;
    }

    @NonNull
    @Override
    public String getKind() {
        return kind;
    }

    @NonNull
    @Override
    public Validated<Integration> toIntegration() {
        return integration(getId(), url, token, username, platform, kind);
    }

    static Validated<Integration> integration(
            String id, String url, Secret token, String username, String platform, String kind) {
        return Integration.builder()
                .id(id)
                .url(url.isBlank() ? ApiUrl.CLOUD_API : url)
                .username(username)
                .platform(platform)
                .kind(kind)
                .token(Secret.toString(token))
                .build();
    }

    @Extension
    @Symbol("bitbucketIntegration")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BitbucketIntegrationCredentialsImpl_DisplayName();
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            if (!Permissions.canConfigure(item) || Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            return FormChecks.value(() -> ApiUrl.parse(value));
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckToken(
                @AncestorInPath Item item,
                @QueryParameter Secret value,
                @QueryParameter String url,
                @QueryParameter String username,
                @QueryParameter String platform,
                @QueryParameter String kind) {
            return check(item, "token", url, value, username, platform, kind);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckUsername(
                @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String url,
                @QueryParameter Secret token,
                @QueryParameter String platform,
                @QueryParameter String kind) {
            return check(item, "username", url, token, value, platform, kind);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckPlatform(
                @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String url,
                @QueryParameter Secret token,
                @QueryParameter String username,
                @QueryParameter String kind) {
            return check(item, "platform", url, token, username, value, kind);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckKind(
                @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String url,
                @QueryParameter Secret token,
                @QueryParameter String username,
                @QueryParameter String platform) {
            return check(item, "kind", url, token, username, platform, value);
        }

        private static FormValidation check(
                Item item, String field, String url, Secret token, String username, String platform, String kind) {
            if (!Permissions.canConfigure(item) || Secret.toString(token).isEmpty()) {
                return FormValidation.ok();
            }
            return FormChecks.field(
                    integration(
                            FORM_ID,
                            Util.fixNull(url),
                            token,
                            Util.fixNull(username),
                            Util.fixNull(platform),
                            Util.fixNull(kind)),
                    field);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckTestRepository(@AncestorInPath Item item, @QueryParameter String value) {
            if (!Permissions.canConfigure(item) || Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            return FormChecks.value(() -> SourceName.parse(value));
        }

        @POST
        @Restricted(NoExternalUse.class)
        public ListBoxModel doFillPlatformItems(@AncestorInPath Item item, @QueryParameter String platform) {
            ListBoxModel items = new ListBoxModel();
            if (!Permissions.canConfigure(item)) {
                items.add(Util.fixNull(platform));
                return items;
            }
            items.add(Messages.BitbucketIntegrationCredentialsImpl_DetectPlatform(), "");
            for (Platform each : Platform.values()) {
                items.add(each.displayName(), each.id());
            }
            return items;
        }

        @POST
        @Restricted(NoExternalUse.class)
        public ListBoxModel doFillKindItems(@AncestorInPath Item item, @QueryParameter String kind) {
            ListBoxModel items = new ListBoxModel();
            if (!Permissions.canConfigure(item)) {
                items.add(Util.fixNull(kind));
                return items;
            }
            items.add(Messages.BitbucketIntegrationCredentialsImpl_DetectKind(), "");
            for (TokenKind each : TokenKind.values()) {
                items.add(each.platform().displayName() + ": " + each.displayName(), each.id());
            }
            return items;
        }

        /**
         * Asks Bitbucket who the token acts as, through Jenkins' proxy settings, or (for tokens that cannot tell) whether
         * it can read the given repository.
         */
        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doTestConnection(
                @AncestorInPath Item item,
                @QueryParameter String url,
                @QueryParameter Secret token,
                @QueryParameter String username,
                @QueryParameter String platform,
                @QueryParameter String kind,
                @QueryParameter String testRepository) {
            Permissions.checkConfigure(item);
            Validated<Integration> integration = integration(
                    FORM_ID,
                    Util.fixNull(url),
                    token,
                    Util.fixNull(username),
                    Util.fixNull(platform),
                    Util.fixNull(kind));
            if (!integration.isValid()) {
                return FormChecks.all(integration);
            }
            Optional<SourceName> repository;
            try {
                repository = Optional.ofNullable(Util.fixEmptyAndTrim(testRepository))
                        .map(SourceName::parse);
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
            Outcome<Identity> outcome = BitbucketClients.get().checkIntegration(integration.orElseThrow(), repository);
            return outcome instanceof Outcome.Ok<Identity> ok
                    ? connected(ok.value())
                    : FormValidation.error(outcome.message());
        }

        /** Who the token acts as (or which repository it read), and the engine's warnings below it. */
        private static FormValidation connected(Identity identity) {
            List<FormValidation> lines = new ArrayList<>();
            lines.add(FormValidation.ok(Messages.BitbucketIntegrationCredentialsImpl_Connected(identity.describe())));
            for (String warning : identity.warnings()) {
                lines.add(FormValidation.warning(warning));
            }
            return FormValidation.aggregate(lines);
        }
    }
}
