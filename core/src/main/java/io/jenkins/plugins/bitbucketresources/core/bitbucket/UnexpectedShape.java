package io.jenkins.plugins.bitbucketresources.core.bitbucket;

/**
 * An answer body that is not what Bitbucket sends. Thrown by the parsers and turned into
 * {@link Outcome.UnexpectedAnswer} inside this package; it never leaves it.
 */
final class UnexpectedShape extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnexpectedShape(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
