package io.jenkins.plugins.bitbucketresources.core.env;

import io.jenkins.plugins.bitbucketresources.core.model.Token;
import java.util.Objects;

/** One environment variable a resource sets. Only the integration token is secret. */
public record Variable(String name, String value, boolean secret) {

    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** {@code NAME=value}, with a secret value shown as {@code ****}. */
    public String display() {
        return name + "=" + (secret ? Token.MASK : value);
    }

    @Override
    public String toString() {
        return display();
    }
}
