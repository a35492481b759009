package io.jenkins.plugins.bitbucketresources.bench;

import java.io.OutputStream;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where the masked log goes: like a file or a socket, it copies every byte it is given (into a page that JMH's
 * {@link Blackhole} consumes when full), so no benchmark can skip producing its output.
 */
final class BlackholeSink extends OutputStream {

    private final Blackhole blackhole;
    private final byte[] page = new byte[64 * 1024];
    private int used;

    BlackholeSink(Blackhole blackhole) {
        this.blackhole = blackhole;
    }

    @Override
    public void write(int b) {
        page[used++] = (byte) b;
        if (used == page.length) {
            turnPage();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, page.length - used);
            System.arraycopy(b, off, page, used, n);
            used += n;
            off += n;
            len -= n;
            if (used == page.length) {
                turnPage();
            }
        }
    }

    /** Consumes what is left; the sink can be written to again. */
    @Override
    public void close() {
        blackhole.consume(used);
        turnPage();
    }

    private void turnPage() {
        blackhole.consume(page);
        used = 0;
    }
}
