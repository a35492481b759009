package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.util.List;

/**
 * The branches of a repository, in Bitbucket's order.
 *
 * @param complete false when the repository has more branches than one listing reads
 *     ({@value BitbucketClient#MAX_PAGES} pages); the list then holds the first ones
 */
public record BranchList(List<Branch> branches, boolean complete) {

    public BranchList {
        branches = List.copyOf(branches);
    }
}
