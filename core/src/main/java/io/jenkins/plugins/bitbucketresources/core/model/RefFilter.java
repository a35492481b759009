package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which branches or tags a resource follows: only these patterns, except those. Both empty means no filter. */
public record RefFilter(List<String> only, List<String> except) {

    public static final RefFilter NONE = new RefFilter(List.of(), List.of());

    public RefFilter {
        only = List.copyOf(only);
        except = List.copyOf(except);
    }

    /**
     * Validates each pattern and throws for the first bad one; {@code field} is e.g. {@code branches} and the problem
     * names {@code branches.only[1]}.
     */
    public static RefFilter of(String field, List<String> only, List<String> except) {
        List<Problem> problems = new ArrayList<>();
        Optional<RefFilter> filter = collect(problems, field, only, except);
        if (filter.isEmpty()) {
            Problem first = problems.get(0);
            throw new InvalidValueException(first.field(), first.message());
        }
        return filter.get();
    }

    /** Validates every pattern, adding a problem for each bad one; the filter when all are good. */
    static Optional<RefFilter> collect(List<Problem> problems, String field, List<String> only, List<String> except) {
        int before = problems.size();
        List<String> checkedOnly = patterns(problems, field + ".only", only);
        List<String> checkedExcept = patterns(problems, field + ".except", except);
        return problems.size() == before ? Optional.of(new RefFilter(checkedOnly, checkedExcept)) : Optional.empty();
    }

    private static List<String> patterns(List<Problem> problems, String field, List<String> raw) {
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String element = field + "[" + i + "]";
            String value = raw.get(i);
            Integration.attempt(problems, () -> RefNames.checkPattern(element, value)).ifPresent(pattern -> {
                if (checked.contains(pattern)) {
                    problems.add(Problem.error(element, "`" + pattern + "` is listed twice: remove one"));
                } else {
                    checked.add(pattern);
                }
            });
        }
        return checked;
    }

    public boolean isEmpty() {
        return only.isEmpty() && except.isEmpty();
    }
}
