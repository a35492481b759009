package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EconomyTest {

    @RegisterExtension
    static WireMockExtension bitbucket = TestSupport.wireMock();

    private static final SourceName APP = SourceName.parse("acme/app");
    private static final String REPO = "/2.0/repositories/acme/app";
    private static final String MAIN = REPO + "/refs/branches/main";

    private final TestClock clock = new TestClock();
    private ClientSettings settings;
    private BitbucketClient client;
    private Integration integration;

    @BeforeEach
    void setUp() {
        settings = TestSupport.settings(clock, new RecordingSleeper()).withCacheTtl(Duration.ofSeconds(30));
        client = TestSupport.client(settings);
        integration = TestSupport.cloudApiToken(bitbucket.getPort());
    }

    private static int requests(String path) {
        return bitbucket.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void successfulAnswerIsReusedUntilItExpires() {
        bitbucket.stubFor(get(REPO).willReturn(okJson(Bodies.cloudRepository())));

        client.repository(integration, APP);
        clock.advance(Duration.ofSeconds(29));
        Outcome<RepositoryInfo> cached = client.repository(integration, APP);
        assertThat(requests(REPO)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        Outcome<RepositoryInfo> fresh = client.repository(integration, APP);

        assertThat(requests(REPO)).isEqualTo(2);
        assertThat(cached).isEqualTo(fresh);
    }

    @Test
    void differentTokensNeverShareAnEntry() {
        bitbucket.stubFor(get(REPO).willReturn(okJson(Bodies.cloudRepository())));
        Integration other = TestSupport.cloudApiToken(bitbucket.getPort(), TestSupport.CLOUD_API_TOKEN + "-other");

        client.repository(integration, APP);
        client.repository(other, APP);

        assertThat(requests(REPO)).isEqualTo(2);
    }

    @Test
    void failuresAreNotCached() {
        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(404)));

        client.repository(integration, APP);
        client.repository(integration, APP);

        assertThat(requests(REPO)).isEqualTo(2);
    }

    @Test
    void unreadableSuccessIsNotCached() {
        bitbucket.stubFor(get(REPO).willReturn(okJson("{\"type\": \"repository\"")));

        client.repository(integration, APP);
        client.repository(integration, APP);

        assertThat(requests(REPO)).isEqualTo(2);
    }

    @Test
    void zeroTtlTurnsTheCacheOff() {
        client = TestSupport.client(settings.withCacheTtl(Duration.ZERO));
        bitbucket.stubFor(get(REPO).willReturn(okJson(Bodies.cloudRepository())));

        client.repository(integration, APP);
        client.repository(integration, APP);

        assertThat(requests(REPO)).isEqualTo(2);
    }

    @Test
    void aThousandConcurrentLookupsOfOneBranchHeadSendOneRequest() throws InterruptedException {
        List<Outcome<String>> results = aThousandAtOnce(
                okJson(Bodies.cloudBranch("main", Bodies.MAIN_HEAD)),
                (client, integration) -> client.branchHead(integration, APP, "main"));

        assertThat(results).containsOnly(new Outcome.Ok<>(Bodies.MAIN_HEAD));
    }

    @Test
    void aThousandConcurrentLookupsOfAMissingRepositorySendOneRequest() throws InterruptedException {
        List<Outcome<String>> results = aThousandAtOnce(
                aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Bodies.cloudError("Repository acme/app not found")),
                (client, integration) -> client.branchHead(integration, APP, "main"));

        assertThat(results)
                .allSatisfy(result -> assertThat(result).isInstanceOf(Outcome.NotFound.class))
                .hasSize(1000);
        assertThat(results.stream().map(Outcome::message).distinct()).hasSize(1);
    }

    @Test
    void aThousandConcurrentLookupsWithARevokedTokenSendOneRequest() throws InterruptedException {
        List<Outcome<String>> results = aThousandAtOnce(
                aResponse().withStatus(401), (client, integration) -> client.branchHead(integration, APP, "main"));

        assertThat(results)
                .allSatisfy(result -> assertThat(result).isInstanceOf(Outcome.InvalidToken.class))
                .hasSize(1000);
    }

    @Test
    void branchHeadsAreReadAsOfNowEvenWithACache() {
        bitbucket.stubFor(get(MAIN).willReturn(okJson(Bodies.cloudBranch("main", Bodies.MAIN_HEAD))));
        assertThat(client.branchHead(integration, APP, "main")).isEqualTo(new Outcome.Ok<>(Bodies.MAIN_HEAD));

        bitbucket.stubFor(get(MAIN).willReturn(okJson(Bodies.cloudBranch("main", Bodies.FEATURE_HEAD))));

        assertThat(client.branchHead(integration, APP, "main")).isEqualTo(new Outcome.Ok<>(Bodies.FEATURE_HEAD));
        assertThat(requests(MAIN)).isEqualTo(2);
    }

    @Test
    void aTokenRevokedAfterASuccessfulCheckFailsTheNextCheck() {
        bitbucket.stubFor(get("/2.0/user").willReturn(okJson(Bodies.cloudUser())));
        assertThat(client.checkIntegration(integration, Optional.empty()).isOk())
                .isTrue();

        bitbucket.stubFor(get("/2.0/user").willReturn(aResponse().withStatus(401)));

        assertThat(client.checkIntegration(integration, Optional.empty())).isInstanceOf(Outcome.InvalidToken.class);
    }

    @Test
    void anAccessTokenCheckedThroughItsRepositoryIsCheckedAgainEachTime() {
        Integration accessToken = TestSupport.cloudAccessToken(bitbucket.getPort());
        bitbucket.stubFor(get("/2.0/user").willReturn(aResponse().withStatus(401)));
        bitbucket.stubFor(get(REPO).willReturn(okJson(Bodies.cloudRepository())));
        assertThat(client.checkIntegration(accessToken, Optional.of(APP)).isOk())
                .isTrue();

        bitbucket.stubFor(get(REPO).willReturn(aResponse().withStatus(401)));

        assertThat(client.checkIntegration(accessToken, Optional.of(APP))).isInstanceOf(Outcome.InvalidToken.class);
        assertThat(requests(REPO)).isEqualTo(2);
    }

    /**
     * A thousand callers ask the same thing at once of a server that holds its answer until all of them wait: only
     * coalescing can keep this to one request, since nothing is kept between requests (no cache).
     */
    private List<Outcome<String>> aThousandAtOnce(
            ResponseDefinitionBuilder answer, BiFunction<BitbucketClient, Integration, Outcome<String>> call)
            throws InterruptedException {
        Gate gate = new Gate();
        WireMockServer server =
                new WireMockServer(wireMockConfig().dynamicPort().extensions(gate));
        server.start();
        try {
            server.stubFor(get(MAIN).willReturn(answer.withTransformers(Gate.NAME)));
            server.stubFor(get(REPO + "/refs/branches/warm-up")
                    .willReturn(okJson(Bodies.cloudBranch("warm-up", Bodies.OTHER_HEAD))));
            BitbucketClient uncached = TestSupport.client(settings.withCacheTtl(Duration.ZERO));
            Integration local = TestSupport.cloudApiToken(server.port());
            assertThat(uncached.branchHead(local, APP, "warm-up").isOk()).isTrue();

            int callers = 1000;
            AtomicReferenceArray<Outcome<String>> results = new AtomicReferenceArray<>(callers);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int slot = i;
                threads.add(new Thread(() -> results.set(slot, call.apply(uncached, local)), "lookup-" + i));
            }
            threads.forEach(Thread::start);
            awaitAllParked(threads, gate);
            gate.open();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }

            assertThat(server.findAll(getRequestedFor(urlPathEqualTo(MAIN)))).hasSize(1);
            List<Outcome<String>> all = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                all.add(results.get(i));
            }
            return all;
        } finally {
            gate.open();
            server.stop();
        }
    }

    /**
     * Waits until one request is held at the gate and every caller is parked (one in the HTTP call, the others
     * waiting for it), twice in a row: only then are all callers surely inside the client.
     */
    private static void awaitAllParked(List<Thread> threads, Gate gate) throws InterruptedException {
        int stable = 0;
        for (int round = 0; round < 3000 && stable < 2; round++) {
            boolean parked = gate.entered() == 1
                    && threads.stream()
                            .allMatch(t ->
                                    t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
            stable = parked ? stable + 1 : 0;
            Thread.sleep(10);
        }
        assertThat(stable).as("every caller parked while one request is held").isEqualTo(2);
    }

    /** Holds answers of the stubs that name it until the test opens it. */
    static final class Gate implements ResponseTransformerV2 {

        static final String NAME = "gate";

        private final CountDownLatch open = new CountDownLatch(1);
        private final AtomicInteger entered = new AtomicInteger();

        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            entered.incrementAndGet();
            try {
                open.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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

        void open() {
            open.countDown();
        }

        int entered() {
            return entered.get();
        }
    }
}
