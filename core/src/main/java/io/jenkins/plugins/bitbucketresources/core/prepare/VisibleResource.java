package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.policy.UseDecision;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.List;
import java.util.Objects;

/**
 * A name as a job sees it: the nearest definition of that name, which is usable, broken, or (when the job and the
 * policy are known) refused to the job, where it is, and the farther scopes whose definitions of the same name it
 * hides. A broken or refused nearest definition is never replaced by a farther one: the job fails with what to fix,
 * rather than quietly using another repository, and a policy cannot be sidestepped by the order of definitions.
 */
public sealed interface VisibleResource {

    String name();

    /** Where the winning definition is. */
    DefinitionRef definition();

    /** The farther scopes that also define the name, nearest first. */
    List<Scope> hides();

    /** For a list or a log line: {@code app-repo (folder team-a, hiding global)}, and for a broken one what is wrong. */
    String describe();

    default Scope scope() {
        return definition().scope();
    }

    /** A valid definition's resource must come from where the definition is. */
    private static void checkFound(ResolvedResource resolved, DefinitionRef definition) {
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(definition, "definition");
        if (!resolved.scope().equals(definition.scope())) {
            throw new IllegalArgumentException(
                    "the resource comes from " + resolved.scope().describe() + ", not "
                            + definition.scope().describe());
        }
    }

    /** The nearest definition is valid: the job gets it, or the use policy refuses it to the job. */
    sealed interface Valid extends VisibleResource {

        /** The resource as the job would get it. */
        ResolvedResource resolved();

        @Override
        default String name() {
            return resolved().resource().name().value();
        }

        @Override
        default List<Scope> hides() {
            return resolved().shadows();
        }
    }

    /**
     * The nearest definition is valid: this is the resource the job gets. One with {@code onlyOwnCheckout}
     * ({@code resolved().resource().access()}) still needs the build to check its repository out first.
     */
    record Usable(ResolvedResource resolved, DefinitionRef definition) implements Valid {
        public Usable {
            checkFound(resolved, definition);
        }

        @Override
        public String describe() {
            return resolved.describe();
        }
    }

    /**
     * The nearest definition is valid, but the use policy refuses it to the job by the job's name
     * ({@code globalResourcesFolders} or {@code allowedJobs}).
     *
     * @param refusal the rule and the one line a job that asks for this name is told
     */
    record Refused(ResolvedResource resolved, DefinitionRef definition, UseDecision.Refused refusal) implements Valid {
        public Refused {
            checkFound(resolved, definition);
            Objects.requireNonNull(refusal, "refusal");
        }

        /** {@code deploy (folder team-a): refused to this job by allowedJobs}. */
        @Override
        public String describe() {
            return resolved.describe() + ": " + Messages.refusedShort(refusal.rule());
        }

        /** What a job that asks for this name is told: one line naming the resource, where it is defined and the rule. */
        public String message() {
            return refusal.message();
        }
    }

    /**
     * The nearest definition is not valid: the name cannot be used until it is fixed.
     *
     * @param problems what is wrong with the definition, by field
     */
    record Broken(String name, DefinitionRef definition, List<Scope> hides, List<Problem> problems)
            implements VisibleResource {
        public Broken {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(definition, "definition");
            hides = List.copyOf(hides);
            problems = List.copyOf(problems);
        }

        @Override
        public String describe() {
            return ResolvedResource.describe(name, definition.scope(), hides) + ": " + Messages.BROKEN_SHORT;
        }

        /** What a job that asks for this name is told. */
        public String message() {
            return Messages.broken(this);
        }
    }
}
