package io.jenkins.plugins.bitbucketresources.core.git;

import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.EnvironmentContract;
import io.jenkins.plugins.bitbucketresources.core.env.ResourceVariables;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resources and their block, built the way the hosts build them. */
final class Blocks {

    private Blocks() {}

    static Integration cloudAccessToken(String apiUrl, String token) {
        return Integration.builder()
                .id("cloud-access")
                .url(apiUrl)
                .platform("cloud")
                .kind("accessToken")
                .token(token)
                .build()
                .orElseThrow();
    }

    static Integration cloudApiToken(String apiUrl, String email, String token) {
        return Integration.builder()
                .id("cloud-api")
                .url(apiUrl)
                .platform("cloud")
                .kind("apiToken")
                .username(email)
                .token(token)
                .build()
                .orElseThrow();
    }

    static Integration dataCenterPersonal(String serverUrl, String user, String token) {
        return Integration.builder()
                .id("dc-personal")
                .url(serverUrl)
                .platform("datacenter")
                .kind("personalHttpToken")
                .username(user)
                .token(token)
                .build()
                .orElseThrow();
    }

    static Integration dataCenterProject(String serverUrl, String token) {
        return Integration.builder()
                .id("dc-project")
                .url(serverUrl)
                .platform("datacenter")
                .kind("projectHttpToken")
                .token(token)
                .build()
                .orElseThrow();
    }

    static ResourceVariables resource(String name, String sourceName, Integration integration) {
        return resource(name, sourceName, integration, true);
    }

    static ResourceVariables resource(String name, String sourceName, Integration integration, boolean gitAuth) {
        Resource resource = Resource.builder()
                .name(name)
                .type("gitRepo")
                .integration(integration.id())
                .sourceName(sourceName)
                .gitAuth(gitAuth)
                .build()
                .orElseThrow();
        return EnvironmentContract.variables(
                new ResolvedResource(resource, Scope.GLOBAL, List.of()), integration, Optional.empty());
    }

    static BlockEnvironment block(ResourceVariables... resources) {
        return BlockEnvironment.assemble(List.of(resources)).orElseThrow();
    }

    /**
     * What a host does at the start of a block: the resources' variables over the environment, then git
     * authentication computed from the result and laid over it.
     */
    static Map<String, String> enter(Map<String, String> outside, BlockEnvironment block) {
        Map<String, String> inside = new HashMap<>(outside);
        inside.putAll(block.asMap());
        GitEnvironment git = GitAuth.plan(block).environmentFor(inside);
        if (!(git instanceof GitEnvironment.Added added)) {
            throw new AssertionError("git authentication was not added: " + git);
        }
        inside.putAll(added.asMap());
        return inside;
    }

    /** The same for a host that cannot give a process an empty variable: git's configuration in one variable. */
    static Map<String, String> enterAsParameters(Map<String, String> outside, BlockEnvironment block) {
        Map<String, String> inside = new HashMap<>(outside);
        inside.putAll(block.asMap());
        GitEnvironment git = GitAuth.plan(block).parametersFor(inside);
        if (!(git instanceof GitEnvironment.Added added)) {
            throw new AssertionError("git authentication was not added: " + git);
        }
        inside.putAll(added.asMap());
        return inside;
    }

    /**
     * What a process gets from a host like Jenkins, which unsets a variable whose value is empty and replaces
     * {@code $NAME}, <code>${NAME}</code> and {@code $$} in every value (a name it has no variable for is left as it is).
     * A freestyle build goes through this twice.
     */
    static Map<String, String> throughHostExpansion(Map<String, String> environment) {
        Pattern reference = Pattern.compile("\\$([A-Za-z0-9_]+|\\{[A-Za-z0-9_.]+\\}|\\$)");
        Map<String, String> expanded = new HashMap<>();
        environment.forEach((name, value) -> {
            Matcher matcher = reference.matcher(value);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String found = matcher.group(1);
                String replacement;
                if (found.equals("$")) {
                    replacement = "$";
                } else {
                    String key = found.startsWith("{") ? found.substring(1, found.length() - 1) : found;
                    replacement = environment.getOrDefault(key, matcher.group());
                }
                matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(result);
            if (!result.isEmpty()) {
                expanded.put(name, result.toString());
            }
        });
        return expanded;
    }
}
