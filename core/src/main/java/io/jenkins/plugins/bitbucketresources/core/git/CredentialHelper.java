package io.jenkins.plugins.bitbucketresources.core.git;

/**
 * The credential helpers given to git, as {@code !} shell snippets in configuration. git runs a snippet with
 * {@code sh -c '<snippet> <action>'}: the snippet names the token variable, and the shell reads the token from its
 * environment into {@code printf}, a builtin, so no process ever has the token in its arguments and no file is needed.
 *
 * <p>A snippet holds no {@code $NAME}, <code>${NAME}</code> or {@code $$}: it reads variables as
 * <code>${NAME:-}</code> and writes a {@code $} of quoted text as {@code "\$"}. Jenkins replaces those three forms with
 * the values of its variables (a freestyle build's variables go through that twice before they reach a process), which
 * would put the token itself into the snippet and so into the shell's arguments.
 */
final class CredentialHelper {

    private static final String SAYS = "bitbucket-resources: ";
    private static final String CHECK = ": check that it is valid, not expired and allowed to use this repository";

    private CredentialHelper() {}

    /**
     * Answers {@code get} with the user name and the token. git sends {@code erase} when the server refused what it was
     * given, and the helper then says which resource's token that was. {@code store} is ignored: the token is not kept.
     */
    static String answering(GitRoute route, String username) {
        String refused = SAYS + route.repositoryUrl() + " refused the token of resource " + route.resource() + " ("
                + route.tokenVariable() + ", as user " + username + ")" + CHECK;
        return "!f() { case \"${1:-}\" in get) printf 'username=%s\\npassword=%s\\n' " + quote(username) + " \"${"
                + route.tokenVariable() + ":-}\" ;; erase) printf '%s\\n' " + quote(refused) + " >&2 ;; esac; }; f";
    }

    /**
     * For a Bearer route git asks for credentials only after the server refused the header: the helper says so and tells
     * git to stop, instead of git prompting for a password that would not work either.
     */
    static String refusing(GitRoute route) {
        String refused = SAYS + route.repositoryUrl() + " refused the Bearer token of resource " + route.resource()
                + " (" + route.tokenVariable() + ")" + CHECK;
        return "!f() { if test \"${1:-}\" = get; then printf '%s\\n' " + quote(refused) + " >&2; echo quit=1; fi; }; f";
    }

    /**
     * One word for any POSIX shell: single quotes, each {@code '} written as {@code '\''} and each {@code $} as
     * {@code '"\$"'}, so that no {@code $} is followed by a name, a brace or another {@code $}.
     */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''").replace("$", "'\"\\$\"'") + "'";
    }
}
