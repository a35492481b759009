package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.SourceName;
import io.jenkins.plugins.bitbucketresources.core.testing.TestClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads the real recorded Bitbucket answers (not part of this repository) with the client's parsers. The folder is
 * the system property {@code bitbucket.fixtures}, else {@code ${maven.multiModuleProjectDirectory}/../shared/fixtures/
 * bitbucket}; without it the test is skipped. Every file there must be known here: a new recording fails the test until
 * someone says how to check it.
 */
class FixtureContractTest {

    private static final String FULL_SHA1 = "[0-9a-f]{40}";
    private static final URI CLOUD_API = URI.create("https://api.bitbucket.org/2.0");

    private final Json json = new Json();
    private final Failures failures = new Failures(TestSupport.settings(new TestClock(), new RecordingSleeper()), json);
    private final Integration cloud = TestSupport.cloudApiToken(8080);
    private final Integration dataCenter = TestSupport.dataCenterPersonal(8080);

    @FunctionalInterface
    private interface Check {
        void check(byte[] body) throws IOException;
    }

    static Optional<Path> folder() {
        String configured = System.getProperty("bitbucket.fixtures", "");
        Path path;
        if (!configured.isBlank() && !configured.contains("${")) {
            path = Path.of(configured);
        } else {
            String root = System.getProperty("maven.multiModuleProjectDirectory", "");
            if (root.isBlank()) {
                return Optional.empty();
            }
            path = Path.of(root, "..", "shared", "fixtures", "bitbucket");
        }
        return Files.isDirectory(path) ? Optional.of(path.normalize()) : Optional.empty();
    }

    private Map<String, Check> checks() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put(
                "README.md",
                body -> assertThat(new String(body, StandardCharsets.UTF_8)).contains("cloud/", "datacenter/"));

        checks.put("cloud/user.json", body -> {
            JsonNode raw = json.parse(body);
            Identity identity = CloudAnswers.identity(raw);
            assertThat(identity.displayName()).contains(raw.get("display_name").asText());
            assertThat(identity.username()).contains(raw.get("username").asText());
        });
        checks.put("cloud/repository.json", body -> cloudRepository(json.parse(body)));
        checks.put("cloud/repository-team-owner.json", body -> cloudRepository(json.parse(body)));
        checks.put("cloud/branch.json", body -> cloudBranch(json.parse(body)));
        checks.put("cloud/branches.json", body -> {
            JsonNode raw = json.parse(body);
            CloudAnswers.Page page = CloudAnswers.page(raw);
            assertThat(page.next()).isEmpty();
            assertThat(page.values()).hasSize(raw.get("size").asInt()).isNotEmpty();
            page.values().forEach(this::cloudBranch);
        });
        checks.put("cloud/branches-page-with-next.json", body -> {
            JsonNode raw = json.parse(body);
            CloudAnswers.Page page = CloudAnswers.page(raw);
            assertThat(page.next()).contains(raw.get("next").asText());
            page.values().forEach(this::cloudBranch);
            // This old recording links the next page on bitbucket.org, not api.bitbucket.org: the client would not
            // follow it.
            assertThat(Origin.of(CLOUD_API)
                            .orElseThrow()
                            .contains(URI.create(page.next().orElseThrow())))
                    .isFalse();
        });
        checks.put("cloud/repositories-page-1.json", body -> {
            CloudAnswers.Page page = CloudAnswers.page(json.parse(body));
            assertThat(page.next()).isPresent();
            assertThat(Origin.of(CLOUD_API)
                            .orElseThrow()
                            .contains(URI.create(page.next().orElseThrow())))
                    .isTrue();
            page.values().forEach(this::cloudRepository);
        });
        checks.put("cloud/repositories-page-2.json", body -> {
            CloudAnswers.Page page = CloudAnswers.page(json.parse(body));
            assertThat(page.next()).isEmpty();
            page.values().forEach(this::cloudRepository);
        });
        for (String name : List.of(
                "error-401.json",
                "error-401-access-token-expired.json",
                "error-403-forbidden.json",
                "error-404.json",
                "error-404-repository-short.json")) {
            checks.put("cloud/" + name, body -> {
                String said = json.parse(body).at("/error/message").asText();
                assertThat(said).isNotBlank();
                classified(cloud, name, body, said);
            });
        }
        for (String name : List.of("error-403.json", "error-403-oauth-scopes.json")) {
            checks.put("cloud/" + name, body -> {
                JsonNode detail = json.parse(body).at("/error/detail");
                ErrorBody read = ErrorBody.read(json, UnaryOperator.identity(), Optional.of("application/json"), body);
                assertThat(read.requiredScopes())
                        .isNotEmpty()
                        .containsExactlyElementsOf(strings(detail.get("required")));
                assertThat(read.grantedScopes()).containsExactlyElementsOf(strings(detail.get("granted")));
                assertThat(read.message())
                        .contains(json.parse(body).at("/error/message").asText());
                Outcome.Failure<Object> failure =
                        classified(cloud, name, body, "lacks the scope " + String.join(", ", read.requiredScopes()));
                assertThat(((Outcome.MissingScope<Object>) failure).requiredScopes())
                        .isEqualTo(read.requiredScopes());
            });
        }
        for (String name :
                List.of("error-401-bad-credentials.txt", "error-401-account-password.txt", "error-429.txt")) {
            checks.put("cloud/" + name, body -> {
                String text = new String(body, StandardCharsets.UTF_8);
                ErrorBody read = ErrorBody.read(json, UnaryOperator.identity(), Optional.of("text/plain"), body);
                String firstLine =
                        text.strip().lines().findFirst().orElseThrow().strip();
                assertThat(read.message())
                        .hasValueSatisfying(m ->
                                assertThat(m).startsWith(firstLine).hasSizeLessThanOrEqualTo(ErrorBody.MAX_MESSAGE));
                classified(cloud, name, body, firstLine);
            });
        }

