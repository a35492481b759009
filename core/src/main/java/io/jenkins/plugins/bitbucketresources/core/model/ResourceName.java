package io.jenkins.plugins.bitbucketresources.core.model;

import io.jenkins.plugins.bitbucketresources.core.naming.ReservedVariables;
import io.jenkins.plugins.bitbucketresources.core.naming.VariablePrefix;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A resource's name as written, and the variable prefix it gives. */
public record ResourceName(String value) implements Comparable<ResourceName> {

    public static final String FIELD = "name";
    static final int MAX_LENGTH = 128;

    /** What {@link #suggestFor(String)} falls back to when nothing of the name written can be kept. */
    static final String FALLBACK = "app-repo";

    public ResourceName {
        Optional<String> problem = validate(value, true);
        if (problem.isPresent()) {
            throw new InvalidValueException(FIELD, problem.get());
        }
        value = value.strip();
    }

    public static ResourceName of(String raw) {
        return new ResourceName(raw);
    }

    /** The prefix of every variable of this resource, e.g. {@code APPREPO} for {@code app-repo}. */
    public String prefix() {
        return VariablePrefix.of(value).orElseThrow();
    }

    /**
     * A valid name as close to what was written as the rules allow, for the "e.g." of a refusal: every run of
     * characters other than ASCII letters, digits, {@code -} and {@code _} becomes one {@code -}, the result is cut to
     * the longest length allowed, {@code repo-} goes in front when no letter is left, and {@code -repo} goes behind when
     * the prefix would reach into a variable Jenkins, its SCM or the shell sets.
     */
    public static String suggestFor(String raw) {
        String name = raw.strip().replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        name = cut(name);
        if (VariablePrefix.of(name).isEmpty()) {
            name = cut(name.isEmpty() ? "repo" : "repo-" + name);
        }
        if (VariablePrefix.of(name).flatMap(ReservedVariables::collisions).isPresent()) {
            name = cut(name.substring(0, Math.min(name.length(), MAX_LENGTH - "-repo".length())) + "-repo");
        }
        return validate(name, false).isEmpty() ? name : FALLBACK;
    }

    private static String cut(String name) {
        String cut = name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
        return cut.replaceAll("-+$", "");
    }

    /** What is wrong with a name, or empty when it is valid; with {@code hints}, each refusal suggests a valid name. */
    private static Optional<String> validate(String raw, boolean hints) {
        String name = raw.strip();
        Supplier<String> example = () -> hints ? suggestFor(name) : FALLBACK;
        if (name.isEmpty()) {
            return Optional.of("is empty: name the resource, e.g. `" + FALLBACK + "`");
        }
        if (name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("`" + name + "` contains whitespace: use letters, digits, `-` and `_`, e.g. `"
                    + example.get() + "`");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is " + name.length() + " characters long: keep it to " + MAX_LENGTH);
        }
        Optional<String> prefix = VariablePrefix.of(name);
        if (prefix.isEmpty()) {
            return Optional.of("`" + name
                    + "` gives no variable prefix (only letters, digits and `_` are kept, and leading digits are "
                    + "dropped): include at least one letter, e.g. `" + example.get() + "`");
        }
        List<String> hits = ReservedVariables.collisions(prefix.get()).orElse(List.of());
        if (!hits.isEmpty()) {
            return Optional.of(
                    "`" + name + "` gives the variable prefix `" + prefix.get() + "`, which would overwrite or shadow "
                            + hits.stream().map(h -> "`" + h + "`").collect(Collectors.joining(", "))
                            + " set by Jenkins, its SCM or the shell: "
                            + "rename the resource, e.g. `" + example.get() + "`");
        }
        return Optional.empty();
    }

    @Override
    public int compareTo(ResourceName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
