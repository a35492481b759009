package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;

/** What one request came to, before it is read: an HTTP answer, or no answer at all. */
sealed interface Reply {

    /**
     * The final HTTP answer, after retries and same-origin redirects.
     *
     * @param uri the URL that answered (differs from the one asked after a redirect)
     * @param attempts how many times the request was sent
     */
    record Answer(URI uri, int status, HttpHeaders headers, byte[] body, int attempts) implements Reply {
        public Answer {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
        }

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        Optional<String> contentType() {
            return headers.firstValue("Content-Type");
        }
    }

    /** Why no usable answer came. */
    enum Trouble {
        TIMEOUT,
        CONNECT_TIMEOUT,
        INTERRUPTED,
        REFUSED,
        UNKNOWN_HOST,
        TLS,
        RESET,
        REDIRECT_ELSEWHERE,
        REDIRECT_WITHOUT_LOCATION,
        TOO_MANY_REDIRECTS,
        TOO_LARGE
    }

    /**
     * No usable answer.
     *
     * @param uri the URL being asked when it happened
     * @param detail what went wrong, as the exception or server put it; redacted and shortened where it is shown
     */
    record Broken(Trouble trouble, URI uri, String detail, int attempts) implements Reply {
        public Broken {
            Objects.requireNonNull(trouble, "trouble");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
