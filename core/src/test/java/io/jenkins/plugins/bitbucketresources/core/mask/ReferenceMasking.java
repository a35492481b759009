package io.jenkins.plugins.bitbucketresources.core.mask;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The obvious, slow definition of masking the tests compare against: find every occurrence, merge, replace. */
final class ReferenceMasking {

    private ReferenceMasking() {
    }

    static byte[] mask(byte[] input, Collection<String> forms) {
        List<byte[]> patterns = new ArrayList<>();
        for (String form : forms) {
            byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = 0;
        while (p < input.length) {
            if (!covered[p]) {
                out.write(input[p++]);
                continue;
            }
            // Occurrences that overlap or touch make one run of covered bytes: one union, one replacement.
            while (p < input.length && covered[p]) {
                p++;
            }
            out.writeBytes(Masker.REPLACEMENT.getBytes(StandardCharsets.US_ASCII));
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
