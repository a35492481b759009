package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 2: each name to what the job sees for it. A name whose nearest definition is broken is an error that names the
 * definition and what to fix, and one the use policy refuses to the job by its name is an error with the policy's
 * line; unknown names are reported together, with what the job does see.
 */
final class NameResolution {

    private NameResolution() {}

    static List<VisibleResource.Usable> resolve(
            VisibleResources view, List<String> names, Optional<JobPath> job, List<BlockProblem> problems) {
        List<VisibleResource.Usable> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Optional<VisibleResource> visible = view.find(name);
            if (visible.isEmpty()) {
                unknown.add(name);
            } else if (visible.get() instanceof VisibleResource.Usable usable) {
                found.add(usable);
            } else if (visible.get() instanceof VisibleResource.Refused refused) {
                problems.add(BlockProblem.refused(name, refused.definition(), refused.refusal()));
            } else {
                VisibleResource.Broken broken = (VisibleResource.Broken) visible.get();
                problems.add(new BlockProblem(
                        BlockProblem.Kind.BROKEN_DEFINITION,
                        List.of(name),
                        Optional.of(broken.definition()),
                        broken.problems(),
                        broken.message()));
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(
                    BlockProblem.of(BlockProblem.Kind.UNKNOWN_NAMES, unknown, Messages.unknown(unknown, view, job)));
        }
        return found;
    }

    /** The warning about names the job sees but did not ask for whose definitions are broken; none when there are none. */
    static Optional<BlockProblem> brokenElsewhere(VisibleResources view, List<String> names, Optional<JobPath> job) {
        List<VisibleResource.Broken> others =
                view.broken().stream().filter(b -> !names.contains(b.name())).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BlockProblem.of(
                BlockProblem.Kind.BROKEN_ELSEWHERE,
                others.stream().map(VisibleResource.Broken::name).toList(),
                Messages.brokenElsewhere(others, job)));
    }
}
