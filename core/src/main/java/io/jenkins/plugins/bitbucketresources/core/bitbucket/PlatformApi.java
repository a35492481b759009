package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import java.util.Optional;

/** The operations, as one platform's REST API answers them. Arguments are already checked for the platform. */
interface PlatformApi {

    Outcome<Identity> identity(Integration integration, Optional<SourceName> fallbackRepository);

    Outcome<RepositoryInfo> repository(Integration integration, SourceName source);

    Outcome<Branch> branch(Integration integration, SourceName source, String name);

    Outcome<BranchList> branches(Integration integration, SourceName source);
}
