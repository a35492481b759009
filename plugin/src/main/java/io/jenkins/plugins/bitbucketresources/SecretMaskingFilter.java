package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.mask.MaskedSecret;
import io.jenkins.plugins.bitbucketresources.core.mask.Masker;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Masks every form of the integrations' tokens in a build's console output. It keeps the tokens encrypted, each with
 * the username an HTTP Basic header pairs it with, and wherever it runs (on an agent, or after a restart) has the
 * engine work out their forms and build its masker from them. The forms themselves are never stored: a few of them
 * hold bytes that are not UTF-8, which no stored text keeps as they are.
 */
final class SecretMaskingFilter extends ConsoleLogFilter implements Serializable {

    private static final long serialVersionUID = 2L;

    private final ArrayList<Kept> secrets;
    private transient volatile Masker masker;

    SecretMaskingFilter(@NonNull List<Integration> integrations) {
        this.secrets = new ArrayList<>();
        for (Integration integration : integrations) {
            secrets.add(new Kept(
                    Secret.fromString(integration.token().reveal()),
                    integration.username().orElse("")));
        }
    }

    /** The run is not used: the filter also decorates logs where there is none, such as a Pipeline block's. */
    @SuppressWarnings("rawtypes") // the signature of ConsoleLogFilter
    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        Masker current = masker();
        return current.isEmpty() ? logger : current.wrap(logger);
    }

    /** The text with every form masked, for an exception message. */
    @NonNull
    String mask(@NonNull String text) {
        Masker current = masker();
        return current.isEmpty() ? text : current.mask(text);
    }

    private Masker masker() {
        Masker current = masker;
        if (current == null) {
            List<MaskedSecret> plain = new ArrayList<>(secrets.size());
            for (Kept kept : secrets) {
                plain.add(kept.reveal());
            }
            current = Masker.forSecrets(plain);
            masker = current;
        }
        return current;
    }

    /** One token, encrypted, and the username that goes with it; empty when the integration has none. */
    private static final class Kept implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Secret token;
        private final String username;

        Kept(Secret token, String username) {
            this.token = token;
            this.username = username;
        }

        MaskedSecret reveal() {
            return new MaskedSecret(token.getPlainText(), Optional.ofNullable(username));
        }
    }
}
