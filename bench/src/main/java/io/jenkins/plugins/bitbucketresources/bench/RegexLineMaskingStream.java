package io.jenkins.plugins.bitbucketresources.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The technique Jenkins masks build logs with today, for comparison: all forms in one regular expression, an
 * alternation of the quoted forms, longest first ({@link JenkinsForms#pattern}); the output is cut into lines, each
 * line decoded to a {@code String}, matched and replaced, and encoded again. A line without a newline is held whole
 * until one comes or the stream closes.
 */
final class RegexLineMaskingStream extends OutputStream {

    private final OutputStream out;
    private final Pattern pattern;
    private final String replacement;
    private byte[] line = new byte[1024];
    private int length;

    RegexLineMaskingStream(OutputStream out, Pattern pattern, String replacement) {
        this.out = out;
        this.pattern = pattern;
        this.replacement = Matcher.quoteReplacement(replacement);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                append(b, start, i + 1 - start);
                endOfLine();
                start = i + 1;
            }
        }
        append(b, start, end - start);
    }

    @Override
    public void close() throws IOException {
        if (length > 0) {
            endOfLine();
        }
        out.close();
    }

    private void append(byte[] b, int off, int len) {
        if (length + len > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + len));
        }
        System.arraycopy(b, off, line, length, len);
        length += len;
    }

    private void endOfLine() throws IOException {
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        out.write(pattern.matcher(text).replaceAll(replacement).getBytes(StandardCharsets.UTF_8));
        length = 0;
    }
}
