package io.jenkins.plugins.bitbucketresources.core.git;

import io.jenkins.plugins.bitbucketresources.core.env.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * git configuration carried by the environment, read by git after every configuration file: {@code GIT_CONFIG_COUNT}
 * pairs of {@code GIT_CONFIG_KEY_<n>} and {@code GIT_CONFIG_VALUE_<n>}, then {@code GIT_CONFIG_PARAMETERS}, the
 * quoted {@code 'key'='value'} list where git keeps what {@code git -c} sets. New entries go after the ones already
 * there, so a nested block, several resources and the user's own entries all stay in force, later ones winning.
 */
final class EnvironmentConfig {

    static final String COUNT = "GIT_CONFIG_COUNT";
    static final String KEY = "GIT_CONFIG_KEY_";
    static final String VALUE = "GIT_CONFIG_VALUE_";
    static final String PARAMETERS = "GIT_CONFIG_PARAMETERS";

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

    private EnvironmentConfig() {}

    /** The entries as numbered pairs after those {@code GIT_CONFIG_COUNT} already counts. */
    static GitEnvironment append(Map<String, String> current, List<Entry> entries) {
        if (entries.isEmpty()) {
            return new GitEnvironment.Added(List.of());
        }
        Optional<GitEnvironment.NotAdded> refused = countRefused(current, entries.size());
        if (refused.isPresent()) {
            return refused.get();
        }
        int next = (int) existingCount(current);
        List<Variable> variables = new ArrayList<>();
        variables.add(new Variable(COUNT, Integer.toString(next + entries.size()), false));
        for (Entry entry : entries) {
            variables.add(new Variable(KEY + next, entry.key(), false));
            variables.add(new Variable(VALUE + next, entry.value(), entry.secret()));
            next++;
        }
        return new GitEnvironment.Added(variables);
    }

    /**
     * The entries at the end of {@code GIT_CONFIG_PARAMETERS}, as git itself appends to it: one variable, never empty,
     * secret when any entry is. git still reads {@code GIT_CONFIG_COUNT} first, and refuses to run when that is broken,
     * so a broken count adds nothing here either.
     */
    static GitEnvironment appendParameters(Map<String, String> current, List<Entry> entries) {
        if (entries.isEmpty()) {
            return new GitEnvironment.Added(List.of());
        }
        Optional<GitEnvironment.NotAdded> refused = countRefused(current, 0);
        if (refused.isPresent()) {
            return refused.get();
        }
        String existing = current.getOrDefault(PARAMETERS, "");
        if (!wellFormed(existing)) {
            // The value is not repeated: it may carry another tool's secret.
            return new GitEnvironment.NotAdded(PARAMETERS
                    + " is not a list of quoted 'key'='value' entries, so git refuses to run " + "(\"bogus format in "
                    + PARAMETERS + "\"): unset it, or set it the way `git -c` does" + NO_CREDENTIALS);
        }
        StringBuilder value = new StringBuilder(existing);
        for (Entry entry : entries) {
            if (value.length() > 0) {
                value.append(' ');
            }
            value.append(quote(entry.key())).append('=').append(quote(entry.value()));
        }
        boolean secret = entries.stream().anyMatch(Entry::secret);
        return new GitEnvironment.Added(List.of(new Variable(PARAMETERS, value.toString(), secret)));
    }

    /** Why git would refuse to run with {@code current}'s {@code GIT_CONFIG_COUNT} once {@code adding} more are counted. */
    private static Optional<GitEnvironment.NotAdded> countRefused(Map<String, String> current, int adding) {
        String raw = current.get(COUNT);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        Matcher number = NUMBER.matcher(raw);
        if (!number.matches()) {
            return Optional.of(new GitEnvironment.NotAdded(
                    COUNT + " is `" + raw + "`, which is not a number, so git refuses to run "
                            + "(\"bogus count in " + COUNT + "\"): set it to the number of " + KEY + "<n>/" + VALUE
                            + "<n> pairs, or unset it"
                            + NO_CREDENTIALS));
        }
        long existing = existingCount(current);
        if (existing > Integer.MAX_VALUE - (long) adding) {
            return Optional.of(new GitEnvironment.NotAdded(COUNT + " is " + digits(number)
                    + ", more entries than git accepts (\"too many " + "entries in " + COUNT
                    + "\"): set it to the number of " + KEY + "<n>/" + VALUE + "<n> pairs" + NO_CREDENTIALS));
        }
        for (int i = 0; i < existing; i++) {
            for (String stem : List.of(KEY, VALUE)) {
                if (!current.containsKey(stem + i)) {
                    return Optional.of(new GitEnvironment.NotAdded(
                            COUNT + " is " + existing + ", but " + stem + i + " is not set, so git "
                                    + "refuses to run (\"missing config " + (stem.equals(KEY) ? "key " : "value ")
                                    + stem + i + "\"): set it, or "
                                    + "lower " + COUNT + NO_CREDENTIALS));
                }
            }
        }
        return Optional.empty();
    }

    /** How many entries {@code GIT_CONFIG_COUNT} counts; {@link Long#MAX_VALUE} for more than git could ever read. */
    private static long existingCount(Map<String, String> current) {
        String raw = current.get(COUNT);
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        Matcher number = NUMBER.matcher(raw);
        if (!number.matches()) {
            throw new IllegalStateException("the count was checked before");
        }
        String digits = digits(number);
        return digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static String digits(Matcher number) {
        return number.group(1).replaceFirst("^0+(?=.)", "");
    }

    /** A word git reads back from {@code GIT_CONFIG_PARAMETERS}: single quotes, {@code '} and {@code !} written as git does. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '!') {
                quoted.append("'\\").append(c).append('\'');
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('\'').toString();
    }

    /**
     * Whether git reads {@code value} as its list of {@code git -c} entries: quoted words separated by blanks, each
     * {@code 'key=value'}, {@code 'key'='value'} or {@code 'key'=}, as git's own parser of that variable accepts them.
     */
    static boolean wellFormed(String value) {
        int at = 0;
        while (at < value.length()) {
            int afterKey = word(value, at);
            if (afterKey < 0) {
                return false;
            }
            at = afterKey;
            if (at < value.length() && value.charAt(at) == '=') {
                at++;
                if (at < value.length() && value.charAt(at) == '\'') {
                    at = word(value, at);
                    if (at < 0) {
                        return false;
                    }
                }
            }
            if (at < value.length() && !blank(value.charAt(at))) {
                return false;
            }
            while (at < value.length() && blank(value.charAt(at))) {
                at++;
            }
        }
        return true;
    }

    /** The end of the quoted word that starts at {@code from}, as git's {@code sq_dequote_step} reads it; -1 for none. */
    private static int word(String text, int from) {
        if (from >= text.length() || text.charAt(from) != '\'') {
            return -1;
        }
        int at = from + 1;
        while (true) {
            int close = text.indexOf('\'', at);
            if (close < 0) {
                return -1;
            }
            int after = close + 1;
            // '\'' and '\!' continue the word with a quote or an exclamation mark.
            if (after + 2 < text.length()
                    && text.charAt(after) == '\\'
                    && (text.charAt(after + 1) == '\'' || text.charAt(after + 1) == '!')
                    && text.charAt(after + 2) == '\'') {
                at = after + 3;
                continue;
            }
            return after;
        }
    }

    /** What C's {@code isspace} calls a blank. */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
