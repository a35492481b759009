package io.jenkins.plugins.bitbucketresources.core.model;

/**
 * Git's rules for branch and tag names ({@code git check-ref-format}), and the same rules for patterns, which may
 * also use {@code *} and {@code ?}.
 */
public final class RefNames {

    private RefNames() {
    }

    /** A branch or tag name, exactly. */
    public static String checkName(String field, String raw) {
        return check(field, raw, false);
    }

    /** A branch or tag name, or a glob pattern of them ({@code release/*}). */
    public static String checkPattern(String field, String raw) {
        return check(field, raw, true);
    }

    private static String check(String field, String raw, boolean pattern) {
        String name = raw.strip();
        String what = pattern ? "branch or tag pattern" : "branch or tag name";
        if (name.isEmpty()) {
            throw new InvalidValueException(field, "is empty: write a " + what + ", e.g. `main`");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidValueException(field, "`" + name + "` contains whitespace or a control character, which git does not allow in a " + what);
            }
            boolean glob = c == '*' || c == '?';
            if ("~^:\\[".indexOf(c) >= 0 || (glob && !pattern)) {
                throw new InvalidValueException(field, "`" + name + "` contains `" + c + "`, which git does not allow in a " + what
                        + (glob ? "; use `branches: {only: [...]}` for patterns" : ""));
            }
        }
        if (name.contains("..") || name.contains("@{") || name.equals("@") || name.contains("//")) {
            throw new InvalidValueException(field, "`" + name + "` is not a valid " + what + " (no `..`, `@{`, `//`, and not `@`)");
        }
        if (name.startsWith("/") || name.endsWith("/") || name.endsWith(".") || name.startsWith("-")) {
            throw new InvalidValueException(field, "`" + name + "` must not start with `/` or `-`, nor end with `/` or `.`");
        }
        for (String part : name.split("/")) {
            if (part.startsWith(".") || part.endsWith(".lock")) {
                throw new InvalidValueException(field, "`" + name + "`: no part of a " + what + " may start with `.` or end with `.lock`");
            }
        }
        if (name.startsWith("refs/")) {
            throw new InvalidValueException(field, "`" + name + "` is a full ref: write the short name, e.g. `"
                    + name.replaceFirst("^refs/(heads|tags)/", "") + "`");
        }
        return name;
    }
}
