package io.jenkins.plugins.bitbucketresources.core.health;

import io.jenkins.plugins.bitbucketresources.core.model.ApiUrl;
import io.jenkins.plugins.bitbucketresources.core.model.Integration;
import io.jenkins.plugins.bitbucketresources.core.model.InvalidValueException;
import io.jenkins.plugins.bitbucketresources.core.model.Platform;
import io.jenkins.plugins.bitbucketresources.core.model.Token;
import io.jenkins.plugins.bitbucketresources.core.model.TokenKind;
import io.jenkins.plugins.bitbucketresources.core.model.Validated;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What can be seen in an integration credential's settings without asking Bitbucket: an app password, an
 * {@code http://} API URL to another machine, settings that are no valid integration. Computed when asked, from the settings as the host
 * holds them; nothing of them, the token least of all, is kept.
 */
public final class StaticFindings {

    private StaticFindings() {}

    /**
     * @param url the API URL as written
     * @param username the username or e-mail, if any
     * @param platform the platform as written, if set
     * @param kind the token kind as written, if set
     */
    public static List<Concern> of(
            String url, Optional<String> username, Optional<String> platform, Optional<String> kind, Token token) {
        List<Concern> concerns = new ArrayList<>();
        ofUrl(url).ifPresent(concerns::add);
        Optional<Platform> knownPlatform = platform(url, platform);
        if (knownPlatform.isPresent() && TokenKind.isAppPassword(kind, knownPlatform.get(), username, token)) {
            concerns.add(new Concern.AppPassword());
            return List.copyOf(concerns);
        }
        Integration.Builder builder =
                Integration.builder().id("health-check").url(url).token(token);
        username.ifPresent(builder::username);
        platform.ifPresent(builder::platform);
        kind.ifPresent(builder::kind);
        Validated<Integration> validated = builder.build();
        if (!validated.isValid()) {
            concerns.add(new Concern.InvalidSettings(validated.problems()));
        }
        return List.copyOf(concerns);
    }

    /**
     * What the API URL alone says, for a form that checks the URL as it is typed, before there is a token: an
     * {@code http://} URL to another machine is a concern, anything else (a valid https URL, a loopback address, a URL
     * that is not valid at all, which the URL's own check reports) is not.
     */
    public static Optional<Concern> ofUrl(String url) {
        return isPlainHttp(url) ? Optional.of(new Concern.PlainHttp(url.strip())) : Optional.empty();
    }

    /** The same findings for an integration already known to be valid: only the URL can still deserve a word. */
    public static List<Concern> of(Integration integration) {
        return ofUrl(integration.url().value()).stream().toList();
    }

    /**
     * An {@code http://} URL to another machine. A loopback address ({@code localhost}, {@code 127.0.0.0/8},
     * {@code [::1]}) is left alone: the token does not leave the machine, as with a local proxy or a test server.
     */
    private static boolean isPlainHttp(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean loopback =
                    host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
            return scheme != null && scheme.toLowerCase(Locale.ROOT).equals("http") && !loopback;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Optional<Platform> platform(String url, Optional<String> platform) {
        try {
            return Optional.of(platform.map(Platform::parse).orElseGet(() -> Platform.detect(ApiUrl.parse(url))));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
