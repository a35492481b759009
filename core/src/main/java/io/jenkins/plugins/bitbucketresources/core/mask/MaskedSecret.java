package io.jenkins.plugins.bitbucketresources.core.mask;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret to keep out of logs: a token and, when its integration has one, the username that goes with it in an HTTP
 * Basic header ({@code base64(username:token)}). {@link #toString()} never shows the value.
 */
public record MaskedSecret(String value, Optional<String> username) {

    public MaskedSecret {
        Objects.requireNonNull(value, "value: pass the secret itself, or an empty string when there is none");
        Objects.requireNonNull(username, "username: pass Optional.empty() when the integration has no username");
        username = username.filter(u -> !u.isEmpty());
    }

    /** A secret without a username. */
    public static MaskedSecret of(String value) {
        return new MaskedSecret(value, Optional.empty());
    }

    /** A secret sent together with this username in HTTP Basic headers. */
    public static MaskedSecret withUsername(String value, String username) {
        return new MaskedSecret(value, Optional.of(username));
    }

    /** An integration's token, with its username when it has one. */
    public static MaskedSecret of(Integration integration) {
        return new MaskedSecret(integration.token().reveal(), integration.username());
    }

    @Override
    public String toString() {
        return "MaskedSecret[value=" + Masker.REPLACEMENT + ", username=" + username.orElse("") + "]";
    }
}
