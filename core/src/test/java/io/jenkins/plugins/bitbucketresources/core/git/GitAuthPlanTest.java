package io.jenkins.plugins.bitbucketresources.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bitbucketresources.core.env.BlockEnvironment;
import io.jenkins.plugins.bitbucketresources.core.env.ResourceVariables;
import io.jenkins.plugins.bitbucketresources.core.env.Variable;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.testing.GeneratedCases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class GitAuthPlanTest {

    private static final String CLOUD_API = "https://api.bitbucket.org/2.0";
    private static final String DATA_CENTER = "https://git.example.com/bitbucket";
    private static final String ACCESS_TOKEN = "ATCTT-access-c2VjcmV0MQ";
    private static final String API_TOKEN = "ATATT-api-c2VjcmV0Mg";
    private static final String PERSONAL_TOKEN = "BBDC-personal-c2VjcmV0Mw";
    private static final String PROJECT_TOKEN = "BBDC-project-c2VjcmV0NA";

    private static final ResourceVariables ACCESS =
            Blocks.resource("app-repo", "acme/app", Blocks.cloudAccessToken(CLOUD_API, ACCESS_TOKEN));
    private static final ResourceVariables API =
            Blocks.resource("api-repo", "acme/api", Blocks.cloudApiToken(CLOUD_API, "ci-bot@example.com", API_TOKEN));
    private static final ResourceVariables PERSONAL =
            Blocks.resource("lib", "PROJ/lib", Blocks.dataCenterPersonal(DATA_CENTER, "builder", PERSONAL_TOKEN));
    private static final ResourceVariables PROJECT =
            Blocks.resource("infra", "PROJ/infra", Blocks.dataCenterProject(DATA_CENTER, PROJECT_TOKEN));

    private static Map<String, String> with(Map<String, String> outside, BlockEnvironment block) {
        Map<String, String> environment = new HashMap<>(outside);
        environment.putAll(block.asMap());
        return environment;
    }

    private static GitEnvironment.Added added(Map<String, String> outside, ResourceVariables... resources) {
        BlockEnvironment block = Blocks.block(resources);
        GitEnvironment result = GitAuth.plan(block).environmentFor(with(outside, block));
        assertThat(result).isInstanceOf(GitEnvironment.Added.class);
        return (GitEnvironment.Added) result;
    }

    private static GitEnvironment outcome(Map<String, String> outside) {
        BlockEnvironment block = Blocks.block(ACCESS);
        return GitAuth.plan(block).environmentFor(with(outside, block));
    }

    /** {@code key=value} of each entry in order, read back the way git reads them. */
    private static List<String> entries(Map<String, String> environment) {
        int count = Integer.parseInt(environment.get("GIT_CONFIG_COUNT"));
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(environment.get("GIT_CONFIG_KEY_" + i) + "=" + environment.get("GIT_CONFIG_VALUE_" + i));
        }
        return entries;
    }

    @Test
    void eachTokenKindGetsTheMechanismAndUserNameGitNeeds() {
        GitAuthPlan plan = GitAuth.plan(Blocks.block(ACCESS, API, PERSONAL, PROJECT));

        assertThat(plan.routes())
                .extracting(GitRoute::credential)
                .containsExactly(
                        new GitCredential.Basic("x-token-auth"),
                        new GitCredential.Basic("x-bitbucket-api-token-auth"),
                        new GitCredential.Basic("builder"),
                        new GitCredential.Bearer());
        assertThat(plan.routes())
                .extracting(GitRoute::repositoryUrl)
                .containsExactly(
                        "https://bitbucket.org/acme/app.git", "https://bitbucket.org/acme/api.git",
                        "https://git.example.com/bitbucket/scm/proj/lib.git",
                                "https://git.example.com/bitbucket/scm/proj/infra.git");
        assertThat(plan.routes())
                .extracting(GitRoute::tokenVariable)
                .containsExactly(
                        "APPREPO_INTEGRATION_TOKEN",
                        "APIREPO_INTEGRATION_TOKEN",
                        "LIB_INTEGRATION_TOKEN",
                        "INFRA_INTEGRATION_TOKEN");
    }

    @Test
    void theRouteIsTheCloneUrlWithAndWithoutDotGit() {
        GitRoute route = GitAuth.plan(Blocks.block(ACCESS)).routes().get(0);

        assertThat(route.repositoryUrl())
                .isEqualTo(ACCESS.variables().stream()
                        .filter(v -> v.name().equals("APPREPO_HTTPS_URL"))
                        .findFirst()
                        .orElseThrow()
                        .value());
        assertThat(route.scopes())
                .containsExactly("https://bitbucket.org/acme/app.git", "https://bitbucket.org/acme/app");
    }

    @Test
    void aBasicRouteClearsHelperAndHeaderThenSetsItsHelperForEachScope() {
        GitEnvironment.Added added = added(Map.of(), ACCESS);
        List<String> entries = entries(added.asMap());

        assertThat(entries).hasSize(6);
        String helper = entries.get(2).substring(entries.get(2).indexOf('=') + 1);
        assertThat(entries)
                .containsExactly(
                        "credential.https://bitbucket.org/acme/app.git.helper=",
                        "http.https://bitbucket.org/acme/app.git.extraHeader=",
                        "credential.https://bitbucket.org/acme/app.git.helper=" + helper,
                        "credential.https://bitbucket.org/acme/app.helper=",
                        "http.https://bitbucket.org/acme/app.extraHeader=",
                        "credential.https://bitbucket.org/acme/app.helper=" + helper);
        assertThat(helper)
                .startsWith("!f() { case \"${1:-}\" in get) printf 'username=%s\\npassword=%s\\n' 'x-token-auth' "
                        + "\"${APPREPO_INTEGRATION_TOKEN:-}\" ;;");
        assertThat(added.secretNames()).isEmpty();
    }

    @Test
    void aBearerRouteSendsTheHeaderAndItsValueIsTheOnlySecret() {
        GitEnvironment.Added added = added(Map.of(), PROJECT);
        List<String> entries = entries(added.asMap());

        assertThat(entries)
                .hasSize(10)
                .contains(
                        "http.https://git.example.com/bitbucket/scm/proj/infra.git.followRedirects=false",
                        "http.https://git.example.com/bitbucket/scm/proj/infra.git.extraHeader=Authorization: Bearer "
                                + PROJECT_TOKEN,
                        "http.https://git.example.com/bitbucket/scm/proj/infra.extraHeader=Authorization: Bearer "
                                + PROJECT_TOKEN);
        assertThat(entries.get(2))
                .startsWith("credential.https://git.example.com/bitbucket/scm/proj/infra.git.helper=!f() { if test")
                .contains("echo quit=1");
        assertThat(added.variables())
                .filteredOn(Variable::secret)
                .extracting(Variable::value)
                .containsOnly("Authorization: Bearer " + PROJECT_TOKEN)
                .hasSize(2);
        assertThat(added.secretNames()).allMatch(name -> name.startsWith("GIT_CONFIG_VALUE_"));
    }

    @Test
    void noValueButABearerHeaderHoldsAToken() {
        GitEnvironment.Added added = added(Map.of(), ACCESS, API, PERSONAL, PROJECT);

        assertThat(added.variables())
                .filteredOn(v -> !v.secret())
                .allSatisfy(v ->
                        assertThat(v.value()).doesNotContain(ACCESS_TOKEN, API_TOKEN, PERSONAL_TOKEN, PROJECT_TOKEN));
        assertThat(added.variables())
                .filteredOn(Variable::secret)
                .extracting(Variable::display)
                .allMatch(d -> d.endsWith("=****"));
    }

    @Test
    void numberingContinuesAfterTheEnvironmentsOwnEntriesAndLeavesThemAlone() {
        Map<String, String> outside = Map.of(
                "GIT_CONFIG_COUNT",
                "2",
                "GIT_CONFIG_KEY_0",
                "user.name",
                "GIT_CONFIG_VALUE_0",
                "Builder",
                "GIT_CONFIG_KEY_1",
                "http.extraHeader",
                "GIT_CONFIG_VALUE_1",
                "");

        Map<String, String> added = added(outside, ACCESS).asMap();

        assertThat(added)
                .containsEntry("GIT_CONFIG_COUNT", "8")
                .containsKeys("GIT_CONFIG_KEY_2", "GIT_CONFIG_VALUE_7")
                .doesNotContainKeys(
                        "GIT_CONFIG_KEY_0",
                        "GIT_CONFIG_VALUE_0",
                        "GIT_CONFIG_KEY_1",
                        "GIT_CONFIG_VALUE_1",
                        "GIT_CONFIG_KEY_8");
    }

    @Test
    void aCountGitAcceptsIsContinued() {
        for (String count : List.of("", "0", "+0", " 0", "000")) {
            assertThat(((GitEnvironment.Added) outcome(Map.of("GIT_CONFIG_COUNT", count))).asMap())
                    .as(count)
                    .containsEntry("GIT_CONFIG_COUNT", "6")
                    .containsKey("GIT_CONFIG_KEY_0");
        }
        Map<String, String> one =
                Map.of("GIT_CONFIG_COUNT", "01", "GIT_CONFIG_KEY_0", "a.b", "GIT_CONFIG_VALUE_0", "c");
        assertThat(((GitEnvironment.Added) outcome(one)).asMap())
                .containsEntry("GIT_CONFIG_COUNT", "7")
                .containsKey("GIT_CONFIG_KEY_1");
    }

    @Test
    void aCountGitRefusesAddsNothingAndSaysWhy() {
        for (String count : List.of("two", "-1", "2 ", "+", " ", "1.0")) {
            assertThat(outcome(Map.of("GIT_CONFIG_COUNT", count)))
                    .as(count)
                    .isEqualTo(new GitEnvironment.NotAdded("GIT_CONFIG_COUNT is `"
                            + count
                            + "`, which is not a number, so git refuses to run (\"bogus count in GIT_CONFIG_COUNT\"): set it to the number "
                            + "of GIT_CONFIG_KEY_<n>/GIT_CONFIG_VALUE_<n> pairs, or unset it; until then git over HTTPS gets no credentials from "
                            + "the resources"));
        }
        assertThat(outcome(Map.of("GIT_CONFIG_COUNT", "99999999999")))
                .isInstanceOf(GitEnvironment.NotAdded.class)
                .extracting(o -> ((GitEnvironment.NotAdded) o).message())
                .asString()
                .startsWith("GIT_CONFIG_COUNT is 99999999999, more " + "entries than git accepts");
    }

    @Test
    void aMissingPairAddsNothingAndNamesIt() {
        assertThat(outcome(Map.of(
                        "GIT_CONFIG_COUNT",
                        "2",
                        "GIT_CONFIG_KEY_0",
                        "a.b",
                        "GIT_CONFIG_VALUE_0",
                        "c",
                        "GIT_CONFIG_KEY_1",
                        "d.e")))
                .isEqualTo(new GitEnvironment.NotAdded(
                        "GIT_CONFIG_COUNT is 2, but GIT_CONFIG_VALUE_1 is not set, so git refuses to run "
                                + "(\"missing config value GIT_CONFIG_VALUE_1\"): set it, or lower GIT_CONFIG_COUNT; until then git over HTTPS "
                                + "gets no credentials from the resources"));
        assertThat(outcome(Map.of("GIT_CONFIG_COUNT", "1")))
                .extracting(o -> ((GitEnvironment.NotAdded) o).message())
                .asString()
                .contains("GIT_CONFIG_KEY_0 is not set")
                .contains("\"missing config key GIT_CONFIG_KEY_0\"");
    }

    @Test
    void withoutRoutesNothingIsAddedWhateverTheEnvironment() {
        BlockEnvironment block = Blocks.block(
                Blocks.resource("app-repo", "acme/app", Blocks.cloudAccessToken(CLOUD_API, ACCESS_TOKEN), false));
        GitAuthPlan plan = GitAuth.plan(block);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.environmentFor(with(Map.of("GIT_CONFIG_COUNT", "broken"), block)))
                .isEqualTo(new GitEnvironment.Added(List.of()));
    }

    @Test
    void onlyTheResourcesWithGitAuthOnGetARoute() {
        ResourceVariables off =
                Blocks.resource("docs", "acme/docs", Blocks.cloudAccessToken(CLOUD_API, ACCESS_TOKEN), false);

        assertThat(GitAuth.plan(Blocks.block(ACCESS, off, PROJECT)).routes())
                .extracting(GitRoute::resource)
                .containsExactly("app-repo", "infra");
    }

    @Test
    void theEnvironmentMustHoldTheTokenVariablesAndTheMessageHoldsNoToken() {
        GitAuthPlan plan = GitAuth.plan(Blocks.block(PROJECT));

        assertThatThrownBy(() -> plan.environmentFor(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "INFRA_INTEGRATION_TOKEN is not in the environment: extend the environment that already holds the resources' "
                                + "variables");
        assertThatThrownBy(() -> plan.environmentFor(Map.of("INFRA_INTEGRATION_TOKEN", "BBDC-x\r\nX-Injected: 1")))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("BBDC-x")
                .doesNotContain("Injected");
    }

    @Test
    void describeNamesEachRepositoryAndHowButNoToken() {
        GitAuthPlan plan = GitAuth.plan(Blocks.block(ACCESS, PROJECT));

        assertThat(plan.describe())
                .isEqualTo("app-repo: https://bitbucket.org/acme/app.git as x-token-auth; "
                        + "infra: https://git.example.com/bitbucket/scm/proj/infra.git with a Bearer header");
        assertThat(plan.toString()).doesNotContain(ACCESS_TOKEN, PROJECT_TOKEN);
    }

    @Test
    void aRouteRefusesAUrlWithCredentialsWithoutRepeatingIt() {
        assertThatThrownBy(() -> new GitRoute(
                        "app",
                        "APP",
                        "https://x-token-auth:secret-value@bitbucket.org/acme/app.git",
                        new GitCredential.Basic("x-token-auth")))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("secret-value");
        assertThatThrownBy(() ->
                        new GitRoute("app", "APP", "ssh://git@bitbucket.org/acme/app.git", new GitCredential.Bearer()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new GitRoute("app", "APP", "https://bitbucket.org/acme/app\".git", new GitCredential.Bearer()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Random environments (with their own entries) and random blocks, entered one inside the other: every entry already
     * there stays, numbering has no gap, every key is scoped to a route's URL and only Bearer headers are secret.
     */
    @Test
    void generatedBlocksComposeWithWhatIsThere() {
        List<BiFunction<String, String, ResourceVariables>> kinds = List.of(
                (name, repo) -> Blocks.resource(name, "acme/" + repo, Blocks.cloudAccessToken(CLOUD_API, ACCESS_TOKEN)),
                (name, repo) -> Blocks.resource(
                        name, "acme/" + repo, Blocks.cloudApiToken(CLOUD_API, "ci-bot@example.com", API_TOKEN)),
                (name, repo) -> Blocks.resource(
                        name, "PROJ/" + repo, Blocks.dataCenterPersonal(DATA_CENTER, "builder", PERSONAL_TOKEN)),
                (name, repo) ->
                        Blocks.resource(name, "PROJ/" + repo, Blocks.dataCenterProject(DATA_CENTER, PROJECT_TOKEN)),
                (name, repo) ->
                        Blocks.resource(name, "acme/" + repo, Blocks.cloudAccessToken(CLOUD_API, ACCESS_TOKEN), false));
        GeneratedCases.check(200, generate -> {
            RandomGenerator random = generate.random();
            Map<String, String> environment = new HashMap<>();
            int own = random.nextInt(4);
            if (own > 0 || random.nextBoolean()) {
                environment.put("GIT_CONFIG_COUNT", Integer.toString(own));
            }
            for (int i = 0; i < own; i++) {
                environment.put("GIT_CONFIG_KEY_" + i, "own.key" + i);
                environment.put("GIT_CONFIG_VALUE_" + i, "value " + i);
            }
            Map<String, String> before = Map.copyOf(environment);
            int expectedEntries = own;
            int expectedSecrets = 0;
            List<String> scopes = new ArrayList<>();
            int blocks = 1 + random.nextInt(3);
            for (int b = 0; b < blocks; b++) {
                List<ResourceVariables> resources = new ArrayList<>();
                int size = 1 + random.nextInt(4);
                for (int r = 0; r < size; r++) {
                    resources.add(kinds.get(random.nextInt(kinds.size()))
                            .apply("res" + b + "x" + r, "repo" + random.nextInt(5)));
                }
                BlockEnvironment block = Blocks.block(resources.toArray(ResourceVariables[]::new));
                GitAuthPlan plan = GitAuth.plan(block);
                plan.routes().forEach(route -> scopes.addAll(route.scopes()));
                for (GitRoute route : plan.routes()) {
                    expectedEntries +=
                            route.scopes().size() * (route.credential() instanceof GitCredential.Bearer ? 5 : 3);
                    expectedSecrets += route.credential() instanceof GitCredential.Bearer
                            ? route.scopes().size()
                            : 0;
                }
                environment.putAll(block.asMap());
                GitEnvironment.Added added = (GitEnvironment.Added) plan.environmentFor(environment);
                environment.putAll(added.asMap());
                long secrets = environment.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("GIT_CONFIG_VALUE_")
                                && e.getValue().startsWith("Authorization: Bearer "))
                        .count();
                assertThat(secrets).isEqualTo(expectedSecrets);
            }
            before.forEach((name, value) -> {
                if (!name.equals("GIT_CONFIG_COUNT")) {
                    assertThat(environment).containsEntry(name, value);
                }
            });
            if (expectedEntries == own) {
                assertThat(environment.get("GIT_CONFIG_COUNT")).isEqualTo(before.get("GIT_CONFIG_COUNT"));
                return;
            }
            List<String> entries = entries(environment);
            assertThat(entries).hasSize(expectedEntries);
            for (String entry : entries.subList(own, entries.size())) {
                String key = entry.substring(0, entry.indexOf('='));
                assertThat(scopes.stream()
                                .anyMatch(scope -> key.equals("credential." + scope + ".helper")
                                        || key.equals("http." + scope + ".extraHeader")
                                        || key.equals("http." + scope + ".followRedirects")))
                        .as("%s is scoped to a route", key)
                        .isTrue();
            }
        });
    }

    /** The {@code GIT_CONFIG_PARAMETERS} entries of an environment, read back the way git reads them (new style only). */
    private static List<String> parameters(String value) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '\\') {
                word.append(value.charAt(++i));
            } else if (c == '=') {
                word.append('=');
            } else if (c == ' ') {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        words.add(word.toString());
        return words;
    }

    @Test
    void asParametersTheEntriesAreTheSameInOneVariableWithoutAnEmptyValue() {
        BlockEnvironment block = Blocks.block(ACCESS, PROJECT);
        Map<String, String> environment = with(Map.of(), block);
        GitEnvironment.Added counted =
                (GitEnvironment.Added) GitAuth.plan(block).environmentFor(environment);

        GitEnvironment.Added added = (GitEnvironment.Added) GitAuth.plan(block).parametersFor(environment);

        assertThat(added.variables()).extracting(Variable::name).containsExactly("GIT_CONFIG_PARAMETERS");
        assertThat(GitAuthPlan.PARAMETERS_VARIABLE).isEqualTo("GIT_CONFIG_PARAMETERS");
        assertThat(added.variables()).allSatisfy(v -> assertThat(v.value()).isNotEmpty());
        assertThat(parameters(added.asMap().get("GIT_CONFIG_PARAMETERS")))
                .containsExactlyElementsOf(entries(counted.asMap()));
        assertThat(added.secretNames()).containsExactly("GIT_CONFIG_PARAMETERS");
    }

    @Test
    void asParametersOnlyABearerHeaderMakesTheVariableSecret() {
        BlockEnvironment block = Blocks.block(ACCESS, API, PERSONAL);

        GitEnvironment.Added added = (GitEnvironment.Added) GitAuth.plan(block).parametersFor(with(Map.of(), block));

        assertThat(added.secretNames()).isEmpty();
        assertThat(added.asMap().get("GIT_CONFIG_PARAMETERS")).doesNotContain(ACCESS_TOKEN, API_TOKEN, PERSONAL_TOKEN);
    }

    @Test
    void asParametersTheEntriesGoAfterThoseAlreadyThere() {
        BlockEnvironment block = Blocks.block(ACCESS);
        String outer = "'user.name'='Builder' 'http.extraheader'='' 'core.bare=false' 'color.ui'=";
        Map<String, String> environment = with(
                Map.of(
                        "GIT_CONFIG_PARAMETERS",
                        outer,
                        "GIT_CONFIG_COUNT",
                        "1",
                        "GIT_CONFIG_KEY_0",
                        "a.b",
                        "GIT_CONFIG_VALUE_0",
                        ""),
                block);

        GitEnvironment.Added added = (GitEnvironment.Added) GitAuth.plan(block).parametersFor(environment);

        String value = added.asMap().get("GIT_CONFIG_PARAMETERS");
        assertThat(value).startsWith(outer + " 'credential.https://bitbucket.org/acme/app.git.helper'=''");
        assertThat(added.asMap()).doesNotContainKeys("GIT_CONFIG_COUNT", "GIT_CONFIG_KEY_1");
    }

    @Test
    void asParametersABrokenListOrCountAddsNothingAndDoesNotRepeatTheList() {
        BlockEnvironment block = Blocks.block(ACCESS);
        for (String broken : List.of(
                " 'a.b'='c'", "'a.b'='c", "'a.b''c.d'", "a.b=c", "'a.b'=c", "'a.b'='c'x", "'a.b'='secret-value")) {
            GitEnvironment outcome =
                    GitAuth.plan(block).parametersFor(with(Map.of("GIT_CONFIG_PARAMETERS", broken), block));

            assertThat(outcome).as(broken).isInstanceOf(GitEnvironment.NotAdded.class);
            assertThat(((GitEnvironment.NotAdded) outcome).message())
                    .as(broken)
                    .startsWith(
                            "GIT_CONFIG_PARAMETERS is not a list of quoted "
                                    + "'key'='value' entries, so git refuses to run (\"bogus format in GIT_CONFIG_PARAMETERS\")")
                    .doesNotContain(broken);
        }
        assertThat(GitAuth.plan(block).parametersFor(with(Map.of("GIT_CONFIG_COUNT", "two"), block)))
                .isInstanceOf(GitEnvironment.NotAdded.class);
        assertThat(GitAuth.plan(block).parametersFor(with(Map.of("GIT_CONFIG_PARAMETERS", ""), block)))
                .isInstanceOf(GitEnvironment.Added.class);
    }

    /**
     * Jenkins replaces {@code $NAME}, <code>${NAME}</code> and {@code $$} in the values of a build's variables with
     * variables' values: no value of git's configuration holds one of them, whatever the resource and user are called.
     */
    @Test
    void noValueHoldsWhatAHostWouldExpand() {
        java.util.regex.Pattern expanded =
                java.util.regex.Pattern.compile("\\$([A-Za-z0-9_]+|\\{[A-Za-z0-9_.]+\\}|\\$)");
        String alphabet = "ab$_{}.9-'!\\\" ";
        GeneratedCases.check(200, generate -> {
            String resource = generate.string(alphabet, 1, 8);
            String user = ("u" + generate.string(alphabet, 1, 8)).strip();
            GitRoute basic =
                    new GitRoute(resource, "APP", "https://bitbucket.org/acme/app.git", new GitCredential.Basic(user));
            GitRoute bearer =
                    new GitRoute(resource, "APP", "https://bitbucket.org/acme/app.git", new GitCredential.Bearer());
            for (String helper : List.of(CredentialHelper.answering(basic, user), CredentialHelper.refusing(bearer))) {
                assertThat(expanded.matcher(helper).find()).as(helper).isFalse();
            }
        });
    }

    @Test
    void anIntegrationsUsernameIsGitsUserOnlyForDataCenterPersonalTokens() {
        Integration apiToken = Blocks.cloudApiToken(CLOUD_API, "ci-bot@example.com", API_TOKEN);

        assertThat(GitAuth.plan(Blocks.block(Blocks.resource("a", "acme/a", apiToken)))
                        .routes()
                        .get(0)
                        .credential())
                .isEqualTo(new GitCredential.Basic("x-bitbucket-api-token-auth"));
    }
}
