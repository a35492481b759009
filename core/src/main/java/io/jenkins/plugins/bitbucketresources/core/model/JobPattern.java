package io.jenkins.plugins.bitbucketresources.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A pattern of job full names, as a resource's {@code allowedJobs} lists them: names separated by {@code /}, where a
 * segment {@code **} stands for any number of folders (none included), {@code *} for any characters within one name,
 * and everything else for itself. {@code team-a/**} matches every job anywhere under folder {@code team-a};
 * {@code release/*} the jobs directly in folder {@code release}; {@code team-a/build} that job only. Matching is
 * case-sensitive, as Jenkins' item names are.
 */
public final class JobPattern {

    public static final String FIELD = "allowedJobs";
    static final String ANY_FOLDERS = "**";
    private static final String EXAMPLES =
            "e.g. `team-a/**` (every job under folder team-a), `release/*` (the jobs directly in "
                    + "folder release) or `team-a/deploy` (one job)";

    private final String value;
    private final List<String> segments;

    private JobPattern(String value, List<String> segments) {
        this.value = value;
        this.segments = segments;
    }

    /** @throws InvalidValueException when the text is not a pattern; the message says what to write instead */
    public static JobPattern parse(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException(
                    FIELD, "has an empty pattern: write a job full name or pattern, " + EXAMPLES);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(
                    FIELD,
                    "`" + text.replaceAll("\\p{Cntrl}", "?") + "` contains a line break or another "
                            + "control character: write one pattern per entry, " + EXAMPLES);
        }
        if (text.startsWith("/") || text.endsWith("/") || text.contains("//")) {
            throw new InvalidValueException(
                    FIELD,
                    "`" + text + "` has an empty name between `/`: write folder and job names "
                            + "separated by single `/`, without a leading or trailing `/`, " + EXAMPLES);
        }
        for (char c : new char[] {'?', '[', ']', '\\'}) {
            if (text.indexOf(c) >= 0) {
                throw new InvalidValueException(
                        FIELD,
                        "`" + text + "` contains `" + c + "`, which no job name has and which is not a "
                                + "wildcard here: use `*` for any characters within a name and `**` for any number of folders, "
                                + EXAMPLES);
            }
        }
        List<String> segments = new ArrayList<>();
        for (String segment : text.split("/")) {
            if (!segment.equals(segment.strip())) {
                throw new InvalidValueException(
                        FIELD,
                        "`" + text + "` has a space next to `/`: job and folder names neither start "
                                + "nor end with a space, so write `" + text.replaceAll("\\s*/\\s*", "/") + "`");
            }
            if (segment.contains(ANY_FOLDERS) && !segment.equals(ANY_FOLDERS)) {
                throw new InvalidValueException(
                        FIELD,
                        "`" + text + "` has `**` inside the name `" + segment + "`: `**` stands for any "
                                + "number of folders and must stand alone between `/` (`team-a/**`); use `*` for any characters within a name, "
                                + "e.g. `release-*`");
            }
            segments.add(segment);
        }
        return new JobPattern(text, List.copyOf(segments));
    }

    /** Whether the job (by its current full name, e.g. {@code team-a/backend/build}) matches. */
    public boolean matches(String jobFullName) {
        return matchesSegments(jobFullName.split("/", -1));
    }

    /**
     * Greedy matching with one backtrack point, as for {@code *} in a file name: {@code **} is the star, and every
     * other segment matches exactly one name. That is enough because a segment never spans a {@code /}.
     */
    private boolean matchesSegments(String[] names) {
        int p = 0;
        int n = 0;
        int starP = -1;
        int starN = -1;
        while (n < names.length) {
            if (p < segments.size() && segments.get(p).equals(ANY_FOLDERS)) {
                starP = p++;
                starN = n;
            } else if (p < segments.size() && nameMatches(segments.get(p), names[n])) {
                p++;
                n++;
            } else if (starP >= 0) {
                p = starP + 1;
                n = ++starN;
            } else {
                return false;
            }
        }
        while (p < segments.size() && segments.get(p).equals(ANY_FOLDERS)) {
            p++;
        }
        return p == segments.size();
    }

    /** {@code *} within one name: any characters, none included. */
    static boolean nameMatches(String glob, String name) {
        int g = 0;
        int c = 0;
        int starG = -1;
        int starC = -1;
        while (c < name.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                starG = g++;
                starC = c;
            } else if (g < glob.length() && glob.charAt(g) == name.charAt(c)) {
                g++;
                c++;
            } else if (starG >= 0) {
                g = starG + 1;
                c = ++starC;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length() && !name.isEmpty();
    }

    /** The pattern as written, stripped. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JobPattern that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
