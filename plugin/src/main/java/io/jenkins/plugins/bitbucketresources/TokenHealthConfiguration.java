package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import io.jenkins.plugins.bitbucketresources.core.health.HealthSettings;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * How token health is kept up to date: whether integrations are also checked in the background (off by default: what
 * builds learn costs no request), at most how often, and how long before a known expiry date a token is shown as
 * expiring. The engine's {@link HealthSettings} decides what is allowed.
 */
@Extension
@Symbol("bitbucketTokenHealth")
public final class TokenHealthConfiguration extends GlobalConfiguration {

    private boolean periodicCheck = HealthSettings.DEFAULTS.periodicCheck();
    private int checkIntervalMinutes =
            (int) HealthSettings.DEFAULTS.checkInterval().toMinutes();
    private int expiryWarningDays =
            (int) HealthSettings.DEFAULTS.expiryWarning().toDays();

    public TokenHealthConfiguration() {
        load();
    }

    @NonNull
    public static TokenHealthConfiguration get() {
        return ExtensionList.lookupSingleton(TokenHealthConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.TokenHealthConfiguration_DisplayName();
    }

    /** The settings for the engine. */
    @NonNull
    public HealthSettings settings() {
        return HealthSettings.of(periodicCheck, checkIntervalMinutes, expiryWarningDays);
    }

    public boolean isPeriodicCheck() {
        return periodicCheck;
    }

    @DataBoundSetter
    public void setPeriodicCheck(boolean periodicCheck) {
        this.periodicCheck = periodicCheck;
        save();
    }

    public int getCheckIntervalMinutes() {
        return checkIntervalMinutes;
    }

    /** @throws InvalidValueException when the engine refuses the value, in which case nothing changes */
    @DataBoundSetter
    public void setCheckIntervalMinutes(int checkIntervalMinutes) {
        HealthSettings.of(periodicCheck, checkIntervalMinutes, expiryWarningDays);
        this.checkIntervalMinutes = checkIntervalMinutes;
        save();
    }

    public int getExpiryWarningDays() {
        return expiryWarningDays;
    }

    /** @throws InvalidValueException when the engine refuses the value, in which case nothing changes */
    @DataBoundSetter
    public void setExpiryWarningDays(int expiryWarningDays) {
        HealthSettings.of(periodicCheck, checkIntervalMinutes, expiryWarningDays);
        this.expiryWarningDays = expiryWarningDays;
        save();
    }

    /** Takes the three values together, and keeps what was saved when the engine refuses any of them. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        boolean check = json.optBoolean("periodicCheck");
        int interval = number(json, HealthSettings.CHECK_INTERVAL_FIELD);
        int warning = number(json, HealthSettings.EXPIRY_WARNING_FIELD);
        try {
            HealthSettings.of(check, interval, warning);
        } catch (InvalidValueException e) {
            throw new FormException(e.toProblem().toString(), e.field());
        }
        this.periodicCheck = check;
        this.checkIntervalMinutes = interval;
        this.expiryWarningDays = warning;
        save();
        return true;
    }

    private static int number(JSONObject json, String field) throws FormException {
        String text = json.optString(field).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new FormException(Messages.TokenHealthConfiguration_NotANumber(field, text), field);
        }
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckCheckIntervalMinutes(@QueryParameter String value) {
        return check(value, HealthSettings.CHECK_INTERVAL_FIELD);
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckExpiryWarningDays(@QueryParameter String value) {
        return check(value, HealthSettings.EXPIRY_WARNING_FIELD);
    }

    private static FormValidation check(String value, String field) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        String text = value == null ? "" : value.strip();
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.TokenHealthConfiguration_NotANumber(field, text));
        }
        int interval = field.equals(HealthSettings.CHECK_INTERVAL_FIELD)
                ? number
                : (int) HealthSettings.DEFAULTS.checkInterval().toMinutes();
        int warning = field.equals(HealthSettings.EXPIRY_WARNING_FIELD)
                ? number
                : (int) HealthSettings.DEFAULTS.expiryWarning().toDays();
        return FormChecks.value(() -> HealthSettings.of(false, interval, warning));
    }
}
