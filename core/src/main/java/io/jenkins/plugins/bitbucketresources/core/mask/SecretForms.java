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
 *   <li>as shells print it: bash {@code '…'\''…'}, POSIX {@code '…'"'"'…'} and busybox ash {@code '…'"''"'…'} quoting,
 *       bash's double quoting ({@code declare -p}), {@code printf %q} backslash escaping, bash {@code $'…'} quoting
 *       (non-ASCII kept or as octal), bash's quoted forms quoted once more as {@code set -x} traces an already quoted
 *       word, the whole bash-quoted word with its quotes, and the secret with its escapes read by {@code echo -e},
 *       {@code printf %b} or dash's {@code echo} (named, octal, hexadecimal and Unicode escapes) or removed from an
 *       unquoted word (backslashes in a shell, carets in {@code cmd.exe});</li>
 *   <li>with {@code $} doubled, as Compose files and Makefiles escape it;</li>
 *   <li>inside a JSON string, as the common encoders escape it ({@code \"}, {@code \\}, {@code \/}, {@code \}{@code uXXXX});</li>
 *   <li>percent-encoded, as RFC 3986, HTML forms, JavaScript's {@code encodeURIComponent} and {@code encodeURI}, and
 *       Python's {@code quote} and {@code quote_plus} do it, with upper- and lower-case hexadecimal digits;</li>
 *   <li>inside base64, standard and URL-safe, at the three byte alignments, with and without padding, and a long
 *       secret's whole base64 broken into lines of 76 or 64 columns;</li>
 *   <li>the HTTP Basic credentials {@code base64(user:secret)} for the secret's username, {@code x-token-auth} and
 *       {@code x-bitbucket-api-token-auth}.</li>
 * </ul>
 * These include every form Jenkins' own masking (credentials-binding) computes for the secret. A form is text; the rare
 * form holding bytes that are not UTF-8 (an octal escape of a byte above 127, decoded) carries each such byte
 * {@code b} as the lone surrogate {@code U+DC00 + b}, which {@link Masker#of} turns back into the byte. Forms shorter
 * than {@value #MIN_FORM_BYTES} bytes are left out: masking them would hide ordinary text and reveal nothing worth
 * hiding.
 */
public final class SecretForms {

    /** Forms shorter than this (in bytes) are not masked. */
    public static final int MIN_FORM_BYTES = 3;

    /** The users Bitbucket accepts in Basic credentials for access tokens and API tokens, whatever the integration's username. */
    static final List<String> TOKEN_USERS = List.of("x-token-auth", "x-bitbucket-api-token-auth");

    private SecretForms() {}

    /** The forms of the secret, each at least {@value #MIN_FORM_BYTES} bytes long, without duplicates; none for an empty secret. */
    public static List<String> of(MaskedSecret secret) {
        String value = secret.value();
        if (value.isEmpty()) {
            return List.of();
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        ShellForms.addAll(value, forms);
        EscapeForms.addAll(value, forms);
        forms.add(value.replace("$", "$$"));
        JsonForms.addAll(value, forms);
        PercentForms.addAll(value, forms);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Base64Forms.addAnywhere(bytes, forms);
        Base64Forms.addWrapped(bytes, forms);
        List<String> users = new ArrayList<>();
        secret.username().ifPresent(users::add);
        users.addAll(TOKEN_USERS);
        for (String user : users) {
            byte[] credentials = (user + ":" + value).getBytes(StandardCharsets.UTF_8);
            Base64Forms.addWhole(credentials, forms);
            Base64Forms.addWrapped(credentials, forms);
        }
        forms.removeIf(form -> FormBytes.encode(form).length < MIN_FORM_BYTES);
        return List.copyOf(forms);
    }
}
