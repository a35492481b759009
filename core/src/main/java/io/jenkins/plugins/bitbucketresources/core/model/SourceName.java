package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The repository a resource points at: {@code workspace/repo_slug} on Cloud, {@code PROJECT/repo} on Data Center
 * ({@code ~user/repo} for a personal repository).
 */
public record SourceName(String owner, String slug) {

    public static final String FIELD = "sourceName";
    private static final String FORM =
            "write `workspace/repo_slug` (Bitbucket Cloud, e.g. `acme/app`) or `PROJECT/repo` "
                    + "(Data Center, e.g. `PROJ/app`)";
    private static final Pattern OWNER = Pattern.compile("~?[A-Za-z0-9_.\\-]+|\\{[0-9A-Fa-f\\-]{36}\\}");
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern CLOUD_WORKSPACE = Pattern.compile("[A-Za-z0-9_\\-]+|\\{[0-9A-Fa-f\\-]{36}\\}");
    private static final Pattern DATA_CENTER_PROJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern DATA_CENTER_USER = Pattern.compile("~[A-Za-z0-9_.\\-]+");
    private static final int MAX_SLUG = 128;

    public SourceName {
        checkOwner(owner);
        checkSlug(slug);
    }

    public static SourceName parse(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException(FIELD, "is empty: " + FORM);
        }
        if (text.contains("://") || text.startsWith("git@")) {
            throw new InvalidValueException(
                    FIELD,
                    "is a URL, not a source name: write only the owner and the repository slug, "
                            + "e.g. `acme/app` for https://bitbucket.org/acme/app");
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            throw new InvalidValueException(FIELD, "`" + text + "` is not of the form owner/repository: " + FORM);
        }
        return new SourceName(text.substring(0, slash), text.substring(slash + 1));
    }

    private static void checkOwner(String owner) {
        if (owner.isEmpty()) {
            throw new InvalidValueException(FIELD, "has no workspace or project before `/`: " + FORM);
        }
        if (!OWNER.matcher(owner).matches()) {
            throw new InvalidValueException(
                    FIELD,
                    "workspace or project `" + owner + "` has characters Bitbucket does not allow: "
                            + "write it as in the repository's URL: a workspace ID (letters, digits, `-` and `_`), a project key, or `~user` "
                            + "for a personal repository");
        }
    }

    private static void checkSlug(String slug) {
        if (slug.isEmpty()) {
            throw new InvalidValueException(FIELD, "has no repository after `/`: " + FORM);
        }
        if (!SLUG.matcher(slug).matches() || slug.equals(".") || slug.equals("..")) {
            throw new InvalidValueException(
                    FIELD,
                    "repository slug `" + slug + "` has characters Bitbucket does not allow: use the "
                            + "slug from the repository's URL (letters, digits, `-`, `_` and `.`)");
        }
        if (slug.toLowerCase(Locale.ROOT).endsWith(".git")) {
            throw new InvalidValueException(
                    FIELD,
                    "repository slug `" + slug + "` ends in `.git`: write the slug without it"
                            + (slug.length() > 4 ? ", e.g. `" + slug.substring(0, slug.length() - 4) + "`" : ""));
        }
        if (slug.length() > MAX_SLUG) {
            throw new InvalidValueException(
                    FIELD,
                    "repository slug is " + slug.length() + " characters long; Bitbucket slugs have at most "
                            + MAX_SLUG);
        }
    }

    /** Checks the rules that differ between Cloud workspaces and Data Center project keys. */
    public void checkFor(Platform platform) {
        if (platform == Platform.CLOUD && !CLOUD_WORKSPACE.matcher(owner).matches()) {
            throw new InvalidValueException(
                    FIELD,
                    "`" + owner + "` is not a Bitbucket Cloud workspace ID (letters, digits, `-` and `_`"
                            + (owner.startsWith("~") ? "; `~user` is a Data Center personal project" : "")
                            + "): write `workspace/repo_slug`");
        }
        if (platform == Platform.DATA_CENTER
                && !DATA_CENTER_PROJECT.matcher(owner).matches()
                && !DATA_CENTER_USER.matcher(owner).matches()) {
            throw new InvalidValueException(
                    FIELD,
                    "`" + owner + "` is not a Bitbucket Data Center project key (a letter, then letters, "
                            + "digits or `_`) nor a personal project (`~user`): write `PROJECT/repo`");
        }
    }

    public boolean isPersonal() {
        return owner.startsWith("~");
    }

    @Override
    public String toString() {
        return owner + "/" + slug;
    }
}
