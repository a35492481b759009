package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.model.TokenKind;
import java.util.List;
import java.util.Optional;

/** Bitbucket Cloud, REST 2.0. */
final class CloudApi implements PlatformApi {

    static final String PAGE_LENGTH = "100";
    private static final String USER_SCOPE = "read:user:bitbucket";
    private static final String REPOSITORY_CHECK =
            "the sourceName (`workspace/repo_slug`, as in the repository's URL) and that the token "
                    + "can read the repository (an API token needs read:repository:bitbucket; an access token must belong to this repository, its "
                    + "project or its workspace)";
    private static final String REPOSITORY_ADVICE = "Check " + REPOSITORY_CHECK + ".";

    private final Reader reader;

    CloudApi(Reader reader) {
        this.reader = reader;
    }

    /**
     * {@code GET /2.0/user} says who the token acts as. A scoped token without {@value #USER_SCOPE} is refused there
     * (403), and an access token may be refused there (401, "not supported for this endpoint") while it works on its
     * repository: then the fallback repository shows that the token works.
     */
    @Override
    public Outcome<Identity> identity(Integration integration, Optional<SourceName> fallbackRepository) {
        Subject subject = new Subject(
                "the token's user profile (who it acts as)",
                "Bitbucket Cloud always has this address: check the " + "integration URL.");
        Outcome<Identity> user = reader.read(
                integration,
                subject,
                Url.under(integration.restBase()).path("user").build(),
                a -> CloudAnswers.identity(reader.json(a)));
        if (user.isOk()) {
            return user;
        }
        boolean scope = user instanceof Outcome.MissingScope;
        boolean accessToken =
                user instanceof Outcome.InvalidToken && integration.kind() == TokenKind.CLOUD_ACCESS_TOKEN;
        if (!scope && !accessToken) {
            return user;
        }
        if (fallbackRepository.isEmpty()) {
            return Failures.withAdvice(
                    (Outcome.Failure<Identity>) user,
                    scope
                            ? "Alternatively, check the integration together with a repository it should read (a resource's sourceName)."
                            : "Access tokens may not read the user profile: check the integration together with the repository it belongs to "
                                    + "(a resource's sourceName).");
        }
        SourceName source = fallbackRepository.get();
        String warning = scope
                ? "The token cannot read its user profile (it lacks " + USER_SCOPE
                        + "), so Bitbucket did not say who it acts as; it was " + "checked against " + source
                        + " instead. Add " + USER_SCOPE + " to the token's scopes to see the account here."
                : "Bitbucket does not say who an access token acts as; it was checked against " + source + " instead.";
        // Read as of now, as the user profile was: a token revoked a moment ago must not pass on a kept answer.
        return reader.read(
                        integration,
                        repositorySubject(source),
                        repositoryUrl(integration, source).build(),
                        a -> CloudAnswers.repository(source, reader.json(a)))
                .map(info -> new Identity(Optional.empty(), Optional.empty(), Optional.of(source), List.of(warning)));
    }

    @Override
    public Outcome<RepositoryInfo> repository(Integration integration, SourceName source) {
        return reader.readReusable(
                integration,
                repositorySubject(source),
                repositoryUrl(integration, source).build(),
                a -> CloudAnswers.repository(source, reader.json(a)));
    }

    @Override
    public Outcome<Branch> branch(Integration integration, SourceName source, String name) {
        Subject subject = new Subject(
                "branch `" + name + "` of `" + source + "`",
                "Check the branch name (it is case-sensitive) or create "
                        + "the branch; if the repository itself is missing, check " + REPOSITORY_CHECK + ".");
        return reader.read(
                integration,
                subject,
                repositoryUrl(integration, source)
                        .path("refs", "branches", name)
                        .build(),
                a -> CloudAnswers.branch(reader.json(a)));
    }

    @Override
    public Outcome<BranchList> branches(Integration integration, SourceName source) {
        Subject subject = new Subject("the branches of `" + source + "`", REPOSITORY_ADVICE);
        return reader.cloudPages(
                        integration,
                        subject,
                        repositoryUrl(integration, source)
                                .path("refs", "branches")
                                .query("pagelen", PAGE_LENGTH)
                                .build(),
                        CloudAnswers::branch,
                        branch -> false)
                .map(collected -> new BranchList(collected.values(), collected.complete()));
    }

    private static Subject repositorySubject(SourceName source) {
        return new Subject("repository `" + source + "`", REPOSITORY_ADVICE);
    }

    private static Url repositoryUrl(Integration integration, SourceName source) {
        return Url.under(integration.restBase()).path("repositories", source.owner(), source.slug());
    }
}
