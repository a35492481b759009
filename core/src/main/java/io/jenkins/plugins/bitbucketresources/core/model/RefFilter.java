package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which branches or tags a resource follows: only these patterns, except those. Both empty means no filter. Every
 * pattern follows git's ref name rules, none is listed twice, and none is in both lists.
 */
public record RefFilter(List<String> only, List<String> except) {

    public static final RefFilter NONE = new RefFilter(List.of(), List.of());

    public RefFilter {
        List<Problem> problems = new ArrayList<>();
        Patterns checked = check(problems, "", only, except);
        if (!problems.isEmpty()) {
            throw firstOf(problems);
        }
        only = List.copyOf(checked.only());
        except = List.copyOf(checked.except());
    }

    private record Patterns(List<String> only, List<String> except) {}

    /**
     * Validates each pattern and throws for the first bad one; {@code field} is e.g. {@code branches} and the problem
     * names {@code branches.only[1]}.
     */
    public static RefFilter of(String field, List<String> only, List<String> except) {
        List<Problem> problems = new ArrayList<>();
        Optional<RefFilter> filter = collect(problems, field, only, except);
        if (filter.isEmpty()) {
            throw firstOf(problems);
        }
        return filter.get();
    }

    /** Validates every pattern, adding a problem for each bad one; the filter when all are good. */
    static Optional<RefFilter> collect(List<Problem> problems, String field, List<String> only, List<String> except) {
        int before = problems.size();
        Patterns checked = check(problems, field, only, except);
        return problems.size() == before
                ? Optional.of(new RefFilter(checked.only(), checked.except()))
                : Optional.empty();
    }

    private static Patterns check(List<Problem> problems, String field, List<String> only, List<String> except) {
        String prefix = field.isEmpty() ? "" : field + ".";
        List<String> checkedOnly = patterns(problems, prefix + "only", only);
        List<String> checkedExcept = patterns(problems, prefix + "except", except);
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < except.size(); i++) {
            String pattern = except.get(i).strip();
            if (checkedOnly.contains(pattern) && checkedExcept.contains(pattern) && reported.add(pattern)) {
                problems.add(Problem.error(
                        prefix + "except[" + i + "]",
                        "`" + pattern + "` is in both `only` and `except`, so it "
                                + "would be followed and ignored at once: remove it from one of them"));
            }
        }
        return new Patterns(checkedOnly, checkedExcept);
    }

    private static List<String> patterns(List<Problem> problems, String field, List<String> raw) {
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String element = field + "[" + i + "]";
            String value = raw.get(i);
            Integration.attempt(problems, () -> RefNames.checkPattern(element, value))
                    .ifPresent(pattern -> {
                        if (checked.contains(pattern)) {
                            problems.add(Problem.error(element, "`" + pattern + "` is listed twice: remove one"));
                        } else {
                            checked.add(pattern);
                        }
                    });
        }
        return checked;
    }

    private static InvalidValueException firstOf(List<Problem> problems) {
        Problem first = problems.get(0);
        return new InvalidValueException(first.field(), first.message());
    }

    public boolean isEmpty() {
        return only.isEmpty() && except.isEmpty();
    }
}
