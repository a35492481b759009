package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.model.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Bitbucket Data Center, REST 1.0. Data Center has no "who am I" endpoint that project and repository tokens may call;
 * instead it names the authenticated user of every answer in the {@code X-AUSERNAME} header.
 */
final class DataCenterApi implements PlatformApi {

    static final String PAGE_LIMIT = "100";
    static final String USER_HEADER = "X-AUSERNAME";

    private static final String REPOSITORY_CHECK =
            "the sourceName (`PROJECT/repo`, as in the repository's URL; `~user/repo` for a personal "
                    + "repository) and that the token can read the repository (Project read or Repository read)";
    private static final String REPOSITORY_ADVICE = "Check " + REPOSITORY_CHECK + ".";

    private final Reader reader;

    DataCenterApi(Reader reader) {
        this.reader = reader;
    }

    /**
     * With a repository: {@code GET …/projects/{key}/repos/{slug}}, which proves the token can read it. Without one, an
     * endpoint that answers only an authenticated caller:
     * <ul>
     *   <li>a personal token: {@code GET /users?filter={username}&limit=1}. Listing users needs an authenticated
     *       (licensed) user, so an anonymous answer cannot pass for success. {@code /users/{slug}} would need the
     *       user's slug, which differs from the name for names such as e-mail addresses.</li>
     *   <li>a project or repository token: {@code GET /projects?limit=1}, the cheapest call such a token may make.
     *       Anonymous access can make this endpoint answer without credentials, but a token that is sent and not
     *       accepted is refused with 401; and the answer is only taken as proof with the {@code X-AUSERNAME} header
     *       in it, otherwise a warning says the check was not conclusive.</li>
     * </ul>
     */
    @Override
    public Outcome<Identity> identity(Integration integration, Optional<SourceName> fallbackRepository) {
        if (fallbackRepository.isPresent()) {
            SourceName source = fallbackRepository.get();
            return reader.read(
                    integration,
                    repositorySubject(source),
                    repositoryUrl(integration, source).build(),
                    answer -> {
                        DataCenterAnswers.repository(source, reader.json(answer));
                        return identity(integration, answer, Optional.of(source));
                    });
        }
        if (integration.kind() == TokenKind.DATA_CENTER_PERSONAL_TOKEN) {
            String username = integration.username().orElseThrow();
            Subject subject = new Subject(
                    "users named `" + username + "`",
                    "Check the integration URL: every Data Center server lists its users.");
            return reader.read(
                    integration,
                    subject,
                    Url.under(integration.restBase())
                            .path("users")
                            .query("filter", username)
                            .query("limit", "1")
                            .build(),
                    answer -> {
                        DataCenterAnswers.page(reader.json(answer));
                        return identity(integration, answer, Optional.empty());
                    });
        }
        Subject subject = new Subject(
                "the projects the token can see",
                "Check the integration URL: every Data Center server lists projects.");
        return reader.read(
                integration,
                subject,
                Url.under(integration.restBase())
                        .path("projects")
                        .query("limit", "1")
                        .build(),
                answer -> {
                    DataCenterAnswers.page(reader.json(answer));
                    Identity found = identity(integration, answer, Optional.empty());
                    List<String> warnings = new ArrayList<>(found.warnings());
                    warnings.add(
                            "A project or repository token was checked without a repository: check it together with a resource's repository "
                                    + "to be sure it can read it.");
                    return new Identity(found.username(), found.displayName(), found.repository(), warnings);
                });
    }

    private static Identity identity(Integration integration, Reply.Answer answer, Optional<SourceName> repository) {
        Optional<String> user =
                answer.headers().firstValue(USER_HEADER).map(String::strip).filter(u -> !u.isEmpty());
        List<String> warnings = new ArrayList<>();
        if (user.isEmpty()) {
            warnings.add("Bitbucket did not say who the token acts as (no " + USER_HEADER
                    + " header in its answer; a proxy may remove it).");
        } else if (integration.kind() == TokenKind.DATA_CENTER_PERSONAL_TOKEN
                && integration.username().isPresent()
                && !user.get()
                        .toLowerCase(Locale.ROOT)
                        .equals(integration.username().get().toLowerCase(Locale.ROOT))) {
            warnings.add("The token belongs to `" + user.get() + "`, but the integration's username is `"
                    + integration.username().get()
                    + "`: git over HTTPS sends that username with the token, so set the username to `" + user.get()
                    + "`.");
        }
        return new Identity(user, Optional.empty(), repository, warnings);
    }

