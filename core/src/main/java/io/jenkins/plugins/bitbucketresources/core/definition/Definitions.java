package io.jenkins.plugins.bitbucketresources.core.definition;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.ResourceName;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The resources of one scope (a folder or the global configuration) as an administrator wrote them, checked together
 * before they are saved: every problem of every entry, named {@code resources[i].field}, and names defined twice.
 */
public final class Definitions {

    public static final String FIELD = "resources";

    private static final Pattern SEPARATORS = Pattern.compile("\\s+");

    private Definitions() {
    }

    /** The resources when all are valid (warnings kept), or every problem found. */
    public static Validated<List<Resource>> check(List<Validated<Resource>> entries) {
        List<Problem> problems = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = FIELD + "[" + i + "]";
            Validated<Resource> validated = entries.get(i);
            validated.problems().forEach(problem -> problems.add(problem.under(entry)));
            if (validated instanceof Validated.Valid<Resource> valid) {
                Resource resource = valid.value();
                String name = resource.name().value();
                Integer earlier = firstIndex.putIfAbsent(name, i);
                if (earlier != null) {
                    problems.add(Problem.error(entry + "." + ResourceName.FIELD, "`" + name + "` is already defined as " + FIELD + "["
                            + earlier + "] in this scope: rename one of them or remove the duplicate"));
                } else {
                    resources.add(resource);
                }
            }
        }
        return Validated.of(List.copyOf(resources), problems);
    }

    /**
     * Values typed into one form field, separated by whitespace: branch or tag patterns (git refuses whitespace in a ref
     * name, though it allows a comma) or resource names (which have no whitespace either). A blank text gives none.
     */
    public static List<String> split(String text) {
        List<String> values = new ArrayList<>();
        for (String part : SEPARATORS.split(text.strip())) {
            if (!part.isEmpty()) {
                values.add(part);
            }
        }
        return List.copyOf(values);
    }
}
