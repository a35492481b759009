package io.jenkins.plugins.bitbucketresources.core.revision;

import java.util.Objects;

/** Where the commit of a resource comes from in one build. */
public sealed interface CommitPlan {

    /** The build checked the repository out: this is the commit. */
    record Known(String commit) implements CommitPlan {
        public Known {
            Objects.requireNonNull(commit, "commit");
        }
    }

    /** Ask the Bitbucket API for the head of this branch. */
    record FromApi(String branch) implements CommitPlan {
        public FromApi {
            Objects.requireNonNull(branch, "branch");
        }
    }

    /** No commit is set: the resource does not ask for one and the build has not checked it out. */
    record None() implements CommitPlan {}

    /**
     * The resource asks for a commit that cannot be found; the message says why and what to change, to follow the
     * resource's name: {@code asks for its commit (resolveCommit) but does not name exactly one branch: …}.
     */
    record Refused(String message) implements CommitPlan {
        public Refused {
            Objects.requireNonNull(message, "message");
        }
    }
}
