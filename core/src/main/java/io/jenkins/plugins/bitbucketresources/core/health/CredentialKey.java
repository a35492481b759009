package io.jenkins.plugins.bitbucketresources.core.health;

import java.util.Objects;

/**
 * Which integration credential a piece of health is about, as the host names it: the credentials ID and the store it
 * lives in (e.g. {@code system}, {@code folder team-a}, {@code user alice}). Never the token: health is kept in memory
 * and shown to administrators, and neither needs it.
 */
public record CredentialKey(String credentialId, String store) implements Comparable<CredentialKey> {

    public CredentialKey {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(store, "store");
        credentialId = credentialId.strip();
        store = store.strip();
        if (credentialId.isEmpty()) {
            throw new IllegalArgumentException("a credential key needs the credentials ID");
        }
        if (store.isEmpty()) {
            throw new IllegalArgumentException(
                    "a credential key needs the store the credential lives in, e.g. `system`");
        }
    }

    /** {@code bitbucket-cloud (system)}. */
    public String describe() {
        return credentialId + " (" + store + ")";
    }

    @Override
    public int compareTo(CredentialKey other) {
        int byId = credentialId.compareTo(other.credentialId);
        return byId != 0 ? byId : store.compareTo(other.store);
    }

    @Override
    public String toString() {
        return describe();
    }
}
