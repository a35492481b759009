package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.policy.UseDecision;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that stops a block from being prepared (or, for a {@link Severity#WARNING}, is worth saying), as a value:
 * what kind of problem it is, which resources it concerns, the definition it is about when there is one, the field
 * problems behind it, and a message that says what is wrong and how to fix it. The message is the same in every host
 * and names no host's syntax; a host may add its own hint after it (see {@link Kind}).
 *
 * @param resources the names concerned, as asked for or as defined; empty when the problem is about the request
 * @param definition the definition concerned, for {@link Kind#BROKEN_DEFINITION} and {@link Kind#POLICY_REFUSED}
 * @param details the field problems behind the message: of the definition ({@link Kind#BROKEN_DEFINITION}) or of the
 *     integration ({@link Kind#INTEGRATION_INVALID}, {@link Kind#INTEGRATION_MISMATCH}); already part of the message
 * @param rule the rule of the use policy that refused the resource, for {@link Kind#POLICY_REFUSED} only
 */
public record BlockProblem(
        Kind kind,
        List<String> resources,
        Optional<DefinitionRef> definition,
        List<Problem> details,
        Optional<UseDecision.Rule> rule,
        String message) {

    /** Whether a problem stops the block. */
    public enum Severity {
        ERROR,
        WARNING
    }

    /** What went wrong, so that a host can add its own hint or choose an exit code. */
    public enum Kind {
        /** No name was asked for. */
        NO_NAMES,
        /** A blank name was asked for. */
        EMPTY_NAME,
        /** A name was asked for twice. */
        NAMED_TWICE,
        /** One or more names are not visible to the job; one problem for all of them, listing what the job sees. */
        UNKNOWN_NAMES,
        /** The nearest definition of a name asked for is not valid. */
        BROKEN_DEFINITION,
        /** No integration with the resource's integration ID is available. */
        INTEGRATION_MISSING,
        /** The ID names something that is not a Bitbucket integration (a credential of another kind). */
        INTEGRATION_WRONG_KIND,
        /** The integration exists but is not valid. */
        INTEGRATION_INVALID,
        /** The resource's repository cannot be reached through its integration (a source name of the other platform). */
        INTEGRATION_MISMATCH,
        /** The resource asks for its commit, but the commit cannot be looked up (no single branch). */
        COMMIT_REFUSED,
        /** Bitbucket did not give the commit (not found, token refused, unreachable, …). */
        COMMIT_FAILED,
        /** Bitbucket did not give the commit within the request's time limit. */
        COMMIT_TIMEOUT,
        /** The resources' variables would overwrite each other or variables Jenkins, its SCM or the shell set. */
        COLLISION,
        /**
         * The use policy refuses the resource to the job ({@code globalResourcesFolders}, {@code allowedJobs},
         * {@code onlyOwnCheckout}; see {@link BlockProblem#rule()}): one line naming the resource, where it is defined and
         * the rule. Its integration is not looked up when the job's name alone refuses it.
         */
        POLICY_REFUSED,
        /** A warning: names the job sees but did not ask for have broken definitions. */
        BROKEN_ELSEWHERE;

        public Severity severity() {
            return this == BROKEN_ELSEWHERE ? Severity.WARNING : Severity.ERROR;
        }
    }

    public BlockProblem {
        Objects.requireNonNull(kind, "kind");
        resources = List.copyOf(resources);
        Objects.requireNonNull(definition, "definition");
        details = List.copyOf(details);
        Objects.requireNonNull(rule, "rule");
        if (rule.isPresent() != (kind == Kind.POLICY_REFUSED)) {
            throw new IllegalArgumentException("a rule goes with a refusal by the use policy only, not with " + kind);
        }
        Objects.requireNonNull(message, "message");
    }

    /** A problem that no rule of the use policy is behind. */
    public BlockProblem(
            Kind kind,
            List<String> resources,
            Optional<DefinitionRef> definition,
            List<Problem> details,
            String message) {
        this(kind, resources, definition, details, Optional.empty(), message);
    }

    static BlockProblem of(Kind kind, List<String> resources, String message) {
        return new BlockProblem(kind, resources, Optional.empty(), List.of(), message);
    }

    /** The use policy refuses the resource {@code name}, defined at {@code where}. */
    static BlockProblem refused(String name, DefinitionRef where, UseDecision.Refused refusal) {
        return new BlockProblem(
                Kind.POLICY_REFUSED,
                List.of(name),
                Optional.of(where),
                List.of(),
                Optional.of(refusal.rule()),
                refusal.message());
    }

    public Severity severity() {
        return kind.severity();
    }

    public boolean isError() {
        return severity() == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (isError() ? "" : "warning: ") + message;
    }
}
