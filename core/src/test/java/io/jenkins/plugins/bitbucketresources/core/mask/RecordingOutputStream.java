package io.jenkins.plugins.bitbucketresources.core.mask;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** An in-memory sink that remembers how it was called, and refuses single-byte writes. */
final class RecordingOutputStream extends OutputStream {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int writes;
    private int flushes;
    private boolean closed;

    @Override
    public void write(int b) {
        throw new AssertionError("the masking stream must pass bytes on in bulk, not one at a time");
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        writes++;
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    synchronized int writes() {
        return writes;
    }

    synchronized int flushes() {
        return flushes;
    }

    synchronized boolean closed() {
        return closed;
    }
}
