package io.jenkins.plugins.bitbucketresources.core.overview;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.util.Objects;

/**
 * One resource definition as its host holds it, valid or not: the name as written (kept for a broken definition, which
 * still hides the farther ones of its name) and the engine's verdict on the whole definition.
 */
public record ListedDefinition(String name, Validated<Resource> definition) {

    public ListedDefinition {
        Objects.requireNonNull(definition, "definition");
        name = definition instanceof Validated.Valid<Resource> valid ? valid.value().name().value()
                : Objects.requireNonNull(name, "name").strip();
    }

    public static ListedDefinition of(Resource resource) {
        return new ListedDefinition(resource.name().value(), new Validated.Valid<>(resource, java.util.List.of()));
    }
}
