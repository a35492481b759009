package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Platform;
import io.jenkins.plugins.bitbucketresources.core.model.RefNames;
import io.jenkins.plugins.bitbucketresources.core.model.Resource;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Bitbucket REST client (Cloud 2.0 and Data Center 1.0): checks integrations and resources, and reads repository
 * data and branch heads. Every method answers an {@link Outcome}; none throws for anything Bitbucket or the network
 * does.
 *
 * <p>Authentication follows the token kind: Basic {@code email:token} for a Cloud API token, Bearer for every other
 * kind. The token travels only in the {@code Authorization} header: never in a URL, a message or an exception.
 *
 * <p>Requests have a timeout, are retried a bounded number of times with exponential backoff and jitter on 5xx, 429
 * and dropped connections (honouring {@code Retry-After} up to a cap), and follow redirects only within the
 * integration's origin (scheme, host and port). Identical requests in flight at the same time are sent once, whatever
 * the answer (a 404 or a 401 is shared as a success is). Answers are otherwise read as of the time of asking: a branch
 * head, a branch list and a token check ({@link #checkIntegration}) never come from an earlier answer, so a build
 * started by a push sees the pushed commit and a revoked token fails at once. Only repository metadata
 * ({@link #repository}: the main branch and clone links, which rarely change) is reused for
 * {@link ClientSettings#cacheTtl()} per integration credentials and URL.
 *
 * <p>Thread-safe: one instance serves a whole Jenkins controller or command.
 */
public final class BitbucketClient {

    /** The most pages one listing reads; 100 pages of 100 values are far more branches than a repository has. */
    public static final int MAX_PAGES = 100;

    private final PlatformApi cloud;
    private final PlatformApi dataCenter;
    private final Failures failures;
    private final TokenDetails tokenDetails;

    /**
     * @param http the HTTP client to send with (the plugin passes Jenkins' proxy-aware client). It must not follow
     *     redirects ({@link HttpClient.Redirect#NEVER}): this client follows them itself, and only on the same origin,
     *     so that the token is never sent to another host. {@link ClientSettings#configure(HttpClient.Builder)} sets
     *     that up on a builder.
     * @throws IllegalArgumentException when {@code http} follows redirects on its own
     */
    public BitbucketClient(HttpClient http, ClientSettings settings) {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(settings, "settings");
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException(
                    "the HttpClient follows redirects (" + http.followRedirects() + "), which could send the "
                            + "token to another host: build it with followRedirects(HttpClient.Redirect.NEVER), e.g. through ClientSettings.configure");
        }
        Json json = new Json();
        this.failures = new Failures(settings, json);
        Reader reader = new Reader(new Exchanges(new Transport(http, settings), settings, json), failures, json);
        this.cloud = new CloudApi(reader);
        this.dataCenter = new DataCenterApi(reader);
        this.tokenDetails = new TokenDetails(reader);
    }

    /**
     * Who the integration's token acts as. Cloud: {@code GET /2.0/user}; when that is refused for lack of scope
     * ({@code read:user:bitbucket}), or for a Cloud access token, the fallback repository is read instead, and the
     * identity says the token can read it. Data Center: the fallback repository when given, else an endpoint only an
     * authenticated caller may use; the {@code X-AUSERNAME} header names the user.
     *
     * @param fallbackRepository a repository the token should read, typically a resource's source name
     */
    public Outcome<Identity> checkIntegration(Integration integration, Optional<SourceName> fallbackRepository) {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(fallbackRepository, "fallbackRepository");
        if (fallbackRepository.isPresent()) {
            Optional<Outcome.Failure<Identity>> bad = checkSource(integration, fallbackRepository.get());
            if (bad.isPresent()) {
                return bad.get();
            }
        }
        return api(integration).identity(integration, fallbackRepository);
    }

    /**
     * The resource's repository exists and is visible to the token, and its branch exists when it names exactly one
     * ({@link Resource#singleBranch()}).
     *
     * @throws IllegalArgumentException when the resource uses another integration than the one given
     */
    public Outcome<RepositoryCheck> checkResource(Integration integration, Resource resource) {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(resource, "resource");
        if (!resource.integration().equals(integration.id())) {
            throw new IllegalArgumentException("resource `" + resource.name() + "` uses integration `"
                    + resource.integration() + "`, not `" + integration.id() + "`");
        }
        SourceName source = resource.sourceName();
        return repository(integration, source)
                .flatMap(info -> resource.singleBranch()
                        .map(name ->
                                branch(integration, source, name).map(b -> new RepositoryCheck(info, Optional.of(b))))
                        .orElseGet(() -> new Outcome.Ok<>(new RepositoryCheck(info, Optional.empty()))));
    }

    /**
     * Whether the integration's token can read the repository, in one request: what a background health check asks.
     * Cloud reads the repository; Data Center reads it too and says who the token acts as when its answer names the
     * user. Unlike {@link #checkIntegration}, it never asks for the token's user profile first, which an access token
     * may not read and which builds do not need.
     */
    public Outcome<Identity> checkAccess(Integration integration, SourceName source) {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(source, "source");
        Optional<Outcome.Failure<Identity>> bad = checkSource(integration, source);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (integration.platform() == Platform.CLOUD) {
            return cloud.repository(integration, source)
                    .map(info -> new Identity(Optional.empty(), Optional.empty(), Optional.of(source), List.of()));
        }
        return dataCenter.identity(integration, Optional.of(source));
    }

    /** The repository's main branch and clone URLs (without credentials). */
    public Outcome<RepositoryInfo> repository(Integration integration, SourceName source) {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(source, "source");
        Optional<Outcome.Failure<RepositoryInfo>> bad = checkSource(integration, source);
        return bad.isPresent() ? bad.get() : api(integration).repository(integration, source);
    }

    /** The commit at the head of a branch now, for {@code <P>_COMMIT}. */
    public Outcome<String> branchHead(Integration integration, SourceName source, String branch) {
        return branch(integration, source, branch).map(Branch::commit);
    }

    /**
     * Every branch of the repository with its head commit, following the pages of the answer (at most
     * {@value #MAX_PAGES}).
     */
    public Outcome<BranchList> branches(Integration integration, SourceName source) {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(source, "source");
        Optional<Outcome.Failure<BranchList>> bad = checkSource(integration, source);
        return bad.isPresent() ? bad.get() : api(integration).branches(integration, source);
    }

    /**
     * When the integration's token expires, where Bitbucket tells it: Data Center shows an HTTP access token's details
     * (to those allowed to read them); Cloud never tells ({@link TokenExpiry.Unknown}, no request). A refusal of this
     * lookup says nothing about the token's health and is answered as {@link TokenExpiry.Unknown}. An expiry date cannot
     * change, so a host asks once per token.
     *
     * @param repository for a project or repository token, a repository of its project (a resource's source name),
     *     under which Data Center keeps the token's details
     */
    public Outcome<TokenExpiry> tokenExpiry(Integration integration, Optional<SourceName> repository) {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(repository, "repository");
        return tokenDetails.expiry(integration, repository);
    }

    private Outcome<Branch> branch(Integration integration, SourceName source, String branch) {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(branch, "branch");
        Optional<Outcome.Failure<Branch>> bad = checkSource(integration, source);
        if (bad.isPresent()) {
            return bad.get();
        }
        String name;
        try {
            name = RefNames.checkName("branch", branch);
        } catch (InvalidValueException e) {
            return failures.invalid(
                    integration,
                    new Subject("branch `" + branch.strip() + "` of `" + source + "`", ""),
                    e.getMessage());
        }
        return api(integration).branch(integration, source, name);
    }

    private <T> Optional<Outcome.Failure<T>> checkSource(Integration integration, SourceName source) {
        try {
            source.checkFor(integration.platform());
            return Optional.empty();
        } catch (InvalidValueException e) {
            return Optional.of(failures.invalid(
                    integration, new Subject("repository `" + source + "`", ""), "sourceName " + e.getMessage()));
        }
    }

    private PlatformApi api(Integration integration) {
        return integration.platform() == Platform.CLOUD ? cloud : dataCenter;
    }
}
