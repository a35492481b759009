package io.jenkins.plugins.bitbucketresources;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Descriptor;
import hudson.util.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Bitbucket imitation over HTTP on loopback whose answers a test sets per path, and changes as it goes (a token that
 * expires, a scope that is added), in the shapes Bitbucket Cloud and Data Center answer: a JSON body, Cloud's error
 * envelope, a {@code Retry-After} header, a 401 in plain text for a request without the expected
 * {@code Authorization} header. It records the path of every request, so a test can count what was asked. A path
 * without an answer gets Cloud's 404.
 */
final class ScriptedBitbucket implements AutoCloseable {

    /** An API token (Cloud, user) with the e-mail address that goes with it. */
    static final String API_TOKEN = "ATATT3xFfGF0PluginTestApiTokenValue98765";

    static final String API_TOKEN_EMAIL = "ci-builder@example.com";

    static final String CLOUD_REPOSITORY = "{\"type\":\"repository\",\"full_name\":\"acme/app\",\"name\":\"app\","
            + "\"slug\":\"app\",\"is_private\":true,\"mainbranch\":{\"type\":\"branch\",\"name\":\"main\"}}";
    static final String CLOUD_USER = "{\"type\":\"user\",\"display_name\":\"CI Builder\",\"username\":\"ci-builder\","
            + "\"account_id\":\"557058:00000000-0000-0000-0000-000000000000\"}";
    static final String HEAD = "4c2b8e1a9d7f3b6e0a5c8d2f1e4b7a9c3d6e0f12";

    /**
     * One answer; when {@code authorization} is given, only to a request that sends exactly that header, the others
     * getting Cloud's 401 in plain text.
     */
    private record Answer(
            int status, String contentType, String body, Map<String, String> headers, Optional<String> authorization) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Answer everyAnswer;

    private ScriptedBitbucket(HttpServer server) {
        this.server = server;
    }

    static ScriptedBitbucket start() throws IOException {
        ScriptedBitbucket bitbucket =
                new ScriptedBitbucket(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        bitbucket.server.createContext("/", bitbucket::serve);
        bitbucket.server.start();
        return bitbucket;
    }

    /**
     * What <em>Test connection</em> asks Bitbucket Cloud: the user profile, which answers {@link #API_TOKEN} with its
     * e-mail address, and the repository {@code acme/app}, which answers {@link Fixtures#TOKEN} as an access token.
     */
    static ScriptedBitbucket forTestConnection() throws IOException {
        ScriptedBitbucket bitbucket = start();
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((API_TOKEN_EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
        bitbucket.answers.put(
                "/2.0/user", new Answer(200, "application/json", CLOUD_USER, Map.of(), Optional.of(basic)));
        bitbucket.answers.put(
                "/2.0/repositories/acme/app",
                new Answer(
                        200, "application/json", CLOUD_REPOSITORY, Map.of(), Optional.of("Bearer " + Fixtures.TOKEN)));
        return bitbucket;
    }

    /** An integration with a Cloud access token, at this server's Cloud API, as a test saves it. */
    BitbucketIntegrationCredentialsImpl cloudIntegration(String id, @CheckForNull String description, String token)
            throws Descriptor.FormException {
        return new BitbucketIntegrationCredentialsImpl(
                CredentialsScope.GLOBAL,
                id,
                description,
                cloudUrl(),
                Secret.fromString(token),
                null,
                "cloud",
                "accessToken");
    }

    /** Answers the path with JSON from now on. */
    ScriptedBitbucket json(String path, int status, String body) {
        return json(path, status, body, Map.of());
    }

    /** Answers the path with JSON and extra headers from now on. */
    ScriptedBitbucket json(String path, int status, String body, Map<String, String> headers) {
        answers.put(path, new Answer(status, "application/json", body, headers, Optional.empty()));
        return this;
    }

    /** Answers the path in plain text, as Cloud does for its rate limit, from now on. */
    ScriptedBitbucket text(String path, int status, String body, Map<String, String> headers) {
        answers.put(path, new Answer(status, "text/plain", body, headers, Optional.empty()));
        return this;
    }

    /**
     * From now on, every request is answered with this status in plain text, and a {@code Retry-After} header when
     * given, as a busy or rate-limiting Bitbucket does.
     */
    void answerEveryRequestWith(int status, @CheckForNull String retryAfterSeconds) {
        everyAnswer = new Answer(
                status,
                "text/plain",
                "Try again later",
                retryAfterSeconds == null ? Map.of() : Map.of("Retry-After", retryAfterSeconds),
                Optional.empty());
    }

    /** Cloud's branch {@code main} of {@code acme/app}, as a build asks for its head commit. */
    static String cloudBranchPath() {
        return "/2.0/repositories/acme/app/refs/branches/main";
    }

    static String cloudBranch() {
        return "{\"name\":\"main\",\"type\":\"branch\",\"target\":{\"hash\":\"" + HEAD + "\",\"type\":\"commit\"}}";
    }

    /** Cloud's error envelope. */
    static String cloudError(String message) {
        return "{\"type\":\"error\",\"error\":{\"message\":\"" + message + "\"}}";
    }

    /** Cloud's answer to a token that lacks a scope, naming the scope needed and those the token has. */
    static String cloudScopeError(String required, String granted) {
        return "{\"type\":\"error\",\"error\":{\"message\":\"The credentials lack a required privilege scope.\","
                + "\"detail\":{\"required\":[\"" + required + "\"],\"granted\":[\"" + granted + "\"]}}}";
    }

    /** The API location of this server as a Cloud integration's URL. */
    String cloudUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/2.0";
    }

    /** The address of this server as a Data Center integration's URL. */
    String serverUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests arrived so far. */
    int requests() {
        return requests.size();
    }

    /** How many requests for this path arrived so far. */
    int requests(String path) {
        return (int) requests.stream().filter(path::equals).count();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        Answer answer = everyAnswer;
        if (answer == null) {
            answer = answers.getOrDefault(
                    path,
                    new Answer(404, "application/json", cloudError("Resource not found"), Map.of(), Optional.empty()));
        }
        String sent = exchange.getRequestHeaders().getFirst("Authorization");
        if (answer.authorization().isPresent() && !answer.authorization().get().equals(sent)) {
            answer = new Answer(401, "text/plain", "Unauthorized", Map.of(), Optional.empty());
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
