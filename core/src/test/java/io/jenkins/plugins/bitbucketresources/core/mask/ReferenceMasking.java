package io.jenkins.plugins.bitbucketresources.core.mask;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The obvious, slow definition of masking the tests compare against: find every occurrence, merge, replace. */
final class ReferenceMasking {

    private static final byte[] REPLACEMENT = Masker.REPLACEMENT.getBytes(StandardCharsets.US_ASCII);

    private ReferenceMasking() {}

    static byte[] mask(byte[] input, Collection<String> forms) {
        return maskedBefore(input, covered(input, forms), input.length);
    }

    /** Which bytes of the input lie inside an occurrence of a form. */
    static boolean[] covered(byte[] input, Collection<String> forms) {
        List<byte[]> patterns = new ArrayList<>();
        for (String form : forms) {
            byte[] bytes = FormBytes.encode(form);
            if (bytes.length >= SecretForms.MIN_FORM_BYTES) {
                patterns.add(bytes);
            }
        }
        boolean[] covered = new boolean[input.length];
        for (int p = 0; p < input.length; p++) {
            for (byte[] pattern : patterns) {
                if (occursAt(input, p, pattern)) {
                    for (int k = p; k < p + pattern.length; k++) {
                        covered[k] = true;
                    }
                }
            }
        }
        return covered;
    }

    /**
     * The masked output for the input bytes before {@code bound}: each uncovered byte, and one replacement for each run
     * of covered bytes that starts there. Occurrences that overlap or touch make one run: one union, one replacement.
     */
    static byte[] maskedBefore(byte[] input, boolean[] covered, int bound) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = 0;
        while (p < bound) {
            if (!covered[p]) {
                out.write(input[p++]);
                continue;
            }
            while (p < input.length && covered[p]) {
                p++;
            }
            out.writeBytes(REPLACEMENT);
        }
        return out.toByteArray();
    }

    private static boolean occursAt(byte[] input, int p, byte[] pattern) {
        if (p + pattern.length > input.length) {
            return false;
        }
        for (int k = 0; k < pattern.length; k++) {
            if (input[p + k] != pattern[k]) {
                return false;
            }
        }
        return true;
    }
}
