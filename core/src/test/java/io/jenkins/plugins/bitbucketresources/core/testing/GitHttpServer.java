package io.jenkins.plugins.bitbucketresources.core.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A Git smart-HTTP server on loopback: each request runs the real {@code git http-backend} as a CGI program over bare
 * repositories under a root directory, after checking the request's {@code Authorization} against what the repository
 * expects (nothing, Basic with one user and token, or a Bearer token only), as Bitbucket does. It records every request
 * with its headers, so a test can show which repository and which host received which credentials. Pushing is
 * allowed to whoever is let in. Like Bitbucket, a repository {@code acme/app.git} answers as {@code acme/app} too.
 */
public final class GitHttpServer implements AutoCloseable {

    /** What a repository lets in. */
    public sealed interface Access {
        boolean admits(Optional<String> authorization);

        /** Anyone, with or without credentials. */
        record Open() implements Access {
            @Override
            public boolean admits(Optional<String> authorization) {
                return true;
            }
        }

        /** HTTP Basic with exactly this user and token. */
        record Basic(String user, String token) implements Access {
            @Override
            public boolean admits(Optional<String> authorization) {
                String expected = "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
                return authorization.filter(expected::equals).isPresent();
            }

            @Override
            public String toString() {
                return "Basic[user=" + user + "]";
            }
        }

        /** {@code Authorization: Bearer <token>} and nothing else, like a Data Center project token. */
        record Bearer(String token) implements Access {
            @Override
            public boolean admits(Optional<String> authorization) {
                return authorization.filter(("Bearer " + token)::equals).isPresent();
            }

            @Override
            public String toString() {
                return "Bearer[]";
            }
        }
    }

    /** One request as it arrived. {@code repository} is the repository path it addressed, empty for none. */
    public record Request(
            String method,
            String path,
            String query,
            String repository,
            Map<String, List<String>> headers,
            int status) {
        public Optional<String> authorization() {
            return Optional.ofNullable(headers.get("Authorization"))
                    .flatMap(values -> values.stream().findFirst());
        }

        /** Every header value, for searching a secret in everything the client sent. */
        public String allHeaders() {
            StringBuilder text = new StringBuilder();
            headers.forEach((name, values) ->
                    values.forEach(v -> text.append(name).append(": ").append(v).append('\n')));
            return text.toString();
        }
    }

    private final Path root;
    private final GitClient git;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Access> repositories = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Consumer<Request>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();

