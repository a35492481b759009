package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The role a repository plays for a job. All types inject the integration; they differ in how the commit is found. */
public enum ResourceType {
    /** Any repository a job uses; its commit comes from the Bitbucket API when the resource asks for it. */
    GIT_REPO("gitRepo", "Git repository"),
    /** The repository the job itself builds; its commit is the revision the job checked out. */
    CI_REPO("ciRepo", "Repository this job builds"),
    /** The repository holding pipeline definitions (Jenkinsfiles, Job DSL, configuration as code). */
    SYNC_REPO("syncRepo", "Repository of pipeline definitions");

    public static final String FIELD = "type";

    private final String id;
    private final String displayName;

    ResourceType(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static ResourceType parse(String raw) {
        String wanted = raw.strip();
        for (ResourceType type : values()) {
            if (type.id.equalsIgnoreCase(wanted)) {
                return type;
            }
        }
        throw new InvalidValueException(
                FIELD,
                (wanted.isEmpty() ? "is empty" : "`" + wanted + "` is not a resource type") + ": use "
                        + Arrays.stream(values()).map(t -> "`" + t.id + "`").collect(Collectors.joining(", ")));
    }
}
