package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.ResourceVariables;
import java.util.List;

/** Step 6: the variables of the resources used together must not overwrite each other or what Jenkins, its SCM or the shell set. */
final class Collisions {

    private Collisions() {}

    static void check(List<ResourceVariables> variables, List<BlockProblem> problems) {
        for (BlockEnvironment.Collision collision : BlockEnvironment.collisions(variables)) {
            problems.add(BlockProblem.of(BlockProblem.Kind.COLLISION, collision.resources(), collision.message()));
        }
    }
}