    private GitHttpServer(Path root, GitClient git) throws IOException {
        this.root = root.resolve("repositories");
        this.git = git;
        Files.createDirectories(this.root);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a server keeping its repositories under {@code directory}; skips the test when git is missing. */
    public static GitHttpServer start(Path directory) {
        GitClient git = GitClient.withHome(directory.resolve("server-home"));
        try {
            return new GitHttpServer(directory, git);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The clone URL of a repository path such as {@code scm/proj/app.git}. */
    public String url(String repository) {
        return baseUrl() + "/" + repository;
    }

    /**
     * A bare repository at {@code path} (e.g. {@code acme/app.git}) with one commit on {@code main} holding
     * {@code README}, let in as {@code access} says.
     */
    public void createRepository(String path, Access access) {
        String repository = normalise(path);
        Path directory = root.resolve(repository);
        run(root, "init", "--quiet", "--bare", "--initial-branch=main", directory.toString());
        String blob = run(directory, List.of("hash-object", "-w", "--stdin"), "read me\n")
                .strip();
        String tree = run(directory, List.of("mktree"), "100644 blob " + blob + "\tREADME\n")
                .strip();
        String commit =
                run(directory, List.of("commit-tree", tree, "-m", "first"), "").strip();
        run(directory, "update-ref", "refs/heads/main", commit);
        repositories.put(repository, access);
    }

    /** The head of a branch as the server has it. */
    public String head(String repository, String branch) {
        return run(root.resolve(normalise(repository)), "rev-parse", "refs/heads/" + branch)
                .strip();
    }

    /**
     * Requests to {@code repository} that are let in are answered {@code 302} to the same path and query under
     * {@code targetBaseUrl}, as a server does when a repository has moved.
     */
    public void redirectAfterAuthentication(String repository, String targetBaseUrl) {
        redirects.put(normalise(repository), targetBaseUrl);
    }

    /** Called for each request while it is held, before it is answered. */
    public void onRequest(Consumer<Request> listener) {
        listeners.add(listener);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsTo(String repository) {
        String wanted = normalise(repository);
        return requests.stream().filter(r -> r.repository().equals(wanted)).toList();
    }

    /** The bare repositories' directory; everything a push wrote is under it. */
    public Path repositoriesDirectory() {
        return root;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            String query = Optional.ofNullable(uri.getRawQuery()).orElse("");
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            Optional<String> repository = repositories.keySet().stream()
                    .filter(r -> addresses(path, r) || addresses(path, withoutGit(r)))
                    .findFirst();
            Optional<String> authorization =
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"));
            int status;
            if (repository.isEmpty()) {
                status = 404;
            } else if (!repositories.get(repository.get()).admits(authorization)) {
                status = 401;
            } else if (redirects.containsKey(repository.get())) {
                status = 302;
            } else {
                status = 200;
            }
            Request request = new Request(
                    exchange.getRequestMethod(), path, query, repository.orElse(""), Map.copyOf(headers), status);
            requests.add(request);
            listeners.forEach(listener -> listener.accept(request));
            if (status == 404) {
                reply(exchange, 404, Map.of(), "Repository not found\n");
            } else if (status == 401) {
                reply(
                        exchange,
                        401,
                        Map.of("WWW-Authenticate", "Basic realm=\"Bitbucket\""),
                        "Authentication required\n");
            } else if (status == 302) {
                String target = redirects.get(repository.get()) + path + (query.isEmpty() ? "" : "?" + query);
                reply(exchange, 302, Map.of("Location", target), "Moved\n");
            } else {
                String repositoryPath = "/" + repository.get();
                backend(
                        exchange,
                        addresses(path, repository.get())
                                ? path
                                : repositoryPath
                                        + path.substring(
                                                withoutGit(repositoryPath).length()),
                        query);
            }
        }
    }

    private void backend(HttpExchange exchange, String path, String query) throws IOException {
        Headers in = exchange.getRequestHeaders();
        Map<String, String> environment = git.environment();
        environment.put("GIT_PROJECT_ROOT", root.toString());
        environment.put("GIT_HTTP_EXPORT_ALL", "1");
        environment.put("GIT_CONFIG_COUNT", "1");
        environment.put("GIT_CONFIG_KEY_0", "http.receivepack");
        environment.put("GIT_CONFIG_VALUE_0", "true");
        environment.put("PATH_INFO", path);
        environment.put("QUERY_STRING", query);
        environment.put("REQUEST_METHOD", exchange.getRequestMethod());
        environment.put("REMOTE_ADDR", exchange.getRemoteAddress().getAddress().getHostAddress());
        environment.put("REMOTE_USER", "git");
        Optional.ofNullable(in.getFirst("Content-Type")).ifPresent(v -> environment.put("CONTENT_TYPE", v));
        Optional.ofNullable(in.getFirst("Content-Length")).ifPresent(v -> environment.put("CONTENT_LENGTH", v));
        Optional.ofNullable(in.getFirst("Content-Encoding"))
                .ifPresent(v -> environment.put("HTTP_CONTENT_ENCODING", v));
        Optional.ofNullable(in.getFirst("Git-Protocol")).ifPresent(v -> environment.put("HTTP_GIT_PROTOCOL", v));
        ProcessBuilder builder = new ProcessBuilder(git.program().toString(), "http-backend").directory(root.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread body = new Thread(() -> {
            try (InputStream from = exchange.getRequestBody();
                    OutputStream to = process.getOutputStream()) {
                from.transferTo(to);
            } catch (IOException e) {
                // http-backend stopped reading; its answer says why.
            }
        });
        body.start();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread errorReader = new Thread(() -> {
            try (InputStream from = process.getErrorStream()) {
                from.transferTo(errors);
            } catch (IOException e) {
                // Only kept for a failure message.
            }
        });
        errorReader.start();
        try (InputStream out = process.getInputStream()) {
            Map<String, String> cgiHeaders = readCgiHeaders(out);
            int status = Optional.ofNullable(cgiHeaders.remove("status"))
                    .map(s -> Integer.parseInt(s.split(" ")[0]))
                    .orElse(200);
            cgiHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream response = exchange.getResponseBody()) {
                out.transferTo(response);
            }
        } finally {
            try {
                process.waitFor();
                body.join();
                errorReader.join();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** CGI headers end at an empty line; names are kept lower-case, as CGI treats them without case. */
    private static Map<String, String> readCgiHeaders(InputStream out) throws IOException {
        Map<String, String> headers = new HashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = out.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
                line.reset();
                if (text.isEmpty()) {
                    break;
                }
                int colon = text.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            text.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            text.substring(colon + 1).strip());
                }
            } else {
                line.write(b);
            }
        }
        return headers;
    }

    /** Bitbucket serves {@code acme/app.git} as {@code acme/app} too. */
    private static String withoutGit(String repository) {
        return repository.endsWith(".git")
                ? repository.substring(0, repository.length() - ".git".length())
                : repository;
    }

    private static boolean addresses(String path, String repository) {
        return path.equals("/" + repository) || path.startsWith("/" + repository + "/");
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String run(Path directory, String... args) {
        return run(directory, List.of(args), "");
    }

    private String run(Path directory, List<String> args, String input) {
        Command.Result result = git.run(
                directory, git.environment(), input.getBytes(StandardCharsets.UTF_8), args.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + result.err());
        }
        return result.out();
    }

    private static String normalise(String repository) {
        String path = repository.startsWith("/") ? repository.substring(1) : repository;
        if (path.isEmpty() || path.endsWith("/")) {
            throw new IllegalArgumentException("a repository path looks like `acme/app.git`");
        }
        return path;
    }
}
