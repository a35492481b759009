package io.jenkins.plugins.bitbucketresources.core.env;

import io.jenkins.plugins.bitbucketresources.core.model.CloneUrls;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.RefFilter;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.ResourceName;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The variables a resource sets, named {@code <P>_…} after its prefix, in this order: the integration (URL, token,
 * username when there is one), the resource (name, type, source name, clone URLs, branch), its pointer settings
 * (branch, branch and tag filters indexed from 0, build-on flags as {@code TRUE}/{@code FALSE}), and the commit when
 * one is known. Only the token is secret.
 */
public final class EnvironmentContract {

    public static final String INTEGRATION_URL = "INTEGRATION_URL";
    public static final String INTEGRATION_TOKEN = "INTEGRATION_TOKEN";
    public static final String INTEGRATION_USERNAME = "INTEGRATION_USERNAME";
    public static final String NAME = "NAME";
    public static final String TYPE = "TYPE";
    public static final String SOURCENAME = "SOURCENAME";
    public static final String HTTPS_URL = "HTTPS_URL";
    public static final String SSH_URL = "SSH_URL";
    public static final String BRANCH = "BRANCH";
    public static final String POINTER_BRANCH = "POINTER_BRANCH";
    public static final String POINTER_BRANCHES_ONLY = "POINTER_BRANCHES_ONLY_";
    public static final String POINTER_BRANCHES_EXCEPT = "POINTER_BRANCHES_EXCEPT_";
    public static final String POINTER_TAGS_ONLY = "POINTER_TAGS_ONLY_";
    public static final String POINTER_TAGS_EXCEPT = "POINTER_TAGS_EXCEPT_";
    public static final String POINTER_BUILDONCOMMIT = "POINTER_BUILDONCOMMIT";
    public static final String POINTER_BUILDONPULLREQUEST = "POINTER_BUILDONPULLREQUEST";
    public static final String POINTER_BUILDONTAGPUSH = "POINTER_BUILDONTAGPUSH";
    public static final String POINTER_BUILDONRELEASE = "POINTER_BUILDONRELEASE";
    public static final String COMMIT = "COMMIT";

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{7,64}");

    private EnvironmentContract() {}

    /**
     * The variables of a resource reached through an integration.
     *
     * @param commit the head commit, when known (the checked-out revision of a {@code ciRepo}, or one fetched from the API)
     * @throws InvalidValueException when the integration is not the one the resource names, the source name does not
     *     fit the integration's platform, or the commit is not a commit ID
     */
    public static ResourceVariables variables(
            ResolvedResource resolved, Integration integration, Optional<String> commit) {
        Resource resource = resolved.resource();
        if (!resource.integration().equals(integration.id())) {
            throw new InvalidValueException(
                    Resource.INTEGRATION_FIELD,
                    "resource `" + resource.name() + "` uses integration `"
                            + resource.integration() + "`, not `" + integration.id()
                            + "`: look up the integration with the ID `"
                            + resource.integration() + "`");
        }
        resource.sourceName().checkFor(integration.platform());
        commit.ifPresent(EnvironmentContract::checkCommit);
        CloneUrls urls = CloneUrls.of(integration.url(), integration.platform(), resource.sourceName());
        List<Variable> variables = generate(
                resource,
                integration.url().value(),
                integration.token().reveal(),
                integration.username(),
                urls,
                commit);
        return new ResourceVariables(resolved, integration, variables);
    }

    /**
     * The names a resource will set, for a preview before any integration is at hand.
     *
     * @param withUsername whether the integration has a username
     * @param withCommit whether the commit will be known
     */
    public static List<String> names(Resource resource, boolean withUsername, boolean withCommit) {
        CloneUrls placeholder = new CloneUrls("", "");
        return generate(
                        resource,
                        "",
                        "",
                        withUsername ? Optional.of("") : Optional.empty(),
                        placeholder,
                        withCommit ? Optional.of("") : Optional.empty())
                .stream()
                .map(Variable::name)
                .toList();
    }

    /**
     * The secret variable of a resource name, known before any credential is looked up (freestyle builds declare it as
     * sensitive up front); empty for a name that is not valid.
     */
    public static Optional<String> tokenVariable(String name) {
        try {
            return Optional.of(ResourceName.of(name).prefix() + "_" + INTEGRATION_TOKEN);
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    private static void checkCommit(String commit) {
        if (!COMMIT_ID.matcher(commit).matches()) {
            throw new InvalidValueException(
                    "commit",
                    "`" + commit + "` is not a commit ID (7 to 64 hexadecimal digits): pass the revision "
                            + "as `git rev-parse HEAD` prints it");
        }
    }

    private static List<Variable> generate(
            Resource resource,
            String url,
            String token,
            Optional<String> username,
            CloneUrls urls,
            Optional<String> commit) {
        String p = resource.name().prefix() + "_";
        List<Variable> out = new ArrayList<>();
        out.add(new Variable(p + INTEGRATION_URL, url, false));
        out.add(new Variable(p + INTEGRATION_TOKEN, token, true));
        username.ifPresent(u -> out.add(new Variable(p + INTEGRATION_USERNAME, u, false)));
        out.add(new Variable(p + NAME, resource.name().value(), false));
        out.add(new Variable(p + TYPE, resource.type().id(), false));
        out.add(new Variable(p + SOURCENAME, resource.sourceName().toString(), false));
        out.add(new Variable(p + HTTPS_URL, urls.https(), false));
        out.add(new Variable(p + SSH_URL, urls.ssh(), false));
        resource.singleBranch().ifPresent(b -> out.add(new Variable(p + BRANCH, b, false)));
        resource.branch().ifPresent(b -> out.add(new Variable(p + POINTER_BRANCH, b, false)));
        indexed(out, p + POINTER_BRANCHES_ONLY, resource.branches().only());
        indexed(out, p + POINTER_BRANCHES_EXCEPT, resource.branches().except());
        RefFilter tags = resource.tags();
        indexed(out, p + POINTER_TAGS_ONLY, tags.only());
        indexed(out, p + POINTER_TAGS_EXCEPT, tags.except());
        out.add(new Variable(p + POINTER_BUILDONCOMMIT, flag(resource.buildOn().commit()), false));
        out.add(new Variable(
                p + POINTER_BUILDONPULLREQUEST, flag(resource.buildOn().pullRequest()), false));
        out.add(new Variable(p + POINTER_BUILDONTAGPUSH, flag(resource.buildOn().tagPush()), false));
        out.add(new Variable(p + POINTER_BUILDONRELEASE, flag(resource.buildOn().release()), false));
        commit.ifPresent(c -> out.add(new Variable(p + COMMIT, c, false)));
        return out;
    }

    private static void indexed(List<Variable> out, String stem, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            out.add(new Variable(stem + i, values.get(i), false));
        }
    }

    private static String flag(boolean value) {
        return value ? "TRUE" : "FALSE";
    }
}
