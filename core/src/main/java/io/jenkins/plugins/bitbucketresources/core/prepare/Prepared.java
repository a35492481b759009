package io.jenkins.plugins.bitbucketresources.core.prepare;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of preparing (or selecting) a block: the value with any warnings, or every problem that stops it.
 *
 * @param <T> what is prepared: the block's environment, or the resources selected for it
 */
public sealed interface Prepared<T> {

    /** Every problem, errors first; for {@link Ready} only warnings. */
    List<BlockProblem> problems();

    default List<BlockProblem> errors() {
        return problems().stream().filter(BlockProblem::isError).toList();
    }

    default List<BlockProblem> warnings() {
        return problems().stream().filter(p -> !p.isError()).toList();
    }

    default boolean isReady() {
        return this instanceof Ready;
    }

    record Ready<T>(T value, List<BlockProblem> problems) implements Prepared<T> {
        public Ready {
            Objects.requireNonNull(value, "value");
            problems = List.copyOf(problems);
            if (problems.stream().anyMatch(BlockProblem::isError)) {
                throw new IllegalArgumentException("a prepared block carries warnings only");
            }
        }
    }

    record Refused<T>(List<BlockProblem> problems) implements Prepared<T> {
        public Refused {
            problems = List.copyOf(problems);
            if (problems.stream().noneMatch(BlockProblem::isError)) {
                throw new IllegalArgumentException("a refused block carries at least one error");
            }
        }

        /** Every error's message, one after the other: what a host shows when it has nothing to add. */
        public String message() {
            return errors().stream().map(BlockProblem::message).collect(Collectors.joining("\n"));
        }

        /** The same problems, as the outcome of another step. */
        public <R> Refused<R> retype() {
            return new Refused<>(problems);
        }
    }
}
