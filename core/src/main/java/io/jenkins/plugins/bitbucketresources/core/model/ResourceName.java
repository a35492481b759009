package io.jenkins.plugins.bitbucketresources.core.model;

import io.jenkins.plugins.bitbucketresources.core.naming.ReservedVariables;
import io.jenkins.plugins.bitbucketresources.core.naming.VariablePrefix;
import java.util.List;
import java.util.stream.Collectors;

/** A resource's name as written, and the variable prefix it gives. */
public record ResourceName(String value) implements Comparable<ResourceName> {

    public static final String FIELD = "name";
    static final int MAX_LENGTH = 128;

    public ResourceName {
        value = validate(value);
    }

    public static ResourceName of(String raw) {
        return new ResourceName(raw);
    }

    /** The prefix of every variable of this resource, e.g. {@code APPREPO} for {@code app-repo}. */
    public String prefix() {
        return VariablePrefix.of(value).orElseThrow();
    }

    private static String validate(String raw) {
        String name = raw.strip();
        if (name.isEmpty()) {
            throw new InvalidValueException(FIELD, "is empty: name the resource, e.g. `app-repo`");
        }
        if (name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidValueException(FIELD, "`" + name + "` contains whitespace: use letters, digits, `-` and `_`, e.g. `"
                    + name.replaceAll("[\\s\\p{Cntrl}]+", "-") + "`");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidValueException(FIELD, "is " + name.length() + " characters long: keep it to " + MAX_LENGTH);
        }
        String prefix = VariablePrefix.of(name).orElseThrow(() -> new InvalidValueException(FIELD, "`" + name
                + "` gives no variable prefix (only letters, digits and `_` are kept, and leading digits are dropped): "
                + "include at least one letter, e.g. `repo-" + name + "`"));
        List<String> hits = ReservedVariables.collisions(prefix).orElse(List.of());
        if (!hits.isEmpty()) {
            throw new InvalidValueException(FIELD, "`" + name + "` gives the variable prefix `" + prefix + "`, which would overwrite "
                    + "or shadow " + hits.stream().map(h -> "`" + h + "`").collect(Collectors.joining(", ")) + " set by Jenkins, its SCM or the shell: rename the resource, e.g. `"
                    + name + "-repo`");
        }
        return name;
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
