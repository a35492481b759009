package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.util.Objects;

/**
 * One resource definition as its host holds it: the name as written, and the engine's verdict on the whole
 * definition. A broken definition keeps its name, so that a job asking for that name learns that the definition it
 * would use is broken, instead of silently getting a farther one.
 *
 * @param name the name as written, stripped; for a valid definition, the resource's own name
 * @param resource the resource, or every problem of the definition
 */
public record Definition(String name, Validated<Resource> resource) {

    public Definition {
        Objects.requireNonNull(resource, "resource");
        name = resource instanceof Validated.Valid<Resource> valid
                ? valid.value().name().value()
                : Objects.requireNonNull(name, "name: pass the name as written, or an empty string when there is none")
                        .strip();
    }

    /** A definition known to be valid. */
    public static Definition of(Resource resource) {
        return new Definition(resource.name().value(), new Validated.Valid<>(resource, java.util.List.of()));
    }

    public boolean isValid() {
        return resource.isValid();
    }
}
