package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PagingTest {

    @RegisterExtension
    static WireMockExtension bitbucket = TestSupport.wireMock();

    @RegisterExtension
    static WireMockExtension elsewhere = TestSupport.wireMock();

    private final BitbucketClient client =
            TestSupport.client(TestSupport.settings(new TestClock(), new RecordingSleeper()));

    private static int requests(String path) {
        return bitbucket.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    @Nested
    class Cloud {

        private static final String BRANCHES = "/2.0/repositories/acme/app/refs/branches";
        private final SourceName app = SourceName.parse("acme/app");
        private final Integration integration = TestSupport.cloudApiToken(bitbucket.getPort());

        private String pageUrl(int page) {
            return "http://localhost:" + bitbucket.getPort() + BRANCHES + "?pagelen=100&page=" + page;
        }

        @Test
        void followsNextLinksToTheLastPage() {
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .withQueryParam("page", absent())
                    .willReturn(okJson(Bodies.cloudPage(
                            pageUrl(2),
                            Bodies.cloudBranch("main", Bodies.MAIN_HEAD),
                            Bodies.cloudBranch("feature/a", Bodies.FEATURE_HEAD)))));
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .withQueryParam("page", equalTo("2"))
                    .willReturn(okJson(Bodies.cloudPage(null, Bodies.cloudBranch("release/1.x", Bodies.OTHER_HEAD)))));

            BranchList list = client.branches(integration, app).ok().orElseThrow();

            assertThat(list.branches()).extracting(Branch::name).containsExactly("main", "feature/a", "release/1.x");
            assertThat(list.branches().get(2).commit()).isEqualTo(Bodies.OTHER_HEAD);
            assertThat(list.complete()).isTrue();
            assertThat(requests(BRANCHES)).isEqualTo(2);
        }

        @Test
        void firstRequestAsksForLargePages() {
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES)).willReturn(okJson(Bodies.cloudPage(null))));

            client.branches(integration, app);

            bitbucket.verify(
                    getRequestedFor(urlPathEqualTo(BRANCHES)).withQueryParam("pagelen", equalTo(CloudApi.PAGE_LENGTH)));
        }

        @Test
        void nextLinkToAnotherOriginIsNotFollowed() {
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .willReturn(okJson(Bodies.cloudPage(
                            "http://127.0.0.1:" + elsewhere.getPort() + BRANCHES + "?page=2",
                            Bodies.cloudBranch("main", Bodies.MAIN_HEAD)))));

            Outcome<BranchList> outcome = client.branches(integration, app);

            assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
            assertThat(outcome.message()).contains("another origin", "never sent");
            assertThat(elsewhere.getAllServeEvents()).isEmpty();
        }

        @Test
        void nextLinkBackToAPageAlreadyReadIsAnUnexpectedAnswer() {
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .willReturn(okJson(Bodies.cloudPage(pageUrl(1), Bodies.cloudBranch("main", Bodies.MAIN_HEAD)))));

            Outcome<BranchList> outcome = client.branches(integration, app);

            assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
            assertThat(outcome.message()).contains("already read");
            assertThat(requests(BRANCHES)).isEqualTo(2);
        }

        @Test
        void listingStopsAtThePageLimitAndSaysItIsIncomplete() {
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .withQueryParam("page", absent())
                    .willReturn(okJson(Bodies.cloudPage(pageUrl(2), Bodies.cloudBranch("b1", Bodies.MAIN_HEAD)))));
            for (int page = 2; page <= BitbucketClient.MAX_PAGES + 1; page++) {
                bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                        .withQueryParam("page", equalTo(Integer.toString(page)))
                        .willReturn(okJson(Bodies.cloudPage(
                                pageUrl(page + 1), Bodies.cloudBranch("b" + page, Bodies.MAIN_HEAD)))));
            }

            BranchList list = client.branches(integration, app).ok().orElseThrow();

            assertThat(list.complete()).isFalse();
            assertThat(list.branches()).hasSize(BitbucketClient.MAX_PAGES);
            assertThat(requests(BRANCHES)).isEqualTo(BitbucketClient.MAX_PAGES);
        }

        @Test
        void pageWithoutValuesIsAnUnexpectedAnswer() {
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES)).willReturn(okJson("{\"pagelen\": 100, \"page\": 1}")));

            Outcome<BranchList> outcome = client.branches(integration, app);

            assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
            assertThat(outcome.message()).contains("`values`");
        }
    }

    @Nested
    class DataCenter {

        private static final String BRANCHES = "/rest/api/1.0/projects/PROJ/repos/app/branches";
        private final SourceName app = SourceName.parse("PROJ/app");
        private final Integration integration = TestSupport.dataCenterPersonal(bitbucket.getPort());

        @Test
        void followsNextPageStartToTheLastPage() {
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .withQueryParam("start", absent())
                    .willReturn(okJson(Bodies.dataCenterPage(
                            0,
                            2,
                            false,
                            Bodies.dataCenterBranch("main", Bodies.MAIN_HEAD, true),
                            Bodies.dataCenterBranch("feature/a", Bodies.FEATURE_HEAD, false)))));
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .withQueryParam("start", equalTo("2"))
                    .willReturn(okJson(Bodies.dataCenterPage(
                            2, null, true, Bodies.dataCenterBranch("release/1.x", Bodies.OTHER_HEAD, false)))));

            BranchList list = client.branches(integration, app).ok().orElseThrow();

            assertThat(list.branches()).extracting(Branch::name).containsExactly("main", "feature/a", "release/1.x");
            assertThat(list.complete()).isTrue();
            bitbucket.verify(getRequestedFor(urlPathEqualTo(BRANCHES))
                    .withQueryParam("start", equalTo("2"))
                    .withQueryParam("limit", equalTo(DataCenterApi.PAGE_LIMIT)));
        }

        @Test
        void branchSearchReadsOnUntilTheBranchAndNoFurther() {
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .withQueryParam("start", absent())
                    .willReturn(okJson(Bodies.dataCenterPage(
                            0, 1, false, Bodies.dataCenterBranch("hotfix-old", Bodies.OTHER_HEAD, false)))));
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .withQueryParam("start", equalTo("1"))
                    .willReturn(okJson(Bodies.dataCenterPage(
                            1, 2, false, Bodies.dataCenterBranch("hotfix", Bodies.FEATURE_HEAD, false)))));
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .withQueryParam("start", equalTo("2"))
                    .willReturn(okJson(Bodies.dataCenterPage(
                            2, null, true, Bodies.dataCenterBranch("hotfix-new", Bodies.MAIN_HEAD, false)))));

            Outcome<String> outcome = client.branchHead(integration, app, "hotfix");

            assertThat(outcome.ok()).contains(Bodies.FEATURE_HEAD);
            assertThat(requests(BRANCHES)).isEqualTo(2);
            bitbucket.verify(getRequestedFor(urlPathEqualTo(BRANCHES)).withQueryParam("filterText", equalTo("hotfix")));
        }

        @Test
        void branchSearchCutAtThePageLimitSaysTheListingWasCutNotThatTheBranchIsMissing() {
            for (int page = 0; page <= BitbucketClient.MAX_PAGES; page++) {
                bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                        .withQueryParam("filterText", equalTo("main"))
                        .withQueryParam("start", page == 0 ? absent() : equalTo(Integer.toString(page)))
                        .willReturn(okJson(Bodies.dataCenterPage(
                                page,
                                page + 1,
                                false,
                                Bodies.dataCenterBranch("feature/main-" + page, Bodies.OTHER_HEAD, false)))));
            }

            Outcome<String> outcome = client.branchHead(integration, app, "main");

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            Outcome.ListingCut.class,
                            cut -> assertThat(cut.pagesRead()).isEqualTo(BitbucketClient.MAX_PAGES));
            assertThat(outcome.message())
                    .startsWith("Bitbucket Data Center: branch `main` of `PROJ/app` is not in the part of the listing "
                            + "that was read: the listing of branches whose names contain `main` was cut after 100 pages (100 branches) "
                            + "without it.")
                    .doesNotContain("was not found");
            assertThat(requests(BRANCHES)).isEqualTo(BitbucketClient.MAX_PAGES);
        }

        @Test
        void branchMissingFromACompleteListingIsNotFound() {
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .withQueryParam("filterText", equalTo("main"))
                    .willReturn(okJson(Bodies.dataCenterPage(
                            0, null, true, Bodies.dataCenterBranch("feature/main", Bodies.OTHER_HEAD, false)))));

            Outcome<String> outcome = client.branchHead(integration, app, "main");

            assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
            assertThat(outcome.message())
                    .contains("was not found or is not visible to this token (no branch of that name among the 1 "
                            + "whose "
                            + "names contain it)");
        }

        @Test
        void pageThatIsNotLastWithoutNextPageStartIsAnUnexpectedAnswer() {
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .willReturn(okJson(Bodies.dataCenterPage(
                            0, null, false, Bodies.dataCenterBranch("other", Bodies.OTHER_HEAD, false)))));

            Outcome<String> outcome = client.branchHead(integration, app, "main");

            assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
            assertThat(outcome.message()).contains("`isLastPage: false`", "nextPageStart");
            assertThat(requests(BRANCHES)).isEqualTo(1);
        }

        @Test
        void nullNextPageStartOnAPageThatIsNotLastIsAnUnexpectedAnswer() {
            bitbucket.stubFor(
                    get(urlPathEqualTo(BRANCHES))
                            .willReturn(
                                    okJson(
                                            "{\"size\": 0, \"limit\": 100, \"isLastPage\": false, \"values\": [], \"start\": 0, \"nextPageStart\": null}")));

            Outcome<BranchList> outcome = client.branches(integration, app);

            assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
            assertThat(requests(BRANCHES)).isEqualTo(1);
        }

        @Test
        void nextPageStartThatDoesNotMoveForwardIsAnUnexpectedAnswer() {
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .withQueryParam("start", absent())
                    .willReturn(okJson(Bodies.dataCenterPage(
                            0, 5, false, Bodies.dataCenterBranch("a", Bodies.OTHER_HEAD, false)))));
            bitbucket.stubFor(get(urlPathEqualTo(BRANCHES))
                    .withQueryParam("start", equalTo("5"))
                    .willReturn(okJson(Bodies.dataCenterPage(
                            5, 5, false, Bodies.dataCenterBranch("b", Bodies.OTHER_HEAD, false)))));

            Outcome<BranchList> outcome = client.branches(integration, app);

            assertThat(outcome).isInstanceOf(Outcome.UnexpectedAnswer.class);
            assertThat(outcome.message()).contains("does not move past its start 5");
            assertThat(requests(BRANCHES)).isEqualTo(2);
        }
    }
}
