package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.bitbucketresources.core.mask.Masker;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks every form of the tokens in a build's console output. The forms are worked out on the controller and kept
 * encrypted; the engine's masker is rebuilt from them wherever the filter runs (on an agent, or after a restart).
 */
final class SecretMaskingFilter extends ConsoleLogFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ArrayList<Secret> forms;
    private transient volatile Masker masker;

    SecretMaskingFilter(@NonNull List<String> forms) {
        this.forms = new ArrayList<>();
        for (String form : forms) {
            this.forms.add(Secret.fromString(form));
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
            List<String> plain = new ArrayList<>(forms.size());
            for (Secret form : forms) {
                plain.add(form.getPlainText());
            }
            current = Masker.of(plain);
            masker = current;
        }
        return current;
    }
}
