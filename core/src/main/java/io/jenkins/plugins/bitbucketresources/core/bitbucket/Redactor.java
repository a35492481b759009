package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import io.jenkins.plugins.bitbucketresources.core.mask.MaskedSecret;
import io.jenkins.plugins.bitbucketresources.core.mask.Masker;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import java.util.List;

/**
 * Removes an integration's token from text before it goes into a message. Bitbucket has no reason to echo the token,
 * but a proxy or a misconfigured server might, and a message must never carry it in any form the log masker knows.
 */
final class Redactor {

    private final Masker masker;

    Redactor(Integration integration) {
        this.masker = Masker.forSecrets(List.of(MaskedSecret.of(integration)));
    }

    String redact(String text) {
        return masker.mask(text);
    }
}
