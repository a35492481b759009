package io.jenkins.plugins.bitbucketresources.core.git;

import io.jenkins.plugins.bitbucketresources.core.model.Token;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How git over HTTPS authenticates to the repositories of a block's resources, one route per resource that has git
 * authentication on. It holds no secret, so a host can keep it for the whole block, and turns into environment
 * variables with {@link #environmentFor(Map)}, or with {@link #parametersFor(Map)} for a host that cannot give a process
 * an empty variable.
 *
 * <p>For each route and each of its URL scopes, in this order: {@code credential.<url>.helper} and
 * {@code http.<url>.extraHeader} emptied (an empty value clears what system, global and repository configuration or an
 * outer block set for that URL, so a {@code store} or {@code cache} helper is never handed the token and no other
 * {@code Authorization} header is sent), then the route's helper, then for a Bearer route {@code followRedirects} off
 * (git would send the header on to wherever a redirect points) and its header. Nothing is set
 * for any other URL: git matches these keys against a repository URL by prefix at a {@code /}, so another repository of
 * the host, or another host, gets nothing from here.
 */
public record GitAuthPlan(List<GitRoute> routes) implements Serializable {

    /** The one variable {@link #parametersFor} sets: git's own, where it keeps what {@code git -c} sets. */
    public static final String PARAMETERS_VARIABLE = EnvironmentConfig.PARAMETERS;

    private static final String BEARER = "Authorization: Bearer ";

    public GitAuthPlan {
        routes = List.copyOf(routes);
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    /**
     * The variables to set on top of {@code current}, the environment git will run in: the host's environment with the
     * resources' variables (their tokens included) already applied. The count continues from {@code current}'s
     * {@code GIT_CONFIG_COUNT}, so a host computes this from the environment its commands will really get (an outer
     * block's or the machine's entries included); the same input always gives the same variables.
     *
     * <p>Some of the values are empty (an empty value is how git clears what was configured before): a host that cannot
     * give a process an empty variable uses {@link #parametersFor} instead.
     *
     * @throws IllegalArgumentException when {@code current} lacks a route's token variable: the resources' variables
     *     belong in it
     */
    public GitEnvironment environmentFor(Map<String, String> current) {
        return EnvironmentConfig.append(current, entries(current));
    }

    /**
     * The same configuration in one variable, {@code GIT_CONFIG_PARAMETERS}, where git keeps what {@code git -c} sets
     * and which it reads after the {@code GIT_CONFIG_COUNT} entries: for a host that cannot give a process a variable
     * whose value is empty. Jenkins is one: it unsets such a variable when it starts a process, so the numbered entries
     * that clear helpers and headers would go missing and git would refuse to run. The entries come after those already
     * in {@code current}'s {@code GIT_CONFIG_PARAMETERS} (an outer block's), so blocks nest as they do with
     * {@link #environmentFor}; the variable is secret when it carries a Bearer header.
     *
     * @throws IllegalArgumentException when {@code current} lacks a route's token variable
     */
    public GitEnvironment parametersFor(Map<String, String> current) {
        return EnvironmentConfig.appendParameters(current, entries(current));
    }

    private List<EnvironmentConfig.Entry> entries(Map<String, String> current) {
        List<EnvironmentConfig.Entry> entries = new ArrayList<>();
        for (GitRoute route : routes) {
            String token = token(current, route);
            for (String scope : route.scopes()) {
                String helper = "credential." + scope + ".helper";
                String header = "http." + scope + ".extraHeader";
                entries.add(new EnvironmentConfig.Entry(helper, "", false));
                entries.add(new EnvironmentConfig.Entry(header, "", false));
                if (route.credential() instanceof GitCredential.Basic basic) {
                    entries.add(new EnvironmentConfig.Entry(
                            helper, CredentialHelper.answering(route, basic.username()), false));
                } else {
                    entries.add(new EnvironmentConfig.Entry(helper, CredentialHelper.refusing(route), false));
                    // git sends its extra headers to wherever a redirect moved the repository; not following keeps them
                    // here.
                    entries.add(new EnvironmentConfig.Entry("http." + scope + ".followRedirects", "false", false));
                    // git expands no variable in a configuration value, so the header has to carry the token itself.
                    entries.add(new EnvironmentConfig.Entry(header, BEARER + token, true));
                }
            }
        }
        return entries;
    }

    /** For a log line: each resource's repository and how git authenticates to it; never a token. */
    public String describe() {
        return routes.stream().map(GitRoute::describe).collect(Collectors.joining("; "));
    }

    private static String token(Map<String, String> current, GitRoute route) {
        String value = current.get(route.tokenVariable());
        if (value == null) {
            throw new IllegalArgumentException(
                    route.tokenVariable() + " is not in the environment: extend the environment that already "
                            + "holds the resources' variables");
        }
        // A value that is not a token (a line break in it could start another header) never reaches git.
        return Token.of(value).reveal();
    }
}
