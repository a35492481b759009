package io.jenkins.plugins.bitbucketresources.cli.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks out the folders a job does not sit in, before the file is parsed, so that a command for one job costs the
 * same whether the file has ten other folders or ten thousand. A blanked line keeps its line break, so every line and
 * column the parser reports is the file's own.
 *
 * <p>This is only done where it cannot change what the kept part means: the {@code folders:} key written once, at
 * the start of a line, followed by block-style folder keys at one indentation, each on a line of its own; every line
 * of the file closing the quotes and brackets it opens (so no scalar or flow collection runs from one folder into the
 * next); and no YAML anchor ({@code &}) in the text blanked out (a kept part could use it). Anything else falls back to
 * parsing the whole file: the cut is an optimisation, never a different reading.
 */
final class FolderCut {

    private static final Pattern FOLDERS_KEY = Pattern.compile("folders[ \\t]*:[ \\t]*(#.*)?");
    private static final Pattern TOP_LEVEL_KEY =
            Pattern.compile("(---|\\.\\.\\.)([ \\t].*)?|[A-Za-z_][A-Za-z0-9_-]*[ \\t]*:([ \\t].*)?");
    private static final Pattern FOLDER_KEY =
            Pattern.compile("(?<plain>[A-Za-z0-9_.][A-Za-z0-9_./ -]*)|\"(?<double>[^\"\\\\]*)\"|'(?<single>[^']*)'");
    private static final Pattern KEY_LINE_END = Pattern.compile("[ \\t]*:[ \\t]*(#.*)?");

    /**
     * @param kept what is left: the whole text with the other folders' lines blank
     * @param cut how many folders were blanked out
     * @param left how many folders were kept
     */
    record Result(String kept, int cut, int left) {}

    private FolderCut() {}

    /**
     * @param wanted the full names of the folders to keep
     * @return empty when the file is not laid out so that it can be cut safely
     */
    static Optional<Result> keepOnly(String text, Set<String> wanted) {
        // One pass over the characters, then work on line boundaries: no line is copied unless it is kept.
        int[] starts = new int[Math.max(16, text.length() / 24)];
        int[] ends = new int[starts.length];
        boolean[] anchor = new boolean[starts.length];
        int foldersLine = -1;
        int lineCount = 0;
        int start = 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int next = newline < 0 ? text.length() : newline;
            int end = next > start && text.charAt(next - 1) == '\r' ? next - 1 : next;
            if (lineCount == starts.length) {
                starts = Arrays.copyOf(starts, lineCount * 2);
                ends = Arrays.copyOf(ends, lineCount * 2);
                anchor = Arrays.copyOf(anchor, lineCount * 2);
            }
            starts[lineCount] = start;
            ends[lineCount] = end;
            int scanned = scan(text, start, end);
            if (scanned == UNSAFE) {
                return Optional.empty();
            }
            anchor[lineCount] = scanned == ANCHOR;
            if (end > start
                    && text.charAt(start) == 'f'
                    && FOLDERS_KEY.matcher(text.substring(start, end)).matches()) {
                if (foldersLine >= 0) {
                    return Optional.empty();
                }
                foldersLine = lineCount;
            }
            lineCount++;
            start = next + 1;
        }
        if (foldersLine < 0) {
            return Optional.empty();
        }
        boolean[] blank = new boolean[lineCount];
        int indent = -1;
        int cut = 0;
        int left = 0;
        boolean cutting = false;
        int sectionEnd = lineCount;
        for (int i = foldersLine + 1; i < lineCount; i++) {
            int spaces = 0;
            while (starts[i] + spaces < ends[i] && text.charAt(starts[i] + spaces) == ' ') {
                spaces++;
            }
            if (starts[i] + spaces == ends[i] || text.charAt(starts[i] + spaces) == '#') {
                blank[i] = cutting;
                continue;
            }
            if (text.charAt(starts[i] + spaces) == '\t') {
                return Optional.empty();
            }
            if (spaces == 0) {
                if (!TOP_LEVEL_KEY.matcher(text.substring(starts[i], ends[i])).matches()) {
                    return Optional.empty();
                }
                sectionEnd = i;
                break;
            }
            if (indent < 0) {
                indent = spaces;
            }
            if (spaces < indent) {
                return Optional.empty();
            }
            if (spaces == indent) {
                Optional<String> name = folderName(text.substring(starts[i] + spaces, ends[i]));
                if (name.isEmpty()) {
                    return Optional.empty();
                }
                cutting = !wanted.contains(name.get().strip());
                if (cutting) {
                    cut++;
                } else {
                    left++;
                }
            }
            blank[i] = cutting;
            if (cutting && anchor[i]) {
                return Optional.empty();
            }
        }
        if (cut == 0) {
            return Optional.of(new Result(text, 0, left));
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < lineCount; i++) {
            if (i >= sectionEnd || !blank[i]) {
                kept.append(text, starts[i], ends[i]);
            } else if (anchor[i]) {
                return Optional.empty();
            }
            if (ends[i] < text.length() && text.charAt(ends[i]) == '\r') {
                kept.append('\r');
            }
            if (i < lineCount - 1) {
                kept.append('\n');
            }
        }
        return Optional.of(new Result(kept.toString(), cut, left));
    }

    /** A folder key written alone on its line ({@code team-a/backend:}), or empty when the line is anything else. */
    private static Optional<String> folderName(String line) {
        Matcher key = FOLDER_KEY.matcher(line);
        if (!key.lookingAt() || !KEY_LINE_END.matcher(line.substring(key.end())).matches()) {
            return Optional.empty();
        }
        String name = key.group("plain") != null
                ? key.group("plain")
                : key.group("double") != null ? key.group("double") : key.group("single");
        return Optional.of(name);
    }

    /** Whether a line closes every quote and bracket it opens, before its comment. */
    static boolean selfContained(String line) {
        return scan(line, 0, line.length()) != UNSAFE;
    }

    private static final int SAFE = 0;
    private static final int ANCHOR = 1;
    private static final int UNSAFE = 2;

    /**
     * {@link #UNSAFE} when a line leaves a quote or bracket open (before its comment) or holds a line break other
     * than {@code \n}; {@link #ANCHOR} when it holds a {@code &}. A quote counts where a quoted scalar can start (at
     * the start, after a space or a flow indicator): {@code don't} in plain text is no quote.
     */
    private static int scan(String text, int from, int to) {
        int depth = 0;
        char quote = 0;
        boolean comment = false;
        boolean anchor = false;
        char previous = ' ';
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return UNSAFE; // the parser breaks lines at these too; the line arithmetic here knows only \n and \r\n
            }
            anchor |= c == '&';
            if (comment) {
                continue;
            }
            if (quote == '"') {
                if (c == '\\' && i + 1 < to) {
                    i++;
                    c = text.charAt(i);
                    anchor |= c == '&';
                } else if (c == '"') {
                    quote = 0;
                }
            } else if (quote == '\'') {
                if (c == '\'' && i + 1 < to && text.charAt(i + 1) == '\'') {
                    i++;
                } else if (c == '\'') {
                    quote = 0;
                }
            } else if (c == '#' && (previous == ' ' || previous == '\t')) {
                comment = true;
            } else if ((c == '"' || c == '\'') && " \t[{,:-?".indexOf(previous) >= 0) {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth < 0) {
                return UNSAFE;
            }
            previous = c;
        }
        if (quote != 0 || depth != 0) {
            return UNSAFE;
        }
        return anchor ? ANCHOR : SAFE;
    }
}
