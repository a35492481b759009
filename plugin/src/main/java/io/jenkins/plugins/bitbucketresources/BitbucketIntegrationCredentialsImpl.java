package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.plugins.credentials.ContextInPath;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.model.ModelObject;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Identity;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.Outcome;
import io.jenkins.plugins.bitbucketresources.core.health.Concern;
import io.jenkins.plugins.bitbucketresources.core.health.StaticFindings;
import io.jenkins.plugins.bitbucketresources.core.model.ApiUrl;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Platform;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
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
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
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

    static final String TEST_REPOSITORY = "testRepository";

    // Not final, so that readResolve can fill in what a credential saved before a field existed lacks.
    private String url;
    private Secret token;
    private String username;
    private String platform;
    private String kind;
    private String testRepository = "";

    /**
     * @param url the API location; empty for Bitbucket Cloud
     * @param username the username or e-mail address, when the token kind needs one
     * @param platform {@code cloud} or {@code datacenter}; empty to detect it from the URL
     * @param kind the token kind; empty to detect it
     * @throws Descriptor.FormException listing every problem, when the values do not make a working integration; a
     *     form shows it as an error, without a stack trace
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
            @CheckForNull String kind)
            throws Descriptor.FormException {
        super(scope, id, description);
        String given = Util.fixEmptyAndTrim(url);
        this.url = given == null ? ApiUrl.CLOUD_API : given;
        this.token = token;
        this.username = Util.fixNull(username).strip();
        this.platform = Util.fixNull(platform).strip();
        this.kind = Util.fixNull(kind).strip();
        Validated<Integration> integration = toIntegration();
        if (!integration.isValid()) {
            throw new Descriptor.FormException(Problems.describe(integration), Problems.firstField(integration));
        }
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
    public String getTestRepository() {
        return testRepository;
    }

    /**
     * The repository <em>Test connection</em> reads, kept with the credential so that it can be tested again later.
     *
     * @param testRepository {@code workspace/repo} or {@code PROJECT/repo}; empty for none
     * @throws Descriptor.FormException when it is not a repository's source name; a form shows it as an error
     */
    @DataBoundSetter
    public void setTestRepository(@CheckForNull String testRepository) throws Descriptor.FormException {
        String given = Util.fixNull(testRepository).strip();
        if (!given.isEmpty()) {
            try {
                SourceName.parse(given);
            } catch (InvalidValueException e) {
                throw new Descriptor.FormException(
                        Problem.error(TEST_REPOSITORY, e.getMessage()).toString(), TEST_REPOSITORY);
            }
        }
        this.testRepository = given;
    }

    /**
     * A credential saved before a field existed reads it back as null: each is given the value the form gives when it is
     * left empty, so that every getter, and what the engine makes of the credential, is as for a credential saved now.
     * A missing token reads as an empty one, which the engine refuses with a message saying so.
     */
    private Object readResolve() {
        String given = Util.fixEmptyAndTrim(url);
        url = given == null ? ApiUrl.CLOUD_API : given;
        if (token == null) {
            token = Secret.fromString("");
        }
        username = Util.fixNull(username).strip();
        platform = Util.fixNull(platform).strip();
        kind = Util.fixNull(kind).strip();
        testRepository = Util.fixNull(testRepository).strip();
        return this;
    }

    @Restricted(NoExternalUse.class)
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

    /**
     * The form's web methods. Checks of what was typed answer anyone who may post to them: they only read the values
     * sent. Lists and <em>Test connection</em>, which calls Bitbucket, need what saving the form needs: the right to
     * create or update credentials in a store of the form's context. A token sent encrypted is used only under the
     * rule of {@link IntegrationForms#token}.
     */
    @Extension
    @Symbol("bitbucketIntegration")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        static final String ICON = "symbol-bitbucket-integration plugin-bitbucket-resources";

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BitbucketIntegrationCredentialsImpl_DisplayName();
        }

        /** The line under the kind's name where a new credential's kind is chosen. */
        @Override
        public String getDescription() {
            return Messages.BitbucketIntegrationCredentialsImpl_Description();
        }

        /** The plugin's own symbol, {@code images/symbols/bitbucket-integration.svg}. */
        @Override
        public String getIconClassName() {
            return ICON;
        }

        /**
         * The engine's verdict on the URL, then its word on an {@code http://} URL to another machine: the token would
         * cross the network unencrypted. Empty means Bitbucket Cloud.
         */
        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckUrl(@QueryParameter String value) {
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            FormValidation verdict = FormChecks.value(() -> ApiUrl.parse(value));
            if (verdict.kind != FormValidation.Kind.OK) {
                return verdict;
            }
            return StaticFindings.ofUrl(value)
                    .map(Concern::message)
                    .map(FormValidation::warning)
                    .orElse(verdict);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckToken(
                @ContextInPath ModelObject context,
                @QueryParameter String value,
                @QueryParameter String url,
                @QueryParameter String username,
                @QueryParameter String platform,
                @QueryParameter String kind,
                @QueryParameter String id) {
            return check(context, id, "token", url, value, username, platform, kind);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckUsername(
                @ContextInPath ModelObject context,
                @QueryParameter String value,
                @QueryParameter String url,
                @QueryParameter String token,
                @QueryParameter String platform,
                @QueryParameter String kind,
                @QueryParameter String id) {
            return check(context, id, "username", url, token, value, platform, kind);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckPlatform(
                @ContextInPath ModelObject context,
                @QueryParameter String value,
                @QueryParameter String url,
                @QueryParameter String token,
                @QueryParameter String username,
                @QueryParameter String kind,
                @QueryParameter String id) {
            return check(context, id, "platform", url, token, username, value, kind);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckKind(
                @ContextInPath ModelObject context,
                @QueryParameter String value,
                @QueryParameter String url,
                @QueryParameter String token,
                @QueryParameter String username,
                @QueryParameter String platform,
                @QueryParameter String id) {
            return check(context, id, "kind", url, token, username, platform, value);
        }

        /**
         * The engine's verdict on one field, given the others. Says nothing while there is no token yet, or when the
         * token arrived encrypted and may not be decrypted here.
         */
        private static FormValidation check(
                ModelObject context,
                String id,
                String field,
                String url,
                String token,
                String username,
                String platform,
                String kind) {
            Optional<Secret> usable = IntegrationForms.token(context, token, id);
            if (usable.isEmpty() || Secret.toString(usable.get()).isEmpty()) {
                return FormValidation.ok();
            }
            return FormChecks.field(
                    integration(
                            FORM_ID,
                            Util.fixNull(url),
                            usable.get(),
                            Util.fixNull(username),
                            Util.fixNull(platform),
                            Util.fixNull(kind)),
                    field);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckTestRepository(@QueryParameter String value) {
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            return FormChecks.value(() -> SourceName.parse(value));
        }

        @POST
        @Restricted(NoExternalUse.class)
        public ListBoxModel doFillPlatformItems(@ContextInPath ModelObject context, @QueryParameter String platform) {
            return FormChecks.options(IntegrationForms.maySave(context), platform, items -> {
                items.add(Messages.BitbucketIntegrationCredentialsImpl_DetectPlatform(), "");
                for (Platform each : Platform.values()) {
                    items.add(each.displayName(), each.id());
                }
            });
        }

        @POST
        @Restricted(NoExternalUse.class)
        public ListBoxModel doFillKindItems(@ContextInPath ModelObject context, @QueryParameter String kind) {
            return FormChecks.options(IntegrationForms.maySave(context), kind, items -> {
                items.add(Messages.BitbucketIntegrationCredentialsImpl_DetectKind(), "");
                for (TokenKind each : TokenKind.values()) {
                    items.add(
                            Messages.BitbucketIntegrationCredentialsImpl_KindOption(
                                    each.platform().displayName(), each.displayName()),
                            each.id());
                }
            });
        }

        /**
         * Asks Bitbucket who the token acts as, through Jenkins' proxy settings, or (for tokens that cannot tell) whether
         * it can read the given repository. One attempt within a few seconds: a person is waiting on the answer.
         */
        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doTestConnection(
                @ContextInPath ModelObject context,
                @QueryParameter String url,
                @QueryParameter String token,
                @QueryParameter String username,
                @QueryParameter String platform,
                @QueryParameter String kind,
                @QueryParameter String testRepository,
                @QueryParameter String id) {
            IntegrationForms.checkMaySave(context);
            Optional<Secret> usable = IntegrationForms.token(context, token, id);
            if (usable.isEmpty()) {
                return FormValidation.error(Messages.BitbucketIntegrationCredentialsImpl_TypeTheToken());
            }
            Validated<Integration> integration = integration(
                    FORM_ID,
                    Util.fixNull(url),
                    usable.get(),
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
            Outcome<Identity> outcome =
                    BitbucketClients.forForms().checkIntegration(integration.orElseThrow(), repository);
            TokenHealth.get().recordTest(context, id, integration.orElseThrow(), repository, outcome);
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
