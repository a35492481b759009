package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The outcome of validating a whole value: the value (perhaps with warnings), or every problem found. */
public sealed interface Validated<T> {

    /** Warnings and errors found; empty for a clean value. */
    List<Problem> problems();

    record Valid<T>(T value, List<Problem> problems) implements Validated<T> {
        public Valid {
            java.util.Objects.requireNonNull(value, "value");
            problems = List.copyOf(problems);
            if (problems.stream().anyMatch(Problem::isError)) {
                throw new IllegalArgumentException("a valid value carries warnings only");
            }
        }
    }

    record Invalid<T>(List<Problem> problems) implements Validated<T> {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.stream().noneMatch(Problem::isError)) {
                throw new IllegalArgumentException("an invalid value carries at least one error");
            }
        }
    }

    static <T> Validated<T> of(T value, List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError) ? new Invalid<>(problems) : new Valid<>(value, problems);
    }

    /**
     * The entries of a list field as a form's lines or a file's list give them, each parsed: blank entries are skipped
     * (a form's empty line), an entry given twice is kept once with a warning, and every problem is named
     * {@code field[i]}.
     *
     * @param parse reads one entry; it throws an {@link InvalidValueException} that says what is wrong with it
     */
    static <T> Validated<List<T>> eachOnce(String field, List<String> raw, Function<String, T> parse) {
        List<Problem> problems = new ArrayList<>();
        Set<T> values = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String entry = raw.get(i);
            if (entry.isBlank()) {
                continue;
            }
            String element = field + "[" + i + "]";
            try {
                T value = parse.apply(entry);
                if (!values.add(value)) {
                    problems.add(Problem.warning(element, "`" + value + "` is listed twice: keep one"));
                }
            } catch (InvalidValueException e) {
                problems.add(Problem.error(element, e.getMessage()));
            }
        }
        return of(List.copyOf(values), problems);
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The value, or an {@link InvalidValueException} listing every error. */
    default T orElseThrow() {
        if (this instanceof Valid<T> valid) {
            return valid.value();
        }
        List<Problem> errors = problems().stream().filter(Problem::isError).toList();
        String field = errors.size() == 1 ? errors.get(0).field() : "";
        throw new InvalidValueException(
                field, errors.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }

    default <R> Validated<R> map(Function<T, R> f) {
        if (this instanceof Valid<T> valid) {
            return new Valid<>(f.apply(valid.value()), valid.problems());
        }
        return new Invalid<>(problems());
    }
}