        checks.put(
                "datacenter/application-properties.json",
                body -> assertThat(json.parse(body).get("version").asText()).isNotBlank());
        checks.put(
                "datacenter/commit.json",
                body -> assertThat(Branch.isCommitId(json.parse(body).get("id").asText()))
                        .isTrue());
        checks.put("datacenter/repository.json", body -> dataCenterRepository(json.parse(body)));
        checks.put("datacenter/repository-clone-userinfo.json", body -> {
            JsonNode raw = json.parse(body);
            assertThat(cloneHref(raw, "http")).contains("@");
            dataCenterRepository(raw);
        });
        checks.put("datacenter/branches.json", body -> dataCenterBranches(json.parse(body)));
        checks.put("datacenter/branches-filtered-default.json", body -> {
            List<Branch> branches = dataCenterBranches(json.parse(body));
            assertThat(branches).extracting(Branch::name).contains("main");
        });
        checks.put("datacenter/default-branch.json", body -> {
            JsonNode raw = json.parse(body);
            assertThat(DataCenterAnswers.branchName(raw))
                    .isEqualTo(raw.get("displayId").asText());
            assertThat(DataCenterAnswers.branch(raw).commit())
                    .isEqualTo(raw.get("latestCommit").asText());
        });
        checks.put("datacenter/commits.json", body -> {
            DataCenterAnswers.Page page = DataCenterAnswers.page(json.parse(body));
            assertThat(page.lastPage()).isTrue();
            assertThat(page.nextPageStart()).isEmpty();
        });
        checks.put("datacenter/projects-page-first.json", body -> {
            JsonNode raw = json.parse(body);
            DataCenterAnswers.Page page = DataCenterAnswers.page(raw);
            assertThat(page.lastPage()).isFalse();
            assertThat(page.nextPageStart()).contains(raw.get("nextPageStart").asInt());
        });
        checks.put("datacenter/projects-page-last.json", body -> {
            DataCenterAnswers.Page page = DataCenterAnswers.page(json.parse(body));
            assertThat(page.lastPage()).isTrue();
            assertThat(page.nextPageStart()).isEmpty();
            assertThat(page.values()).isNotEmpty();
        });
        for (String name : List.of("error-401.json", "error-404.json", "error-404-project.json")) {
            checks.put("datacenter/" + name, body -> {
                JsonNode first = json.parse(body).get("errors").get(0);
                ErrorBody read = ErrorBody.read(json, UnaryOperator.identity(), Optional.of("application/json"), body);
                assertThat(read.exceptionName())
                        .contains(first.get("exceptionName").asText());
                classified(dataCenter, name, body, first.get("message").asText());
            });
        }
        return checks;
    }

    private void cloudRepository(JsonNode raw) {
        RepositoryInfo info = CloudAnswers.repository(SourceName.parse("ws/repo"), raw);
        assertThat(info.mainBranch()).contains(raw.at("/mainbranch/name").asText());
        String https = cloneHref(raw, "https");
        assertThat(info.httpsUrl()).contains(withoutUserInfo(https));
        assertThat(URI.create(info.httpsUrl().orElseThrow()).getUserInfo()).isNull();
        assertThat(info.sshUrl()).contains(cloneHref(raw, "ssh"));
    }

    private void cloudBranch(JsonNode raw) {
        Branch branch = CloudAnswers.branch(raw);
        assertThat(branch.name()).isEqualTo(raw.get("name").asText());
        assertThat(branch.commit()).isEqualTo(raw.at("/target/hash").asText());
        assertThat(branch.commit()).matches(FULL_SHA1);
    }

    private void dataCenterRepository(JsonNode raw) {
        RepositoryInfo info = DataCenterAnswers.repository(SourceName.parse("PRJ/repo"), raw);
        assertThat(info.httpsUrl()).contains(withoutUserInfo(cloneHref(raw, "http")));
        assertThat(URI.create(info.httpsUrl().orElseThrow()).getUserInfo()).isNull();
        assertThat(info.sshUrl()).contains(cloneHref(raw, "ssh"));
        assertThat(info.mainBranch()).isEmpty();
    }

    private List<Branch> dataCenterBranches(JsonNode raw) {
        DataCenterAnswers.Page page = DataCenterAnswers.page(raw);
        assertThat(page.lastPage()).isTrue();
        assertThat(page.values()).hasSize(raw.get("size").asInt()).isNotEmpty();
        List<Branch> branches = new ArrayList<>();
        for (JsonNode value : page.values()) {
            Branch branch = DataCenterAnswers.branch(value);
            assertThat(branch.name()).isEqualTo(value.get("displayId").asText());
            assertThat(branch.commit()).isEqualTo(value.get("latestCommit").asText());
            assertThat(branch.commit()).matches(FULL_SHA1);
            branches.add(branch);
        }
        return branches;
    }

    /** The answer classified as the status in its file name says, quoting what Bitbucket said. */
    private Outcome.Failure<Object> classified(Integration integration, String name, byte[] body, String said) {
        int status = Integer.parseInt(name.substring("error-".length(), "error-".length() + 3));
        String type = name.endsWith(".txt") ? "text/plain" : "application/json";
        Reply.Answer answer = new Reply.Answer(
                URI.create("https://example.com/api"),
                status,
                HttpHeaders.of(Map.of("Content-Type", List.of(type)), (a, b) -> true),
                body,
                1);
        Outcome.Failure<Object> failure = failures.from(integration, new Subject("the thing", "Check it."), answer);
        Class<?> expected =
                switch (status) {
                    case 401 -> Outcome.InvalidToken.class;
                    case 403 -> Outcome.MissingScope.class;
                    case 404 -> Outcome.NotFound.class;
                    case 429 -> Outcome.RateLimited.class;
                    default -> throw new AssertionError("no expectation for HTTP " + status + " in " + name);
                };
        assertThat(failure).isInstanceOf(expected);
        assertThat(failure.message()).contains(said);
        return failure;
    }

    private static String cloneHref(JsonNode repository, String name) {
        for (JsonNode link : repository.at("/links/clone")) {
            if (link.get("name").asText().equals(name)) {
                return link.get("href").asText();
            }
        }
        throw new AssertionError("no `" + name + "` clone link");
    }

    private static String withoutUserInfo(String href) {
        return href.replaceFirst("^(https?://)[^/@]+@", "$1");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    @Test
    void everyFixtureFileIsKnown() throws IOException {
        Optional<Path> root = folder();
        assumeTrue(root.isPresent(), "the Bitbucket fixtures folder is absent");
        Map<String, Check> checks = checks();
        try (Stream<Path> files = Files.walk(root.get())) {
            List<String> unknown = files.filter(Files::isRegularFile)
                    .map(f -> relative(root.get(), f))
                    .filter(f -> !checks.containsKey(f))
                    .sorted()
                    .toList();
            assertThat(unknown)
                    .as("fixture files this test does not know how to check: add a check for each")
                    .isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureReadsAsTheClientNeeds() throws IOException {
        Optional<Path> root = folder();
        assumeTrue(root.isPresent(), "the Bitbucket fixtures folder is absent");
        Map<String, Check> checks = checks();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.get())) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Check check = checks.get(relative(root.get(), file));
                if (check != null) {
                    tests.add(DynamicTest.dynamicTest(
                            relative(root.get(), file), () -> check.check(Files.readAllBytes(file))));
                }
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }
}
