package io.jenkins.plugins.bitbucketresources.bench;

import io.jenkins.plugins.bitbucketresources.core.mask.MaskedSecret;
import io.jenkins.plugins.bitbucketresources.core.mask.SecretForms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Secrets shaped like the tokens Bitbucket issues, the same ones for the same seed. */
final class BenchSecrets {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String URL_SAFE = ALPHANUMERIC + "-_";
    private static final String BASE64 = ALPHANUMERIC + "+/";
    private static final String HEX = "0123456789ABCDEF";

    private BenchSecrets() {}

    /** The forms masked for some secrets: ours ({@link SecretForms}) and Jenkins' ({@link JenkinsForms}), each once. */
    record Forms(Set<String> ours, Set<String> jenkins) {

        static Forms of(List<MaskedSecret> secrets) {
            Set<String> ours = new LinkedHashSet<>();
            Set<String> jenkins = new LinkedHashSet<>();
            for (MaskedSecret secret : secrets) {
                ours.addAll(SecretForms.of(secret));
                jenkins.addAll(JenkinsForms.of(secret.value()));
            }
            return new Forms(ours, jenkins);
        }
    }

    /** Cloud API tokens (with an e-mail), access tokens, app passwords (with a username) and Data Center HTTP tokens, in turn. */
    static List<MaskedSecret> generate(int count, Random random) {
        List<MaskedSecret> secrets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            secrets.add(
                    switch (i % 4) {
                        case 0 ->
                            MaskedSecret.withUsername(
                                    "ATATT3xFfGF0" + draw(URL_SAFE, 180, random) + "=" + draw(HEX, 8, random),
                                    "developer" + i + "@example.com");
                        case 1 ->
                            MaskedSecret.of("ATCTT3xFfGN0" + draw(URL_SAFE, 180, random) + "=" + draw(HEX, 8, random));
                        case 2 ->
                            MaskedSecret.withUsername(
                                    "ATBB" + draw(ALPHANUMERIC, 28, random) + draw(HEX, 8, random), "builder" + i);
                        default -> MaskedSecret.withUsername("BBDC-" + draw(BASE64, 44, random), "svc-build-" + i);
                    });
        }
        return secrets;
    }

    private static String draw(String alphabet, int length, Random random) {
        StringBuilder drawn = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            drawn.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return drawn.toString();
    }
}
