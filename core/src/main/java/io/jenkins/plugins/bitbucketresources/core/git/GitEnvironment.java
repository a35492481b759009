package io.jenkins.plugins.bitbucketresources.core.git;

import io.jenkins.plugins.bitbucketresources.core.env.Variable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What git authentication adds to an environment, or why it adds nothing. */
public sealed interface GitEnvironment {

    /**
     * Variables to set on top of the environment they were computed from: {@code GIT_CONFIG_COUNT} and the
     * {@code GIT_CONFIG_KEY_<n>}/{@code GIT_CONFIG_VALUE_<n>} pairs after those already there. A value carrying a Bearer
     * header is secret: mask it, and declare its name sensitive where the host can.
     */
    record Added(List<Variable> variables) implements GitEnvironment {
        public Added {
            variables = List.copyOf(variables);
        }

        public Map<String, String> asMap() {
            return Variable.asMap(variables);
        }

        public List<String> secretNames() {
            return Variable.secretNames(variables);
        }
    }

    /**
     * Nothing is added because the environment's own git configuration is broken in a way git refuses anyway; the
     * message says what and how to fix it, for the host to show as a warning.
     */
    record NotAdded(String message) implements GitEnvironment {
        public NotAdded {
            Objects.requireNonNull(message, "message");
        }
    }
}
