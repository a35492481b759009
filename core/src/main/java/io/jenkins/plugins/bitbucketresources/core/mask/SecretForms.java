package io.jenkins.plugins.bitbucketresources.core.mask;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every encoded form in which a secret can reach a log:
 * <ul>
 *   <li>the secret itself;</li>
 *   <li>as shells print it: bash {@code '…'\''…'} and POSIX {@code '…'"'"'…'} quoting, {@code printf %q} backslash
 *       escaping, bash {@code $'…'} quoting (non-ASCII kept or as octal), and with its backslash escapes interpreted
 *       ({@code echo -e}) or removed (an unquoted word);</li>
 *   <li>with {@code $} doubled, as Compose files and Makefiles escape it;</li>
 *   <li>percent-encoded (URL and form encoding, upper- and lower-case hex);</li>
 *   <li>inside base64, standard and URL-safe, at the three byte alignments, with and without padding, and a long
 *       secret's whole base64 broken into lines of 76 or 64 columns;</li>
 *   <li>the HTTP Basic credentials {@code base64(user:secret)} for the secret's username, {@code x-token-auth} and
 *       {@code x-bitbucket-api-token-auth}.</li>
 * </ul>
 * Forms shorter than {@value #MIN_FORM_BYTES} bytes are left out: masking them would hide ordinary text and reveal
 * nothing worth hiding.
 */
public final class SecretForms {

    /** Forms shorter than this (in UTF-8 bytes) are not masked. */
    public static final int MIN_FORM_BYTES = 3;

    /** The users Bitbucket accepts in Basic credentials for access tokens and API tokens, whatever the integration's username. */
    static final List<String> TOKEN_USERS = List.of("x-token-auth", "x-bitbucket-api-token-auth");

    private SecretForms() {
    }

    /** The forms of the secret, each at least {@value #MIN_FORM_BYTES} bytes long, without duplicates; none for an empty secret. */
    public static List<String> of(MaskedSecret secret) {
        String value = secret.value();
        if (value.isEmpty()) {
            return List.of();
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        forms.add(ShellForms.bashSingleQuoted(value));
        forms.add(ShellForms.posixSingleQuoted(value));
        forms.add(ShellForms.backslashEscaped(value));
        forms.add(ShellForms.ansiCQuoted(value, false));
        forms.add(ShellForms.ansiCQuoted(value, true));
        forms.add(ShellForms.escapesInterpreted(value));
        forms.add(ShellForms.backslashesRemoved(value));
        forms.add(value.replace("$", "$$"));
        for (boolean upperCase : new boolean[] {true, false}) {
            forms.add(PercentForms.url(value, upperCase));
            forms.add(PercentForms.form(value, upperCase));
        }
        Base64Forms.addAnywhere(value.getBytes(StandardCharsets.UTF_8), forms);
        Base64Forms.addWrapped(value.getBytes(StandardCharsets.UTF_8), forms);
        List<String> users = new ArrayList<>();
        secret.username().ifPresent(users::add);
        users.addAll(TOKEN_USERS);
        for (String user : users) {
            Base64Forms.addWhole((user + ":" + value).getBytes(StandardCharsets.UTF_8), forms);
            Base64Forms.addWrapped((user + ":" + value).getBytes(StandardCharsets.UTF_8), forms);
        }
        forms.removeIf(form -> form.getBytes(StandardCharsets.UTF_8).length < MIN_FORM_BYTES);
        return List.copyOf(forms);
    }
}
