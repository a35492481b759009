package io.jenkins.plugins.bitbucketresources.core.env;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import java.util.List;
import java.util.Objects;

/** The variables one resource sets, in contract order, with the resource and integration they came from. */
public record ResourceVariables(ResolvedResource resolved, Integration integration, List<Variable> variables) {

    public ResourceVariables {
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(integration, "integration");
        variables = List.copyOf(variables);
    }

    public List<String> names() {
        return variables.stream().map(Variable::name).toList();
    }
}
