package io.jenkins.plugins.bitbucketresources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers like Bitbucket Cloud, over HTTP on loopback: the user profile for {@link #API_TOKEN} with its e-mail, 401 in
 * plain text for anything else (an access token may not read it), and the repository {@code acme/app} for
 * {@link Fixtures#TOKEN} as an access token. It counts the requests it gets, and can be told to answer every request
 * with one status instead, as a busy or rate-limiting Bitbucket does.
 */
final class LoopbackBitbucket implements AutoCloseable {

    static final String API_TOKEN = "ATATT3xFfGF0PluginTestApiTokenValue98765";
    static final String API_TOKEN_EMAIL = "ci-builder@example.com";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int everyAnswer;
    private volatile String retryAfter;

    private LoopbackBitbucket(HttpServer server) {
        this.server = server;
    }

    static LoopbackBitbucket start() throws IOException {
        LoopbackBitbucket bitbucket =
                new LoopbackBitbucket(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        bitbucket.serve();
        return bitbucket;
    }

    private void serve() {
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((API_TOKEN_EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
        server.createContext("/2.0/user", exchange -> {
            if (!overridden(exchange)) {
                boolean authorized = basic.equals(exchange.getRequestHeaders().getFirst("Authorization"));
                answer(
                        exchange,
                        authorized ? 200 : 401,
                        authorized
                                ? "{\"type\":\"user\",\"display_name\":\"CI Builder\",\"username\":\"ci-builder\","
                                        + "\"account_id\":\"557058:00000000-0000-0000-0000-000000000000\"}"
                                : "Unauthorized");
            }
        });
        server.createContext("/2.0/repositories/acme/app", exchange -> {
            if (!overridden(exchange)) {
                boolean authorized = ("Bearer " + Fixtures.TOKEN)
                        .equals(exchange.getRequestHeaders().getFirst("Authorization"));
                answer(
                        exchange,
                        authorized ? 200 : 401,
                        authorized
                                ? "{\"type\":\"repository\",\"full_name\":\"acme/app\",\"name\":\"app\",\"slug\":\"app\","
                                      + "\"is_private\":true,\"workspace\":{\"type\":\"workspace\",\"slug\":\"acme\"}}"
                                : "Unauthorized");
            }
        });
        server.start();
    }

    /** From now on, every request is answered with this status, and a {@code Retry-After} header when given. */
    void answerEveryRequestWith(int status, String retryAfterSeconds) {
        this.retryAfter = retryAfterSeconds;
        this.everyAnswer = status;
    }

    /** The API location of this server, as an integration's URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/2.0";
    }

    /** How many requests arrived so far. */
    int requests() {
        return requests.get();
    }

    private boolean overridden(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        int status = everyAnswer;
        if (status == 0) {
            return false;
        }
        String wait = retryAfter;
        if (wait != null) {
            exchange.getResponseHeaders().add("Retry-After", wait);
        }
        answer(exchange, status, "Try again later");
        return true;
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
