package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which Bitbucket an integration talks to. */
public enum Platform {
    CLOUD("cloud", "Bitbucket Cloud"),
    DATA_CENTER("datacenter", "Bitbucket Data Center");

    private final String id;
    private final String displayName;

    Platform(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The spelling used in configuration: {@code cloud} or {@code datacenter}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Bitbucket Cloud lives at {@code bitbucket.org} and {@code api.bitbucket.org}; every other host is taken for a
     * Data Center server. A Cloud integration on another host (a proxy, a test server) sets the platform explicitly.
     */
    public static Platform detect(ApiUrl url) {
        String host = url.uri().getHost().toLowerCase(Locale.ROOT);
        return host.equals("bitbucket.org") || host.equals("api.bitbucket.org") ? CLOUD : DATA_CENTER;
    }

    public static Platform parse(String raw) {
        String wanted = raw.trim();
        for (Platform platform : values()) {
            if (platform.id.equalsIgnoreCase(wanted)
                    || (platform == DATA_CENTER
                            && (wanted.equalsIgnoreCase("data-center") || wanted.equalsIgnoreCase("server")))) {
                return platform;
            }
        }
        throw new InvalidValueException(
                "platform",
                "`" + wanted + "` is not a platform: use "
                        + Arrays.stream(values()).map(p -> "`" + p.id + "`").collect(Collectors.joining(" or "))
                        + ", or leave it out to detect it from the URL");
    }
}