    /**
     * The repository, then its default branch from {@code …/branches/default}, or from {@code …/default-branch} when a
     * server does not know the former. A repository without a default branch (an empty one) answers 204, or 404 with
     * {@code NoDefaultBranchException}: that is an empty main branch, not a failure.
     */
    @Override
    public Outcome<RepositoryInfo> repository(Integration integration, SourceName source) {
        return reader.readReusable(
                        integration,
                        repositorySubject(source),
                        repositoryUrl(integration, source).build(),
                        answer -> DataCenterAnswers.repository(source, reader.json(answer)))
                .flatMap(info -> defaultBranch(
                                integration,
                                source,
                                repositoryUrl(integration, source).path("branches", "default"),
                                true)
                        .map(main -> new RepositoryInfo(info.source(), main, info.httpsUrl(), info.sshUrl())));
    }

    private Outcome<Optional<String>> defaultBranch(
            Integration integration, SourceName source, Url url, boolean mayFallBack) {
        Subject subject = new Subject("the default branch of `" + source + "`", REPOSITORY_ADVICE);
        Reply reply = reader.fetchReusable(integration, url.build());
        if (reply instanceof Reply.Broken broken) {
            return reader.failures().from(integration, subject, broken);
        }
        Reply.Answer answer = (Reply.Answer) reply;
        if (answer.status() == 204) {
            return new Outcome.Ok<>(Optional.empty());
        }
        if (answer.isSuccess()) {
            return reader.parse(
                    integration, subject, answer, a -> Optional.of(DataCenterAnswers.branchName(reader.json(a))));
        }
        boolean noDefault = answer.status() == 404 && reader.errorBody(answer).exceptionIs("NoDefaultBranchException");
        if (noDefault || (answer.status() == 404 && !mayFallBack)) {
            return new Outcome.Ok<>(Optional.empty());
        }
        if (mayFallBack
                && (answer.status() == 404
                        || answer.status() == 405
                        || answer.status() == 400
                        || answer.status() == 410)) {
            return defaultBranch(
                    integration, source, repositoryUrl(integration, source).path("default-branch"), false);
        }
        return reader.failures().from(integration, subject, answer);
    }

    /**
     * {@code …/branches?filterText={name}}: the filter matches any branch whose name contains the text, so the pages
     * are read until the branch of exactly that name turns up.
     */
    @Override
    public Outcome<Branch> branch(Integration integration, SourceName source, String name) {
        Subject subject = new Subject(
                "branch `" + name + "` of `" + source + "`",
                "Check the branch name (it is case-sensitive) or create "
                        + "the branch; if the repository itself is missing, check " + REPOSITORY_CHECK + ".");
        return reader.dataCenterPages(
                        integration,
                        subject,
                        repositoryUrl(integration, source)
                                .path("branches")
                                .query("filterText", name)
                                .query("boostMatches", "true")
                                .query("limit", PAGE_LIMIT)
                                .build(),
                        DataCenterAnswers::branch,
                        b -> b.name().equals(name))
                .flatMap(collected -> collected.values().stream()
                        .filter(b -> b.name().equals(name))
                        .findFirst()
                        .<Outcome<Branch>>map(Outcome.Ok::new)
                        .orElseGet(() -> collected.complete()
                                ? reader.failures()
                                        .notFound(
                                                integration,
                                                subject,
                                                "no branch of that name among the "
                                                        + collected.values().size() + " whose names contain it")
                                : reader.failures()
                                        .listingCut(
                                                integration,
                                                subject,
                                                "the listing of branches whose names contain `" + name
                                                        + "` was cut after " + BitbucketClient.MAX_PAGES + " pages ("
                                                        + collected.values().size()
                                                        + " branches) without it. Bitbucket lists the branch of exactly that name first, so it most likely "
                                                        + "does not exist")));
    }

    @Override
    public Outcome<BranchList> branches(Integration integration, SourceName source) {
        Subject subject = new Subject("the branches of `" + source + "`", REPOSITORY_ADVICE);
        return reader.dataCenterPages(
                        integration,
                        subject,
                        repositoryUrl(integration, source)
                                .path("branches")
                                .query("limit", PAGE_LIMIT)
                                .build(),
                        DataCenterAnswers::branch,
                        b -> false)
                .map(collected -> new BranchList(collected.values(), collected.complete()));
    }

    private static Subject repositorySubject(SourceName source) {
        return new Subject("repository `" + source + "`", REPOSITORY_ADVICE);
    }

    private static Url repositoryUrl(Integration integration, SourceName source) {
        return Url.under(integration.restBase()).path("projects", source.owner(), "repos", source.slug());
    }
}
