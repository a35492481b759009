package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.TokenKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The economy layer in front of {@link Transport}: identical requests in flight at the same time share one HTTP call,
 * whatever it answers (a 404 or a 401 as much as a success), and successful answers to requests that may be
 * {@linkplain #reuse reused} are kept for {@code cacheTtl}. A {@linkplain #get fresh} request never takes a kept
 * answer: a branch head must be the head at the time of asking, and a token check must see a revoked token at once.
 * "Identical" means the same URL with the same credentials: the key holds a digest of platform, token kind, username
 * and token, so two tokens never share an entry, and the token itself is not kept in the key.
 */
final class Exchanges {

    /** Beyond this many entries, expired ones are dropped, and if that is not enough the cache starts over. */
    static final int MAX_ENTRIES = 4096;

    private record Key(String credentials, String uri) {}

    private record Entry(Reply.Answer answer, Instant expires) {}

    private final Transport transport;
    private final ClientSettings settings;
    private final Json json;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<Reply>> inFlight = new ConcurrentHashMap<>();

    Exchanges(Transport transport, ClientSettings settings, Json json) {
        this.transport = transport;
        this.settings = settings;
        this.json = json;
    }

    /** The answer as it is now; only a request in flight at this moment is shared. */
    Reply get(Integration integration, URI uri) {
        return exchange(integration, uri, false);
    }

    /** An answer kept from an earlier identical request when it is recent enough, else as {@link #get}. */
    Reply reuse(Integration integration, URI uri) {
        return exchange(integration, uri, true);
    }

    private Reply exchange(Integration integration, URI uri, boolean reusable) {
        Key key = new Key(credentials(integration), uri.toString());
        while (true) {
            Reply.Answer cached = reusable ? kept(key) : null;
            if (cached != null) {
                return cached;
            }
            CompletableFuture<Reply> mine = new CompletableFuture<>();
            CompletableFuture<Reply> leader = inFlight.putIfAbsent(key, mine);
            if (leader == null) {
                return lead(key, mine, integration, uri, reusable);
            }
            Reply shared = await(leader, uri);
            // The leader's thread was interrupted (its build was aborted): that is no reason for this caller to fail.
            if (!(shared instanceof Reply.Broken broken
                    && broken.trouble() == Reply.Trouble.INTERRUPTED
                    && !Thread.currentThread().isInterrupted())) {
                return shared;
            }
        }
    }

    private Reply lead(Key key, CompletableFuture<Reply> mine, Integration integration, URI uri, boolean reusable) {
        try {
            // Checked again now that this call is registered: an answer may have been kept in between.
            Reply.Answer cached = reusable ? kept(key) : null;
            Reply reply = cached != null ? cached : transport.get(uri, authorization(integration), origin(integration));
            if (reusable && cached == null && reply instanceof Reply.Answer answer && cacheable(answer)) {
                store(key, answer);
            }
            mine.complete(reply);
            return reply;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static Reply await(CompletableFuture<Reply> leader, URI uri) {
        try {
            return leader.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply.Broken(
                    Reply.Trouble.INTERRUPTED, uri, "interrupted while waiting for the same request", 0);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the shared request failed", e.getCause());
        }
    }

    private Reply.Answer kept(Key key) {
        Entry entry = cache.get(key);
        if (entry == null) {
            return null;
        }
        if (settings.clock().instant().isBefore(entry.expires())) {
            return entry.answer();
        }
        cache.remove(key, entry);
        return null;
    }

    private boolean cacheable(Reply.Answer answer) {
        return !settings.cacheTtl().isZero()
                && answer.isSuccess()
                && (answer.body().length == 0 || json.isJson(answer.body()));
    }

    private void store(Key key, Reply.Answer answer) {
        Instant now = settings.clock().instant();
        if (cache.size() >= MAX_ENTRIES) {
            cache.values().removeIf(e -> !now.isBefore(e.expires()));
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
        }
        cache.put(key, new Entry(answer, now.plus(settings.cacheTtl())));
    }

    static Origin origin(Integration integration) {
        return Origin.of(URI.create(integration.restBase())).orElseThrow();
    }

    /** Basic {@code username:token} for Cloud API tokens, Bearer for every other kind (DESIGN section 4). */
    static String authorization(Integration integration) {
        String token = integration.token().reveal();
        if (integration.kind().authentication() == TokenKind.Authentication.BASIC) {
            return "Basic " + basic(integration.username().orElseThrow(), token);
        }
        return "Bearer " + token;
    }

    static String basic(String user, String token) {
        return Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    private static String credentials(Integration integration) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String material = integration.platform().id() + "\n"
                    + integration.kind().id() + "\n" + integration.username().orElse("") + "\n"
                    + integration.token().reveal();
            return HexFormat.of().formatHex(sha.digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
