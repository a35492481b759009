package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.util.Objects;
import java.util.Optional;

/**
 * A resource checked against Bitbucket: its repository is visible to the token and, when the resource names one
 * branch, that branch exists.
 *
 * @param branch the resource's single branch with its head commit; empty when the resource names no single branch
 */
public record RepositoryCheck(RepositoryInfo repository, Optional<Branch> branch) {

    public RepositoryCheck {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(branch, "branch");
    }

    /** One line, e.g. {@code acme/app, branch main at 0123abc…}. */
    public String describe() {
        return repository.source()
                + branch.map(b -> ", branch " + b.name() + " at " + b.commit())
                        .orElse(repository
                                .mainBranch()
                                .map(m -> ", main branch " + m)
                                .orElse(""));
    }
}
