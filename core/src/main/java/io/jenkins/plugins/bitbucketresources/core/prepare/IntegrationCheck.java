package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 3: the integration of each resource, looked up through the host once per ID, and checked against the resource
 * (a Cloud workspace cannot be reached through a Data Center integration, and the other way round).
 */
final class IntegrationCheck {

    private final Integrations integrations;
    private final Map<String, IntegrationLookup> found = new HashMap<>();

    IntegrationCheck(Integrations integrations) {
        this.integrations = integrations;
    }

    Optional<Integration> of(ResolvedResource resolved, List<BlockProblem> problems) {
        Resource resource = resolved.resource();
        String id = resource.integration();
        List<String> name = List.of(resource.name().value());
        IntegrationLookup lookup = found.computeIfAbsent(id, integrations::find);
        if (lookup instanceof IntegrationLookup.Missing) {
            problems.add(BlockProblem.of(
                    BlockProblem.Kind.INTEGRATION_MISSING, name, Messages.integrationMissing(resolved, id)));
            return Optional.empty();
        }
        if (lookup instanceof IntegrationLookup.WrongKind wrong) {
            problems.add(BlockProblem.of(
                    BlockProblem.Kind.INTEGRATION_WRONG_KIND,
                    name,
                    Messages.integrationWrongKind(resolved, id, wrong.kind())));
            return Optional.empty();
        }
        if (lookup instanceof IntegrationLookup.Invalid invalid) {
            List<Problem> errors =
                    invalid.problems().stream().filter(Problem::isError).toList();
            problems.add(new BlockProblem(
                    BlockProblem.Kind.INTEGRATION_INVALID,
                    name,
                    Optional.empty(),
                    errors,
                    Messages.integrationInvalid(resolved, id, errors)));
            return Optional.empty();
        }
        Integration integration = ((IntegrationLookup.Found) lookup).integration();
        if (!integration.id().equals(id)) {
            Problem wrongId = Problem.error(
                    Integration.ID_FIELD,
                    "the integration looked up for `" + id + "` has the ID `" + integration.id()
                            + "`: look it up by the resource's integration ID");
            problems.add(new BlockProblem(
                    BlockProblem.Kind.INTEGRATION_INVALID,
                    name,
                    Optional.empty(),
                    List.of(wrongId),
                    Messages.integrationInvalid(resolved, id, List.of(wrongId))));
            return Optional.empty();
        }
        try {
            resource.sourceName().checkFor(integration.platform());
        } catch (InvalidValueException e) {
            Problem mismatch = e.toProblem();
            problems.add(new BlockProblem(
                    BlockProblem.Kind.INTEGRATION_MISMATCH,
                    name,
                    Optional.empty(),
                    List.of(mismatch),
                    Messages.integrationMismatch(resolved, integration, mismatch)));
            return Optional.empty();
        }
        return Optional.of(integration);
    }
}
