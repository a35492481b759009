package io.jenkins.plugins.bitbucketresources.core.git;

import io.jenkins.plugins.bitbucketresources.core.env.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * git configuration carried by the environment: {@code GIT_CONFIG_COUNT} pairs of {@code GIT_CONFIG_KEY_<n>} and
 * {@code GIT_CONFIG_VALUE_<n>}, read by git after every configuration file. New entries go after the ones already
 * there, so a nested block, several resources and the user's own entries all stay in force, later ones winning.
 */
final class EnvironmentConfig {

    static final String COUNT = "GIT_CONFIG_COUNT";
    static final String KEY = "GIT_CONFIG_KEY_";
    static final String VALUE = "GIT_CONFIG_VALUE_";

    /** git reads the count with {@code strtoul}: blanks and a {@code +} may lead, nothing may follow the digits. */
    private static final Pattern NUMBER = Pattern.compile("[ \\t\\n\\x0B\\f\\r]*\\+?([0-9]+)");
    private static final String NO_CREDENTIALS = "; until then git over HTTPS gets no credentials from the resources";

    /** One configuration entry; {@code secret} when its value carries a token. */
    record Entry(String key, String value, boolean secret) {
        Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    private EnvironmentConfig() {
    }

    static GitEnvironment append(Map<String, String> current, List<Entry> entries) {
        if (entries.isEmpty()) {
            return new GitEnvironment.Added(List.of());
        }
        String raw = current.get(COUNT);
        long existing = 0;
        if (raw != null && !raw.isEmpty()) {
            Matcher number = NUMBER.matcher(raw);
            if (!number.matches()) {
                return new GitEnvironment.NotAdded(COUNT + " is `" + raw + "`, which is not a number, so git refuses to run (\"bogus count in "
                        + COUNT + "\"): set it to the number of " + KEY + "<n>/" + VALUE + "<n> pairs, or unset it" + NO_CREDENTIALS);
            }
            String digits = number.group(1).replaceFirst("^0+(?=.)", "");
            existing = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
            if (existing > Integer.MAX_VALUE - (long) entries.size()) {
                return new GitEnvironment.NotAdded(COUNT + " is " + digits + ", more entries than git accepts (\"too many entries in "
                        + COUNT + "\"): set it to the number of " + KEY + "<n>/" + VALUE + "<n> pairs" + NO_CREDENTIALS);
            }
            for (int i = 0; i < existing; i++) {
                for (String stem : List.of(KEY, VALUE)) {
                    if (!current.containsKey(stem + i)) {
                        return new GitEnvironment.NotAdded(COUNT + " is " + existing + ", but " + stem + i + " is not set, so git refuses "
                                + "to run (\"missing config " + (stem.equals(KEY) ? "key " : "value ") + stem + i + "\"): set it, or lower "
                                + COUNT + NO_CREDENTIALS);
                    }
                }
            }
        }
        int next = (int) existing;
        List<Variable> variables = new ArrayList<>();
        variables.add(new Variable(COUNT, Integer.toString(next + entries.size()), false));
        for (Entry entry : entries) {
            variables.add(new Variable(KEY + next, entry.key(), false));
            variables.add(new Variable(VALUE + next, entry.value(), entry.secret()));
            next++;
        }
        return new GitEnvironment.Added(variables);
    }
}
