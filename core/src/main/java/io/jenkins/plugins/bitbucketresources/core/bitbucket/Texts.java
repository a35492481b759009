package io.jenkins.plugins.bitbucketresources.core.bitbucket;

import java.time.Duration;

/** Text for messages: what came from a server made fit for one line, and durations as people write them. */
final class Texts {

    private Texts() {}

    /** Control characters and runs of whitespace become one space; the result is cut at {@code max} characters. */
    static String clip(String raw, int max) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < raw.length() && out.length() <= max; i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.length() > max ? out.substring(0, max - 1) + "…" : out.toString();
    }

    /**
     * A value from a server, quoted whole when it is short, otherwise only measured. Never cut: a cut could keep part
     * of a secret that the redaction of the whole message would no longer recognise.
     */
    static String quote(String raw, int max) {
        return raw.length() <= max ? "`" + clip(raw, max) + "`" : "a value of " + raw.length() + " characters";
    }

    /** {@code 45 s}, {@code 15 min}, {@code 2 h 5 min}, {@code 250 ms}. */
    static String duration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds == 0) {
            return d.toMillis() + " ms";
        }
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = (seconds + 30) / 60;
        if (minutes < 120) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
