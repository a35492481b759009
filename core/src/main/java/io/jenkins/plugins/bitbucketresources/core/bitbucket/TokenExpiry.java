package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.time.Instant;
import java.util.Objects;

/** What Bitbucket says about when a token stops working. */
public sealed interface TokenExpiry {

    /** Bitbucket gave the token an expiry date; it cannot be changed afterwards. */
    record Expires(Instant at) implements TokenExpiry {
        public Expires {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Bitbucket shows the token's details, and they have no expiry date. */
    record Never() implements TokenExpiry {}

    /**
     * Bitbucket does not tell (Cloud never does; Data Center shows a token's details only to those allowed to read them).
     *
     * @param reason a sentence saying why, for an administrator
     */
    record Unknown(String reason) implements TokenExpiry {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
