package io.jenkins.plugins.bitbucketresources.core.env;

import io.jenkins.plugins.bitbucketresources.core.model.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One environment variable a resource sets. Only the integration token is secret. */
public record Variable(String name, String value, boolean secret) {

    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Name to value, in the order given. */
    public static Map<String, String> asMap(List<Variable> variables) {
        Map<String, String> map = new LinkedHashMap<>();
        variables.forEach(v -> map.put(v.name(), v.value()));
        return map;
    }

    /** The names of the secret ones, e.g. to tell Pipeline which ones not to interpolate. */
    public static List<String> secretNames(List<Variable> variables) {
        return variables.stream().filter(Variable::secret).map(Variable::name).toList();
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
