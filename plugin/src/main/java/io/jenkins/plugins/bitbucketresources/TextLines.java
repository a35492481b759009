package io.jenkins.plugins.bitbucketresources;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import java.util.List;

/**
 * A list typed into a text area, one value per line. A line is kept whole, spaces inside included: job and folder
 * names may contain spaces, so splitting at whitespace would turn one saved name into two the next time the form is
 * saved. Blank lines are skipped.
 */
final class TextLines {

    private TextLines() {}

    @NonNull
    static List<String> split(@CheckForNull String text) {
        List<String> values = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            String value = line.strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    @NonNull
    static String join(@NonNull List<String> values) {
        return String.join("\n", values);
    }
}
