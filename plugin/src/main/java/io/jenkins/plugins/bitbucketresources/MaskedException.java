package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;

/**
 * A failure from inside a block whose message carried a token: the same failure with its class name, masked message
 * and stack, so that the build log never shows the token in an exception either.
 */
final class MaskedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** How deep causes are followed; a chain longer than this is cut rather than walked forever. */
    private static final int MAX_DEPTH = 16;

    private MaskedException(String message) {
        super(message);
    }

    /** The failure itself when no message in it changes under the mask; otherwise a masked copy. */
    @NonNull
    static Throwable mask(@NonNull Throwable failure, @NonNull UnaryOperator<String> mask) {
        if (failure instanceof FlowInterruptedException || !carriesSecret(failure, mask, 0)) {
            return failure;
        }
        return copy(failure, mask, 0);
    }

    private static boolean carriesSecret(Throwable failure, UnaryOperator<String> mask, int depth) {
        if (failure == null || depth > MAX_DEPTH) {
            return false;
        }
        // toString() too: it is what a printed stack trace shows, and some exceptions build it from more than the
        // message.
        for (String text : new String[] {failure.getMessage(), failure.toString()}) {
            if (text != null && !mask.apply(text).equals(text)) {
                return true;
            }
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (carriesSecret(suppressed, mask, depth + 1)) {
                return true;
            }
        }
        return carriesSecret(failure.getCause(), mask, depth + 1);
    }

    private static Throwable copy(Throwable failure, UnaryOperator<String> mask, int depth) {
        Throwable copy = failure instanceof AbortException
                ? new AbortException(failure.getMessage() == null ? null : mask.apply(failure.getMessage()))
                : new MaskedException(mask.apply(failure.toString()));
        copy.setStackTrace(failure.getStackTrace());
        if (depth < MAX_DEPTH) {
            Throwable cause = failure.getCause();
            if (cause != null && cause != failure) {
                copy.initCause(copy(cause, mask, depth + 1));
            }
            for (Throwable suppressed : failure.getSuppressed()) {
                copy.addSuppressed(copy(suppressed, mask, depth + 1));
            }
        }
        return copy;
    }
}
