package io.jenkins.plugins.bitbucketresources.core.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Masks the forms of a {@link Masker} in a byte stream, as it passes through.
 *
 * <p>What cannot be the start of a form is passed on at once, as slices of the caller's array. Only the tail that
 * could still grow into a form is kept back, never more than {@link Masker#longestForm()} − 1 bytes, so a form split
 * across writes, or across lines, is still masked, and nothing waits for the end of a line. Overlapping and adjacent occurrences
 * are replaced by a single {@value Masker#REPLACEMENT}.
 *
 * <p>{@link #flush()} passes on everything that can no longer become part of a form, which {@code write} has already
 * done, and flushes the underlying stream; {@link #close()} passes on the rest and closes it. Writes, flushes and
 * closes are synchronized, so threads sharing a log stream cannot interleave inside a write.
 */
public final class MaskingOutputStream extends OutputStream {

    private static final byte[] REPLACEMENT = Masker.REPLACEMENT.getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle INT_LITTLE_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final OutputStream out;
    private final Automaton automaton;

    /** Bytes {@code [emitted, consumed)}: read, but not yet passed on. */
    private final byte[] held;
    /** Stream position of {@code held[0]}. */
    private long heldFrom;

    private int heldLength;
    /** Bytes written to this stream. */
    private long consumed;
    /** Bytes of input whose output has been passed on. */
    private long emitted;
    /** While non-negative, the output ends with a mask covering the input up to here, which a touching match extends. */
    private long openMaskEnd = -1;
    /** Masked ranges not passed on yet: ordered, neither overlapping nor adjacent, all at or after {@code emitted}. */
    private long[] maskStarts = new long[4];

    private long[] maskEnds = new long[4];
    private int maskHead;
    private int maskTail;
    /** The automaton's state after {@code consumed} bytes, and the position it started from (no form starts earlier). */
    private int state;

    private long anchor;
    private boolean closed;
    private final byte[] single = new byte[1];

    /** During a write: the caller's array, and the stream position of its index 0. */
    private byte[] buffer;

    private long origin;

    public MaskingOutputStream(OutputStream out, Masker masker) {
        this.out = Objects.requireNonNull(out, "out");
        this.automaton = Objects.requireNonNull(masker, "masker").automaton();
        this.held = new byte[Math.max(automaton.longest - 1, 0)];
    }

    @Override
    public synchronized void write(int b) throws IOException {
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("Stream closed: nothing can be written to a masking stream after close()");
        }
        if (len == 0) {
            return;
        }
        if (automaton.isEmpty()) {
            out.write(b, off, len);
            consumed += len;
            emitted = consumed;
            return;
        }
        buffer = b;
        origin = consumed - off;
        try {
            if (automaton.skips()) {
                scanSkipping(b, off, off + len);
            } else {
                scanEveryByte(b, off, off + len);
            }
            long end = consumed + len;
            emitSafe(end - automaton.depth[state]);
            keepPending(end);
            consumed = end;
        } finally {
            buffer = null;
        }
    }

    /** Passes on everything that can no longer become part of a form (all of it already is), then flushes. */
    @Override
    public synchronized void flush() throws IOException {
        if (!closed) {
            out.flush();
        }
    }

    /** Passes on the rest, masked, and closes the underlying stream. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            while (maskHead < maskTail) {
                emitPlain(emitted, maskStarts[maskHead]);
                out.write(REPLACEMENT);
                emitted = maskEnds[maskHead++];
            }
            emitPlain(emitted, consumed);
            emitted = consumed;
            heldLength = 0;
        } finally {
            out.close();
        }
    }

    /** How many bytes are kept back, waiting to see whether they start a form. */
    synchronized int heldBack() {
        return (int) (consumed - emitted);
    }

    private void scanEveryByte(byte[] b, int from, int end) throws IOException {
        final Automaton a = automaton;
        final int[] delta = a.delta;
        final int[] classes = a.classes;
        final int[] matchLength = a.matchLength;
        final boolean[] canStart = a.canStart;
        final int classCount = a.classCount;
        final int dense = a.denseCount;
        int i = from;
        int t = state;
        while (t >= dense) {
            if (i == end) {
                state = t;
                return;
            }
            t = a.step(t, b[i++]);
            if (matchLength[t] != 0) {
                matched(i, t);
            }
        }
        int v = t * classCount;
        while (i < end) {
            if (v == 0) {
                while (!canStart[b[i] & 0xff]) {
                    if (++i == end) {
                        state = 0;
                        return;
                    }
                }
            }
            v = delta[v + classes[b[i++] & 0xff]];
            if (v < 0) {
                t = ~v;
                if (matchLength[t] != 0) {
                    matched(i, t);
                }
                while (t >= dense) {
                    if (i == end) {
                        state = t;
                        return;
                    }
                    t = a.step(t, b[i++]);
                    if (matchLength[t] != 0) {
                        matched(i, t);
                    }
                }
                v = t * classCount;
            }
        }
        state = v / classCount;
    }

    /**
     * Alternates between the skip loop, which jumps over text where no form can start, and the automaton, which takes
     * over at a possible start (and at the end of the buffer, where the window no longer fits) and hands back once no
     * form is in progress beyond {@link Automaton#shallowDepth} bytes.
     */
    private void scanSkipping(byte[] b, int from, int end) throws IOException {
        final Automaton a = automaton;
        final int[] delta = a.delta;
        final int[] classes = a.classes;
        final int[] matchLength = a.matchLength;
        final byte[] shifts = a.shifts;
        final int hashShift = a.hashShift;
        final int window = a.window;
        final int gramAt = window - Automaton.GRAM;
        final int classCount = a.classCount;
        final int dense = a.denseCount;
        final int shallowLimit = a.shallowLimit;
        final int shallowDepth = a.shallowDepth;
        final int lastWindow = end - window;
        int i = from;
        int t = state;
        while (t >= dense) {
            if (i == end) {
                state = t;
                return;
            }
            t = a.step(t, b[i++]);
            if (matchLength[t] != 0) {
                matched(i, t);
            }
        }
        int v = t * classCount;
        // Hand back only once the run has moved past its start and the window lies within this buffer.
        int minExit =
                (int) Math.max(from + shallowDepth, Math.min(anchor - origin + shallowDepth + 1, Integer.MAX_VALUE));
        while (i < end) {
            v = delta[v + classes[b[i++] & 0xff]];
            if (v < 0) {
                t = ~v;
                if (matchLength[t] != 0) {
                    matched(i, t);
                }
                while (t >= dense) {
                    if (i == end) {
                        state = t;
                        return;
                    }
                    t = a.step(t, b[i++]);
                    if (matchLength[t] != 0) {
                        matched(i, t);
                    }
                }
                v = t * classCount;
            }
            if (v < shallowLimit && i >= minExit && i <= lastWindow) {
                // No form in progress starts before i - shallowDepth; restarting there re-reads at most that many
                // bytes.
                int w = i - shallowDepth;
                while (w <= lastWindow) {
                    int shift = shifts[Automaton.hash((int) INT_LITTLE_ENDIAN.get(b, w + gramAt), hashShift)];
                    if (shift == 0) {
                        break;
                    }
                    w += shift;
                }
                i = w;
                v = 0;
                anchor = origin + w;
                minExit = w + shallowDepth + 1;
            }
        }
        state = v / classCount;
    }

    /** The automaton reached state {@code t}, which ends a form, after reading the byte before index {@code i}. */
    private void matched(int i, int t) throws IOException {
        long end = origin + i;
        long start = end - automaton.matchLength[t];
        if (openMaskEnd >= 0 && start <= openMaskEnd) {
            long maskEnd = end;
            while (maskHead < maskTail && maskStarts[maskHead] <= maskEnd) {
                maskEnd = Math.max(maskEnd, maskEnds[maskHead++]);
            }
            if (maskEnd > emitted) {
                emitted = maskEnd;
                openMaskEnd = maskEnd;
            }
        } else {
            long maskStart = start;
            long maskEnd = end;
            while (maskHead < maskTail && maskEnds[maskTail - 1] >= maskStart) {
                maskTail--;
                maskStart = Math.min(maskStart, maskStarts[maskTail]);
                maskEnd = Math.max(maskEnd, maskEnds[maskTail]);
            }
            addMask(maskStart, maskEnd);
        }
        emitSafe(end - automaton.depth[t]);
    }

    private void addMask(long start, long end) {
        if (maskTail == maskStarts.length) {
            int count = maskTail - maskHead;
            if (count * 2 > maskStarts.length) {
                maskStarts = Arrays.copyOf(maskStarts, maskStarts.length * 2);
                maskEnds = Arrays.copyOf(maskEnds, maskEnds.length * 2);
            }
            System.arraycopy(maskStarts, maskHead, maskStarts, 0, count);
            System.arraycopy(maskEnds, maskHead, maskEnds, 0, count);
            maskHead = 0;
            maskTail = count;
        }
        maskStarts[maskTail] = start;
        maskEnds[maskTail++] = end;
    }

    /** Passes on the input before {@code safe}, where no form can start any more. */
    private void emitSafe(long safe) throws IOException {
        while (maskHead < maskTail && maskStarts[maskHead] <= safe) {
            emitPlain(emitted, maskStarts[maskHead]);
            out.write(REPLACEMENT);
            emitted = maskEnds[maskHead++];
            openMaskEnd = emitted;
        }
        if (maskHead == maskTail) {
            maskHead = 0;
            maskTail = 0;
        }
        if (safe > emitted) {
            emitPlain(emitted, safe);
            emitted = safe;
            openMaskEnd = -1;
        }
    }

    private void emitPlain(long from, long to) throws IOException {
        if (from >= to) {
            return;
        }
        long heldEnd = heldFrom + heldLength;
        if (from < heldEnd) {
            long upTo = Math.min(to, heldEnd);
            out.write(held, (int) (from - heldFrom), (int) (upTo - from));
            from = upTo;
        }
        if (from < to) {
            out.write(buffer, (int) (from - origin), (int) (to - from));
        }
    }

    /** Keeps the input from {@code emitted} to {@code end}, which is not passed on yet, for the next write. */
    private void keepPending(long end) {
        long heldEnd = heldFrom + heldLength;
        int pending = (int) (end - emitted);
        if (pending > held.length) {
            throw new IllegalStateException(
                    "masking kept back " + pending + " bytes, more than the longest form allows");
        }
        int fromHeld = (int) Math.max(0, heldEnd - emitted);
        if (fromHeld > 0) {
            System.arraycopy(held, (int) (emitted - heldFrom), held, 0, fromHeld);
        }
        long rest = Math.max(emitted, heldEnd);
        System.arraycopy(buffer, (int) (rest - origin), held, fromHeld, (int) (end - rest));
        heldFrom = emitted;
        heldLength = pending;
    }
}
