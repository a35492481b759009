package io.jenkins.plugins.bitbucketresources.core.git;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import java.io.Serializable;

/**
 * How git proves itself to a resource's repository over HTTPS. Neither form holds the token: it is read from the
 * resource's token variable, by the credential helper's shell when git asks, or when the environment is extended.
 */
public sealed interface GitCredential extends Serializable {

    /** Basic authentication: a credential helper answers with this user name and the token. */
    record Basic(String username) implements GitCredential {
        public Basic {
            username = Integration.checkUsername(username);
            if (username.isEmpty()) {
                throw new IllegalArgumentException("Basic authentication needs a user name");
            }
        }
    }

    /** An {@code Authorization: Bearer} header, for tokens that accept nothing else (Data Center project tokens). */
    record Bearer() implements GitCredential {}
}
