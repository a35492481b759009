package io.jenkins.plugins.bitbucketresources.core.policy;

import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who may use the resources of the global list: every job (no folders listed, the default and the behaviour before
 * this setting existed), or only the jobs anywhere under one of the listed folders. Resources defined on folders are
 * not concerned: a folder's resources are seen only by the jobs under it anyway.
 *
 * @param folders folder full names, e.g. {@code team-a} or {@code platform/release}
 */
public record GlobalPolicy(List<String> folders) {

    public static final String FIELD = "globalResourcesFolders";

    /** Global resources are usable by every job. */
    public static final GlobalPolicy EVERY_JOB = new GlobalPolicy(List.of());

    public GlobalPolicy {
        folders = List.copyOf(folders);
        for (String folder : folders) {
            checkFolder(folder);
        }
    }

    /** Whether global resources are usable by every job. */
    public boolean everyJob() {
        return folders.isEmpty();
    }

    /** Whether the job, by its current full name, may use global resources. */
    public boolean admits(JobPath job) {
        return everyJob() || folders.stream().anyMatch(folder -> job.fullName().startsWith(folder + "/"));
    }

    /** For messages: {@code `team-a`, `release`}. */
    public String describeFolders() {
        return folders.stream().map(f -> "`" + f + "`").collect(Collectors.joining(", "));
    }

    /**
     * Raw folder names in (a form's lines, a configuration list), every problem out under
     * {@code globalResourcesFolders[i]}; blank entries are skipped, a folder listed twice is a warning.
     */
    public static Validated<GlobalPolicy> parse(List<String> rawFolders) {
        return Validated.eachOnce(FIELD, rawFolders, GlobalPolicy::checkFolder).map(GlobalPolicy::new);
    }

    private static String checkFolder(String raw) {
        String folder = raw.strip();
        if (folder.contains("*")) {
            throw new InvalidValueException(
                    FIELD,
                    "`" + folder + "` is a pattern: list folder full names, e.g. `team-a` or "
                            + "`platform/release`; every job under a listed folder, at any depth, may use global resources");
        }
        try {
            return JobPath.parse(folder).fullName();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(
                    FIELD,
                    "`" + folder + "` is not a folder full name: write folder names separated by single "
                            + "`/`, without a leading or trailing `/`, e.g. `team-a` or `platform/release`");
        }
    }
}
