package io.jenkins.plugins.bitbucketresources.core.prepare;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Problem;
import io.jenkins.plugins.bitbucketresources.core.model.ResourceType;
import io.jenkins.plugins.bitbucketresources.core.naming.ClosestNames;
import io.jenkins.plugins.bitbucketresources.core.policy.UseDecision;
import io.jenkins.plugins.bitbucketresources.core.resolve.JobPath;
import io.jenkins.plugins.bitbucketresources.core.resolve.ResolvedResource;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every message of a block's preparation, in one place. They say what is wrong and what to do, name resources with
 * where they are defined, and use no host's syntax: a Pipeline step, a freestyle build and the command line show
 * them alike, each adding its own hint where that helps.
 */
final class Messages {

    private static final int VISIBLE_SHOWN = BlockPreparation.NAMES_SHOWN;

    static final String BROKEN_SHORT = "cannot be used until its definition is fixed";

    private static final String DEFINE_WHERE = " in a folder above the job or in the global configuration.";

    private Messages() {}

    /** {@code Bitbucket resource `app-repo` (folder team-a)}. */
    static String resource(ResolvedResource resolved) {
        return "Bitbucket resource `" + resolved.resource().name() + "` ("
                + resolved.scope().describe() + ")";
    }

    static String noNames() {
        return "No resource name given: name at least one Bitbucket resource, e.g. `app-repo`.";
    }

    static String emptyName() {
        return "An empty resource name was given: name a Bitbucket resource, e.g. `app-repo`.";
    }

    static String namedTwice(String name) {
        return "Resource `" + name + "` is named more than once: name each resource once.";
    }

    /**
     * One line per unknown name with the closest visible names, then once what the job sees (all of it when short,
     * else the closest and a count) and how to fix it.
     */
    static String unknown(List<String> unknown, VisibleResources view, Optional<JobPath> job) {
        StringBuilder message = new StringBuilder();
        for (String name : unknown) {
            message.append(message.length() == 0 ? "" : "\n")
                    .append("No Bitbucket resource named `")
                    .append(name)
                    .append("` is visible to ")
                    .append(JobPath.describe(job));
            if (view.isEmpty()) {
                message.append(": no resources are defined in its folders or globally.");
                continue;
            }
            message.append('.');
            List<String> suggestions = ClosestNames.closest(name, view.names());
            if (!suggestions.isEmpty()) {
                message.append(" Did you mean ")
                        .append(suggestions.stream().map(s -> "`" + s + "`").collect(Collectors.joining(" or ")))
                        .append('?');
            }
        }
        String names = unknown.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
        if (view.isEmpty()) {
            return message.append("\nDefine ")
                    .append(names)
                    .append(DEFINE_WHERE)
                    .toString();
        }
        List<String> shown = view.size() <= VISIBLE_SHOWN
                ? view.names()
                : ClosestNames.byCloseness(unknown, view.names()).subList(0, VISIBLE_SHOWN);
        message.append("\nVisible");
        if (shown.size() < view.size()) {
            message.append(" (the ")
                    .append(shown.size())
                    .append(" closest of ")
                    .append(count(view.size()))
                    .append(')');
        }
        message.append(": ")
                .append(shown.stream()
                        .map(n -> visible(view.find(n).orElseThrow()))
                        .collect(Collectors.joining(", ")));
        return message.append(". Fix the ")
                .append(unknown.size() == 1 ? "name" : "names")
                .append(", or define ")
                .append(names)
                .append(DEFINE_WHERE)
                .toString();
    }

    private static String visible(VisibleResource resource) {
        String state = "";
        if (resource instanceof VisibleResource.Broken) {
            state = ", broken";
        } else if (resource instanceof VisibleResource.Refused refused) {
            state = ", refused by " + refused.refusal().rule().setting();
        }
        return resource.name() + " (" + resource.scope().describe() + state + ")";
    }

    /** {@code refused to this job by allowedJobs}. */
    static String refusedShort(UseDecision.Rule rule) {
        return "refused to this job by " + rule.setting();
    }

