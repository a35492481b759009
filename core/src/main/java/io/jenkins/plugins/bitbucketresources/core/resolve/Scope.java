package io.jenkins.plugins.bitbucketresources.core.resolve;

import java.util.Objects;

/** Where a resource is defined: a folder (by its full name) or the global configuration. */
public sealed interface Scope {

    /** For messages and logs: {@code folder team-a/backend} or {@code global}. */
    String describe();

    record Folder(String fullName) implements Scope {
        public Folder {
            Objects.requireNonNull(fullName, "fullName");
            if (fullName.isBlank()) {
                throw new IllegalArgumentException("a folder scope needs the folder's full name");
            }
        }

        @Override
        public String describe() {
            return "folder " + fullName;
        }
    }

    record Global() implements Scope {
        @Override
        public String describe() {
            return "global";
        }
    }

    Scope GLOBAL = new Global();
}
