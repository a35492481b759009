package io.jenkins.plugins.bitbucketresources.core.model;

/**
 * Git's rules for branch and tag names ({@code git check-ref-format}), and the same rules for patterns, which may
 * also use {@code *} and {@code ?}.
 */
public final class RefNames {

    private RefNames() {}

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
            if (Character.isISOControl(c)) {
                throw new InvalidValueException(
                        field,
                        "contains a line break or another control character at position " + (i + 1)
                                + ", which git does not allow in a " + what);
            }
            if (Character.isWhitespace(c)) {
                throw new InvalidValueException(
                        field,
                        "`" + name + "` contains whitespace, which git does not allow in a " + what
                                + ": copy the name from Bitbucket");
            }
            boolean glob = c == '*' || c == '?';
            if ("~^:\\[".indexOf(c) >= 0 || (glob && !pattern)) {
                throw new InvalidValueException(
                        field,
                        "`" + name + "` contains `" + c + "`, which git does not allow in a " + what
                                + (glob ? "; use `branches: {only: [...]}` for patterns" : ""));
            }
        }
        for (String forbidden : new String[] {"..", "@{", "//"}) {
            if (name.contains(forbidden)) {
                throw new InvalidValueException(
                        field, "`" + name + "` contains `" + forbidden + "`, which git does not allow in a " + what);
            }
        }
        if (name.equals("@")) {
            throw new InvalidValueException(field, "`@` alone is not a valid " + what + ": git reads it as HEAD");
        }
        if (name.startsWith("/") || name.startsWith("-")) {
            throw new InvalidValueException(
                    field,
                    "`" + name + "` starts with `" + name.charAt(0) + "`, which git does not allow in a " + what);
        }
        if (name.endsWith("/") || name.endsWith(".")) {
            throw new InvalidValueException(
                    field,
                    "`" + name + "` ends with `" + name.charAt(name.length() - 1) + "`, which git does not allow in a "
                            + what);
        }
        for (String part : name.split("/")) {
            if (part.startsWith(".")) {
                throw new InvalidValueException(
                        field, "`" + name + "` has a part starting with `.`, which git does not allow in a " + what);
            }
            if (part.endsWith(".lock")) {
                throw new InvalidValueException(
                        field, "`" + name + "` has a part ending with `.lock`, which git does not allow in a " + what);
            }
        }
        if (name.startsWith("refs/")) {
            throw new InvalidValueException(
                    field,
                    "`" + name + "` is a full ref name: write the short name"
                            + (name.matches("refs/(heads|tags)/.+")
                                    ? ", e.g. `" + name.replaceFirst("^refs/(heads|tags)/", "") + "`"
                                    : " of a branch or tag"));
        }
        return name;
    }
}
