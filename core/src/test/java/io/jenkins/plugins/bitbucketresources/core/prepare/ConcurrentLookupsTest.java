package io.jenkins.plugins.bitbucketresources.core.prepare;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.resource;
import static io.jenkins.plugins.bitbucketresources.core.prepare.Scopes.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.BitbucketClient;
import io.jenkins.plugins.bitbucketresources.core.bitbucket.ClientSettings;
import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.resolve.Scope;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A block's commit lookups over real HTTP: side by side, and as of the time of asking. */
class ConcurrentLookupsTest {

    private static final String FIRST = "5a1c0ffee0ddba11c0de5eed0fca11ab1e5ca1ab";
    private static final String PUSHED = "0b5e55ed0ddf00dcafebabe0123456789abcdef0";
    private static final int RESOURCES = 8;

    private final Barrier barrier = new Barrier(RESOURCES);
    private final WireMockServer bitbucket =
            new WireMockServer(wireMockConfig().dynamicPort().extensions(barrier));
    private final ExecutorService pool = Executors.newFixedThreadPool(RESOURCES);

    /** The defaults a host uses (a response cache of 30 s included), with short timeouts for a loopback server. */
    private final ClientSettings settings = ClientSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
            .withRetries(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    @AfterEach
    void stop() {
        barrier.release();
        pool.shutdownNow();
        bitbucket.stop();
    }

    private BlockPreparation preparation() {
        BitbucketClient client =
                new BitbucketClient(settings.configure(HttpClient.newBuilder()).build(), settings);
        return new BlockPreparation(client::branchHead, pool, Clock.systemUTC());
    }

    private Integration integration() {
        return Integration.builder()
                .id("bitbucket-cloud")
                .url(bitbucket.baseUrl() + "/2.0")
                .platform("cloud")
                .kind("accessToken")
                .token("ATCTT3xFfGN0-loopback-token")
                .build()
                .orElseThrow();
    }

    private BlockRequest.Builder request(List<Definition> definitions, List<String> names) {
        return BlockRequest.builder()
                .scopes(List.of(new ScopeDefinitions(Scope.GLOBAL, definitions)))
                .names(names)
                .integrations(id -> new IntegrationLookup.Found(integration()));
    }

    private static String branch(String hash) {
        return "{\"name\": \"main\", \"type\": \"branch\", \"target\": {\"hash\": \"" + hash
                + "\", \"type\": \"commit\"}}";
    }

    @Test
    void theCommitsOfEightResourcesAreLookedUpSideBySide() throws InterruptedException {
        bitbucket.start();
        List<Definition> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < RESOURCES; i++) {
            bitbucket.stubFor(get("/2.0/repositories/acme/repo-" + i + "/refs/branches/main")
                    .willReturn(okJson(branch(FIRST)).withFixedDelay(500).withTransformers(Barrier.NAME)));
            definitions.add(
                    valid(resource("repo-" + i, "acme/repo-" + i).branch("main").resolveCommit(true)));
            names.add("repo-" + i);
        }

        Prepared<BlockEnvironment> prepared =
                preparation().prepare(request(definitions, names).build());

        assertThat(prepared.isReady()).as("%s", prepared.problems()).isTrue();
        assertThat(barrier.mostAtOnce())
                .as("every lookup was in flight at the same time")
                .isEqualTo(RESOURCES);
        assertThat(bitbucket.findAll(
                        getRequestedFor(urlPathMatching("/2.0/repositories/acme/repo-[0-9]/refs/branches/main"))))
                .hasSize(RESOURCES);
        BlockEnvironment environment = ((Prepared.Ready<BlockEnvironment>) prepared).value();
        for (int i = 0; i < RESOURCES; i++) {
            assertThat(environment.asMap()).containsEntry("REPO" + i + "_COMMIT", FIRST);
        }
    }

    @Test
    void aPushBetweenTwoPreparationsGivesTheNewHead() throws InterruptedException {
        bitbucket.start();
        String main = "/2.0/repositories/acme/app/refs/branches/main";
        List<Definition> app =
                List.of(valid(resource("app", "acme/app").branch("main").resolveCommit(true)));
        BlockPreparation preparation = preparation();
        bitbucket.stubFor(get(main).willReturn(okJson(branch(FIRST))));
        Prepared<BlockEnvironment> before =
                preparation.prepare(request(app, List.of("app")).build());

        bitbucket.stubFor(get(main).willReturn(okJson(branch(PUSHED))));
        Prepared<BlockEnvironment> after =
                preparation.prepare(request(app, List.of("app")).build());

        assertThat(((Prepared.Ready<BlockEnvironment>) before).value().asMap()).containsEntry("APP_COMMIT", FIRST);
        assertThat(((Prepared.Ready<BlockEnvironment>) after).value().asMap()).containsEntry("APP_COMMIT", PUSHED);
        assertThat(bitbucket.findAll(getRequestedFor(urlPathEqualTo(main)))).hasSize(2);
    }

    /**
     * Holds every answer of the stubs that name it until {@code parties} requests are held at once, so the requests
     * can only all be answered if they were all sent side by side. Records the most held at once.
     */
    static final class Barrier implements ResponseTransformerV2 {

        static final String NAME = "barrier";

        private final CountDownLatch all;
        private final AtomicInteger held = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        Barrier(int parties) {
            this.all = new CountDownLatch(parties);
        }

        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            most.accumulateAndGet(held.incrementAndGet(), Math::max);
            all.countDown();
            try {
                all.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.decrementAndGet();
            }
            return response;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }

        int mostAtOnce() {
            return most.get();
        }

        void release() {
            while (all.getCount() > 0) {
                all.countDown();
            }
        }
    }
}
