package io.jenkins.plugins.bitbucketresources.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jenkins' masking as a build runs it today: the log is cut into lines, each byte written on its own into a line
 * buffer; a line ends at a line feed, or at a carriage return that no line feed follows. A whole line is decoded, the
 * regular expression of {@link JenkinsForms} searched in it, and only when it is found is the line rewritten with every
 * match replaced; otherwise its bytes pass unchanged. A line without an end is held whole until one comes or the
 * stream closes.
 */
final class JenkinsLineMaskingStream extends OutputStream {

    /** A buffer that grew beyond this for a long line is dropped after it rather than kept. */
    private static final int KEPT_BUFFER = 4096;

    private final OutputStream out;
    private final Pattern pattern;
    private final String replacement;
    private LineBuffer line = new LineBuffer();
    private boolean afterCarriageReturn;

    JenkinsLineMaskingStream(OutputStream out, Pattern pattern, String replacement) {
        this.out = out;
        this.pattern = pattern;
        this.replacement = Matcher.quoteReplacement(replacement);
    }

    @Override
    public void write(int b) throws IOException {
        if (afterCarriageReturn && b != '\n') {
            endOfLine();
        }
        line.write(b);
        if (b == '\n') {
            endOfLine();
        } else if (b == '\r') {
            afterCarriageReturn = true;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (line.size() > 0) {
            endOfLine();
        }
        out.close();
    }

    private void endOfLine() throws IOException {
        byte[] bytes = line.bytes();
        int length = line.size();
        if (pattern.pattern().isEmpty()) {
            out.write(bytes, 0, length);
        } else {
            Matcher matcher = pattern.matcher(new String(bytes, 0, length, StandardCharsets.UTF_8));
            if (matcher.find()) {
                out.write(matcher.replaceAll(replacement).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(bytes, 0, length);
            }
        }
        if (length > KEPT_BUFFER) {
            line = new LineBuffer();
        } else {
            line.reset();
        }
        afterCarriageReturn = false;
    }

    /** A byte buffer whose array can be read without a copy. */
    private static final class LineBuffer extends ByteArrayOutputStream {

        byte[] bytes() {
            return buf;
        }
    }
}
