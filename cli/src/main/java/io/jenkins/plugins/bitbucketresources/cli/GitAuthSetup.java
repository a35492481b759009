package io.jenkins.plugins.bitbucketresources.cli;

import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.git.GitAuth;
import io.jenkins.plugins.bitbucketresources.core.git.GitEnvironment;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code run} adds to the command's environment: the resources' variables, and over them the engine's git
 * configuration, so that git over HTTPS to a resource's repository authenticates with its token. That needs nothing on
 * disk: the token stays in the environment.
 */
final class GitAuthSetup {

    private GitAuthSetup() {}

    /** The variables to set; when the environment's own git configuration keeps git's out, a warning says why. */
    static Map<String, String> variables(Terminal terminal, BlockEnvironment environment) {
        Map<String, String> variables = new LinkedHashMap<>(environment.asMap());
        Map<String, String> child = new HashMap<>(terminal.environment());
        child.putAll(variables);
        GitEnvironment git = GitAuth.plan(environment).environmentFor(child);
        if (git instanceof GitEnvironment.Added added) {
            variables.putAll(added.asMap());
        } else if (git instanceof GitEnvironment.NotAdded notAdded) {
            terminal.err().println("bitbucket-resources: warning: " + notAdded.message());
        }
        return variables;
    }
}
