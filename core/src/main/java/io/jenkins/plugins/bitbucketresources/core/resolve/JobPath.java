package io.jenkins.plugins.bitbucketresources.core.resolve;

import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A job's full name, {@code team-a/backend/build}, and the folders it sits in. */
public record JobPath(String fullName) {

    public static final String FIELD = "job";

    /** What messages call the one asking when there is no job. */
    public static final String NO_JOB = "a run outside any job";

    public JobPath {
        fullName = fullName.strip();
        if (fullName.isEmpty()) {
            throw new InvalidValueException(FIELD, "is empty: give the job's full name, e.g. `team-a/backend/build`");
        }
        for (String part : fullName.split("/", -1)) {
            if (part.isBlank()) {
                throw new InvalidValueException(
                        FIELD,
                        "`" + fullName + "` has an empty folder name: write folder names separated by "
                                + "single `/`, without a leading or trailing `/`, e.g. `team-a/backend/build`");
            }
        }
    }

    public static JobPath parse(String raw) {
        return new JobPath(raw);
    }

    /**
     * How every message names the job asking: {@code job team-a/build}, or, without a job (the command line run without
     * {@code --job}, a page that shows no job's view), {@value #NO_JOB}.
     */
    public static String describe(Optional<JobPath> job) {
        return job.map(j -> "job " + j.fullName()).orElse(NO_JOB);
    }

    /** The full names of the folders around the job, nearest first: {@code team-a/backend}, then {@code team-a}. */
    public List<String> foldersNearestFirst() {
        List<String> folders = new ArrayList<>();
        int slash = fullName.lastIndexOf('/');
        while (slash > 0) {
            folders.add(fullName.substring(0, slash));
            slash = fullName.lastIndexOf('/', slash - 1);
        }
        return folders;
    }
}
