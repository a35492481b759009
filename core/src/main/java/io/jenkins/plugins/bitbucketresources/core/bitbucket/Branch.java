package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.util.Objects;
import java.util.regex.Pattern;

/** A branch and the commit at its head. */
public record Branch(String name, String commit) {

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{7,64}");

    public Branch {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a branch has a name");
        }
        if (!isCommitId(commit)) {
            throw new IllegalArgumentException("`" + commit + "` is not a commit ID (7 to 64 hexadecimal digits)");
        }
    }

    static boolean isCommitId(String text) {
        return COMMIT_ID.matcher(text).matches();
    }
}
