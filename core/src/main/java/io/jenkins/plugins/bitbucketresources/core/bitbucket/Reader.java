package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The plumbing both platforms share: one request read into a value or a failure, and paged lists followed to their
 * end (or to the value sought), never endlessly and never off the integration's origin.
 */
final class Reader {

    /** Values read from a paged list. {@code complete} is false when the page limit stopped the reading. */
    record Collected<T>(List<T> values, boolean complete) {
        Collected {
            values = List.copyOf(values);
        }
    }

    private record Converted<T>(
            List<T> values, Optional<String> next, boolean lastPage, Optional<Integer> nextPageStart) {}

    private final Exchanges exchanges;
    private final Failures failures;
    private final Json json;

    Reader(Exchanges exchanges, Failures failures, Json json) {
        this.exchanges = exchanges;
        this.failures = failures;
        this.json = json;
    }

    Failures failures() {
        return failures;
    }

    /** The answer as it is now. */
    Reply fetch(Integration integration, URI uri) {
        return exchanges.get(integration, uri);
    }

    /** An answer that may be a recent one kept from an identical request: for what rarely changes (repository metadata). */
    Reply fetchReusable(Integration integration, URI uri) {
        return exchanges.reuse(integration, uri);
    }

    JsonNode json(Reply.Answer answer) {
        return json.parse(answer.body());
    }

    /** What an error answer says; for decisions only, so nothing is redacted. */
    ErrorBody errorBody(Reply.Answer answer) {
        return ErrorBody.read(json, UnaryOperator.identity(), answer.contentType(), answer.body());
    }

    /** One GET, answered as of now, whose successful answer {@code parse} reads; any other answer becomes a failure. */
    <T> Outcome<T> read(Integration integration, Subject subject, URI uri, Function<Reply.Answer, T> parse) {
        return outcome(integration, subject, fetch(integration, uri), parse);
    }

    /** As {@link #read}, but a recent answer to an identical request may serve. */
    <T> Outcome<T> readReusable(Integration integration, Subject subject, URI uri, Function<Reply.Answer, T> parse) {
        return outcome(integration, subject, fetchReusable(integration, uri), parse);
    }

    private <T> Outcome<T> outcome(
            Integration integration, Subject subject, Reply reply, Function<Reply.Answer, T> parse) {
        if (reply instanceof Reply.Broken broken) {
            return failures.from(integration, subject, broken);
        }
        Reply.Answer answer = (Reply.Answer) reply;
        if (!answer.isSuccess()) {
            return failures.from(integration, subject, answer);
        }
        return parse(integration, subject, answer, parse);
    }

    <T> Outcome<T> parse(
            Integration integration, Subject subject, Reply.Answer answer, Function<Reply.Answer, T> parse) {
        try {
            return new Outcome.Ok<>(parse.apply(answer));
        } catch (UnexpectedShape e) {
            return failures.unexpected(integration, subject, answer, e.reason());
        }
    }

    /**
     * Follows a Cloud list through its {@code next} links, which are opaque URLs, but only while they stay on the
     * integration's origin: the token goes with every request. Each value is converted as its page is read, and the
     * reading stops at the first value {@code stop} accepts.
     */
    <T> Outcome<Collected<T>> cloudPages(
            Integration integration, Subject subject, URI first, Function<JsonNode, T> convert, Predicate<T> stop) {
        Origin origin = Exchanges.origin(integration);
        List<T> values = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI next = first;
        for (int page = 1; page <= BitbucketClient.MAX_PAGES; page++) {
            seen.add(next);
            Outcome<Converted<T>> read = read(integration, subject, next, a -> {
                CloudAnswers.Page parsed = CloudAnswers.page(json(a));
                return new Converted<>(
                        parsed.values().stream().map(convert).toList(),
                        parsed.next(),
                        parsed.next().isEmpty(),
                        Optional.empty());
            });
            if (!(read instanceof Outcome.Ok<Converted<T>> ok)) {
                return ((Outcome.Failure<Converted<T>>) read).retype();
            }
            if (taken(values, ok.value(), stop)) {
                return new Outcome.Ok<>(new Collected<>(values, true));
            }
            URI link;
            try {
                link = next.resolve(new URI(ok.value().next().orElseThrow().strip()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return failures.unexpected(integration, subject, "the `next` link of page " + page + " is not a URL");
            }
            if (!origin.contains(link)) {
                return failures.unexpected(
                        integration,
                        subject,
                        "the `next` link of page " + page + " leads to "
                                + Origin.of(link).map(Origin::toString).orElse("an address that is not http(s)")
                                + ", another origin than " + origin + ", where the token is never sent");
            }
            if (seen.contains(link)) {
                return failures.unexpected(
                        integration, subject, "the `next` link of page " + page + " leads back to a page already read");
            }
            next = link;
        }
        return new Outcome.Ok<>(new Collected<>(values, false));
    }

    /**
     * Follows a Data Center list by {@code start=nextPageStart} while {@code isLastPage} is false. A page that is not
     * the last but gives no next start, or a start that does not move forward, is an unexpected answer, not a loop.
     */
    <T> Outcome<Collected<T>> dataCenterPages(
            Integration integration, Subject subject, URI first, Function<JsonNode, T> convert, Predicate<T> stop) {
        List<T> values = new ArrayList<>();
        URI next = first;
        int start = 0;
        for (int page = 1; page <= BitbucketClient.MAX_PAGES; page++) {
            Outcome<Converted<T>> read = read(integration, subject, next, a -> {
                DataCenterAnswers.Page parsed = DataCenterAnswers.page(json(a));
                return new Converted<>(
                        parsed.values().stream().map(convert).toList(),
                        Optional.empty(),
                        parsed.lastPage(),
                        parsed.nextPageStart());
            });
            if (!(read instanceof Outcome.Ok<Converted<T>> ok)) {
                return ((Outcome.Failure<Converted<T>>) read).retype();
            }
            if (taken(values, ok.value(), stop)) {
                return new Outcome.Ok<>(new Collected<>(values, true));
            }
            int nextStart = ok.value().nextPageStart().orElseThrow();
            if (nextStart <= start) {
                return failures.unexpected(
                        integration,
                        subject,
                        "page " + page + " gives `nextPageStart: " + nextStart
                                + "`, which does not move past its start " + start);
            }
            start = nextStart;
            next = Url.withQuery(first, "start", Integer.toString(nextStart));
        }
        return new Outcome.Ok<>(new Collected<>(values, false));
    }

    /** Adds the page's values up to the first that {@code stop} accepts; whether the reading ends with this page. */
    private static <T> boolean taken(List<T> values, Converted<T> page, Predicate<T> stop) {
        for (T value : page.values()) {
            values.add(value);
            if (stop.test(value)) {
                return true;
            }
        }
        return page.lastPage();
    }
}
