package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.util.Objects;

/**
 * What a request is about, for messages: e.g. {@code repository `acme/app`}, and what to check when Bitbucket says it
 * does not exist.
 */
record Subject(String what, String notFoundAdvice) {

    Subject {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(notFoundAdvice, "notFoundAdvice");
    }
}
