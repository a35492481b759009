package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Values typed into one text field, separated by whitespace: branch or tag patterns (git refuses whitespace in a ref
 * name, though it allows a comma) or resource names (which have no whitespace either). Blank text gives none.
 */
final class TextWords {

    private static final Pattern SEPARATORS = Pattern.compile("\\s+");

    private TextWords() {}

    @NonNull
    static List<String> split(@CheckForNull String text) {
        List<String> values = new ArrayList<>();
        for (String part : SEPARATORS.split(text == null ? "" : text.strip())) {
            if (!part.isEmpty()) {
                values.add(part);
            }
        }
        return values;
    }
}