    static String broken(VisibleResource.Broken broken) {
        List<Scope> hides = broken.hides();
        StringBuilder message = new StringBuilder("Bitbucket resource `")
                .append(broken.name())
                .append("` in ")
                .append(broken.scope().describe())
                .append(' ')
                .append(BROKEN_SHORT);
        if (!hides.isEmpty()) {
            message.append(" (the ")
                    .append(hides.size() == 1 ? "definition" : "definitions")
                    .append(" in ")
                    .append(hides.stream().map(Scope::describe).collect(Collectors.joining(", ")))
                    .append(" that it hides ")
                    .append(hides.size() == 1 ? "is" : "are")
                    .append(" not used instead)");
        }
        return message.append(':').append(lines(broken.problems())).toString();
    }

    static String integrationMissing(ResolvedResource resolved, String id) {
        return resource(resolved) + " uses the integration `" + id
                + "`, but no Bitbucket integration with that ID is available here: " + "create one with the ID `" + id
                + "`, or point the resource at an integration that exists.";
    }

    static String integrationWrongKind(ResolvedResource resolved, String id, String kind) {
        return resource(resolved) + " uses `" + id + "`, which is " + article(kind) + " " + kind
                + " credential, not a Bitbucket "
                + "integration: point the resource at a Bitbucket integration, or replace `" + id + "` with one.";
    }

    static String integrationInvalid(ResolvedResource resolved, String id, List<Problem> problems) {
        return resource(resolved) + " uses the integration `" + id + "`, which cannot be used until it is fixed:"
                + lines(problems);
    }

    static String integrationMismatch(ResolvedResource resolved, Integration integration, Problem problem) {
        return resource(resolved) + " cannot be reached through the integration `" + integration.id() + "` ("
                + integration.platform().displayName() + "): " + problem;
    }

    /**
     * @param refusal why, from the commit plan
     * @param everyResource whether the commit was asked for by the request rather than by the resource
     */
    static String commitRefused(ResolvedResource resolved, String refusal, boolean everyResource) {
        if (!everyResource) {
            return resource(resolved) + " " + refusal;
        }
        return "The commit of every resource was asked for, but " + resource(resolved)
                + " does not name exactly one branch"
                + (resolved.resource().type() == ResourceType.CI_REPO ? " and was not checked out" : "")
                + ": set its `branch` to get its commit.";
    }

    static String commitFailed(ResolvedResource resolved, String reason) {
        return "The commit of " + resource(resolved) + " could not be read: " + reason;
    }

    static String commitTimedOut(ResolvedResource resolved, Duration limit) {
        return commitFailed(
                resolved,
                "Bitbucket did not answer within " + duration(limit) + ", the time the commit lookups of a "
                        + "block may take. Try again; if it keeps happening, check the network path to Bitbucket and any proxy on the way.");
    }

    static String commitCrashed(ResolvedResource resolved, Throwable failure) {
        return commitFailed(
                resolved,
                "the lookup failed unexpectedly (" + failure.getClass().getSimpleName() + "). Try again; if it "
                        + "keeps happening, report it with the time it happened.");
    }

    static String brokenElsewhere(List<VisibleResource.Broken> broken, Optional<JobPath> job) {
        List<String> shown = broken.stream()
                .limit(VISIBLE_SHOWN)
                .map(b -> "`" + b.name() + "` (" + b.scope().describe() + ")")
                .toList();
        String more = broken.size() > shown.size() ? " and " + count(broken.size() - shown.size()) + " more" : "";
        boolean one = broken.size() == 1;
        return (one ? "Bitbucket resource " : "Bitbucket resources ") + String.join(", ", shown) + more
                + (one ? " is" : " are")
                + " visible to " + JobPath.describe(job) + " but cannot be used until "
                + (one ? "its definition is" : "their definitions are") + " fixed; this block does not use "
                + (one ? "it." : "them.");
    }

    private static String lines(List<Problem> problems) {
        return problems.stream().map(p -> "\n" + p).collect(Collectors.joining());
    }

    private static String article(String word) {
        return !word.isEmpty() && "AEIOUaeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    /** {@code 4,990}. */
    static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 60 s}, {@code 250 ms}, {@code 5 min}. */
    private static String duration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds == 0) {
            return d.toMillis() + " ms";
        }
        return seconds < 120 ? seconds + " s" : (seconds + 30) / 60 + " min";
    }
}
