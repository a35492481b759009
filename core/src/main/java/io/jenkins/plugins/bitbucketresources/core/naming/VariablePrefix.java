package io.jenkins.plugins.bitbucketresources.core.naming;

import java.util.Locale;
import java.util.Optional;

/**
 * The prefix of a resource's environment variables: the name without every character outside
 * {@code [A-Za-z0-9_]}, without leading digits, upper-cased. {@code my-repo} gives {@code MYREPO}, {@code my_repo}
 * gives {@code MY_REPO}, {@code 2fast} gives {@code FAST}.
 */
public final class VariablePrefix {

    private VariablePrefix() {}

    /** The prefix of a name, or empty when nothing is left of it. */
    public static Optional<String> of(String name) {
        StringBuilder prefix = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean word = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            if (!word || (prefix.length() == 0 && c >= '0' && c <= '9')) {
                continue;
            }
            prefix.append(c);
        }
        return prefix.length() == 0
                ? Optional.empty()
                : Optional.of(prefix.toString().toUpperCase(Locale.ROOT));
    }
}
