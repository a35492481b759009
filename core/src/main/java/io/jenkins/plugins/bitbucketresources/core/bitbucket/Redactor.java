package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.Token;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Removes an integration's token from text before it goes into a message. Bitbucket has no reason to echo the token,
 * but a proxy or a misconfigured server might, and a message must never carry it: the literal token, its URL-encoded
 * form, and the Basic {@code user:token} form are replaced.
 */
final class Redactor {

    private final List<String> forms;

    Redactor(Integration integration) {
        String token = integration.token().reveal();
        List<String> all = new ArrayList<>();
        all.add(token);
        all.add(URLEncoder.encode(token, StandardCharsets.UTF_8));
        all.add(Url.encode(token));
        all.add(Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        integration.username().ifPresent(user -> all.add(basic(user, token)));
        all.sort(Comparator.comparingInt(String::length).reversed());
        this.forms = List.copyOf(all);
    }

    static String basic(String user, String token) {
        return Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    String redact(String text) {
        String out = text;
        for (String form : forms) {
            out = out.replace(form, Token.MASK);
        }
        return out;
    }
}
