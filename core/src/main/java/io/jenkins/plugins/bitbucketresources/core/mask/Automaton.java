package io.jenkins.plugins.bitbucketresources.core.mask;

import java.util.Arrays;
import java.util.List;

/**
 * The compiled forms: an Aho–Corasick automaton over bytes, plus a skip table that lets a scan jump over text in which
 * no form can start.
 *
 * <p>States are numbered breadth first, so the shallow states, where a scan spends nearly all its time, come first.
 * Those get a dense row of transitions over byte classes (each byte used by some form is a class of its own, every other
 * byte is class 0): at most {@link #DENSE_BUDGET} entries for the states up to depth {@link #shallowDepth}, plus
 * {@link #DENSE_EXTRA} for deeper ones, whatever the number of forms. The other states keep only their children and
 * failure link, so memory grows with the total length of the forms, not with 256 slots per state. Dense entries are
 * encoded: {@code t * classCount} for a dense state {@code t} that ends no form (the offset of its row, ready for the
 * next lookup), {@code ~t} otherwise, so the hot loop leaves its fast path only on a match or a deep state.
 *
 * <p>The skip table is a Wu–Manber shift table over {@link #GRAM}-byte grams of the first {@code window} bytes of every
 * form, {@code window} being at most the shortest form: looking at the last gram of a window tells how far the window
 * can move without passing the start of any form. It is only built when every form is at least
 * {@link #MIN_SKIP_WINDOW} bytes long; otherwise scans step the automaton over every byte.
 */
final class Automaton {

    static final int GRAM = 4;
    static final int MIN_SKIP_WINDOW = 8;
    private static final int MAX_SKIP_WINDOW = 48;
    /** Dense transition entries for the shallow states, where the skip loop hands over and takes back: at most 2 MiB. */
    private static final int DENSE_BUDGET = 1 << 19;
    /** Dense entries allowed beyond those, for deeper states: at most 256 KiB. */
    private static final int DENSE_EXTRA = 1 << 16;

    private static final int MAX_SHALLOW_DEPTH = 2;
    private static final int MIN_HASH_BITS = 8;
    /**
     * 256 KiB: with hundreds of secrets a larger, emptier table measured slower, its cache misses costing more than its
     * longer shifts gain.
     */
    private static final int MAX_HASH_BITS = 18;

    private static final int HASH_MULTIPLIER = 0x9E3779B1;

    final int[] classes = new int[256];
    final int classCount;
    final int[] delta;
    final int denseCount;
    /** States of depth at most {@link #shallowDepth} are those whose encoded row offset is below this. */
    final int shallowLimit;

    final int shallowDepth;
    /** Children of state s are the states {@code firstChild[s] .. firstChild[s + 1] - 1}. */
    final int[] firstChild;
    /** The byte on the edge into each state. */
    final byte[] label;

    final int[] fail;
    final int[] depth;
    /** The length of the longest form ending in each state, 0 if none. */
    final int[] matchLength;

    final boolean[] canStart = new boolean[256];
    /** The skip window, 0 when scans do not skip. */
    final int window;

    final byte[] shifts;
    final int hashShift;
    final int longest;
    final int formCount;

    private Automaton(List<byte[]> sortedForms, int denseExtra) {
        formCount = sortedForms.size();
        int total = 1;
        int shortest = Integer.MAX_VALUE;
        int longestForm = 0;
        boolean[] used = new boolean[256];
        for (byte[] form : sortedForms) {
            total += form.length;
            shortest = Math.min(shortest, form.length);
            longestForm = Math.max(longestForm, form.length);
            for (byte b : form) {
                used[b & 0xff] = true;
            }
        }
        longest = longestForm;
        int classes = 1;
        for (int b = 0; b < 256; b++) {
            if (used[b]) {
                this.classes[b] = classes++;
            }
        }
        classCount = classes;

        // The trie in depth-first order: sorted forms share their common prefix with the previous one.
        int[] parent = new int[total];
        byte[] edge = new byte[total];
        int[] nodeDepth = new int[total];
        boolean[] ends = new boolean[total];
        int[] path = new int[longestForm + 1];
        int nodes = 1;
        byte[] previous = new byte[0];
        for (byte[] form : sortedForms) {
            int common = Arrays.mismatch(previous, form);
            common = common < 0 ? form.length : Math.min(common, Math.min(previous.length, form.length));
            for (int j = common; j < form.length; j++) {
                parent[nodes] = path[j];
                edge[nodes] = form[j];
                nodeDepth[nodes] = j + 1;
                path[j + 1] = nodes++;
            }
            ends[path[form.length]] = true;
            previous = form;
        }

        // Children of each node, in byte order, then renumbered breadth first.
        int[] childStart = new int[nodes + 1];
        for (int v = 1; v < nodes; v++) {
            childStart[parent[v] + 1]++;
        }
        for (int u = 0; u < nodes; u++) {
            childStart[u + 1] += childStart[u];
        }
        int[] children = new int[Math.max(nodes - 1, 0)];
        int[] cursor = Arrays.copyOf(childStart, nodes);
        for (int v = 1; v < nodes; v++) {
            children[cursor[parent[v]]++] = v;
        }
        int[] order = new int[nodes];
        firstChild = new int[nodes + 1];
        int tail = 1;
        for (int head = 0; head < nodes; head++) {
            int u = order[head];
            firstChild[head] = tail;
            for (int k = childStart[u]; k < childStart[u + 1]; k++) {
                order[tail++] = children[k];
            }
        }
        firstChild[nodes] = nodes;
        label = new byte[nodes];
        depth = new int[nodes];
        boolean[] terminal = new boolean[nodes];
        for (int s = 0; s < nodes; s++) {
            label[s] = edge[order[s]];
            depth[s] = nodeDepth[order[s]];
            terminal[s] = ends[order[s]];
        }

        int shallow = 0;
        int shallowCount = 1;
        for (int d = 1; d <= MAX_SHALLOW_DEPTH; d++) {
            int count = countDepthAtMost(d, nodes);
            if ((long) count * classCount > DENSE_BUDGET) {
                break;
            }
            shallow = d;
            shallowCount = count;
        }
        shallowDepth = shallow;
        denseCount = Math.min(nodes, Math.max(shallowCount, denseExtra / classCount));
        shallowLimit = shallowCount * classCount;

        fail = new int[nodes];
        matchLength = new int[nodes];
        delta = new int[denseCount * classCount];
        for (int s = 0; s < nodes; s++) {
            matchLength[s] = terminal[s] ? depth[s] : matchLength[fail[s]];
            if (s < denseCount) {
                int row = s * classCount;
                if (s > 0) {
                    System.arraycopy(delta, fail[s] * classCount, delta, row, classCount);
                }
                for (int k = firstChild[s]; k < firstChild[s + 1]; k++) {
                    delta[row + this.classes[label[k] & 0xff]] = k;
                }
            }
            for (int k = firstChild[s]; k < firstChild[s + 1]; k++) {
                fail[k] = s == 0 ? 0 : plainStep(fail[s], label[k]);
            }
        }
        for (int e = 0; e < delta.length; e++) {
            int t = delta[e];
            delta[e] = t < denseCount && matchLength[t] == 0 ? t * classCount : ~t;
        }
        for (int b = 0; b < 256; b++) {
            canStart[b] = delta[this.classes[b]] != 0;
        }

        if (formCount > 0 && shortest >= MIN_SKIP_WINDOW) {
            window = Math.min(shortest, MAX_SKIP_WINDOW);
            int positions = window - GRAM + 1;
            long grams = (long) formCount * positions;
            int bits = 64 - Long.numberOfLeadingZeros(grams * 8 - 1);
            bits = Math.max(MIN_HASH_BITS, Math.min(MAX_HASH_BITS, bits));
            hashShift = 32 - bits;
            shifts = new byte[1 << bits];
            Arrays.fill(shifts, (byte) positions);
            for (byte[] form : sortedForms) {
                for (int j = 0; j < positions; j++) {
                    int h = hash(gram(form, j), hashShift);
                    shifts[h] = (byte) Math.min(shifts[h], positions - 1 - j);
                }
            }
        } else {
            window = 0;
            hashShift = 0;
            shifts = new byte[0];
        }
    }

    static Automaton compile(List<byte[]> forms) {
        return compile(forms, DENSE_EXTRA);
    }

    /** With {@code denseExtra} 0 only the states the skip loop hands over to are dense; tests use it to reach the sparse ones. */
    static Automaton compile(List<byte[]> forms, int denseExtra) {
        byte[][] sorted = forms.toArray(new byte[0][]);
        Arrays.sort(sorted, Arrays::compareUnsigned);
        int distinct = 0;
        for (byte[] form : sorted) {
            if (distinct == 0 || !Arrays.equals(sorted[distinct - 1], form)) {
                sorted[distinct++] = form;
            }
        }
        return new Automaton(Arrays.asList(Arrays.copyOf(sorted, distinct)), denseExtra);
    }

    boolean isEmpty() {
        return formCount == 0;
    }

    /** The bytes its tables take on the heap, counting 16 bytes of header per array. */
    long footprint() {
        long ints = (long) classes.length
                + delta.length
                + firstChild.length
                + fail.length
                + depth.length
                + matchLength.length;
        long bytes = (long) label.length + canStart.length + shifts.length;
        return 4 * ints + bytes + 16L * 9;
    }

    boolean skips() {
        return window > 0;
    }

    static int hash(int gram, int hashShift) {
        return (gram * HASH_MULTIPLIER) >>> hashShift;
    }

    private static int gram(byte[] bytes, int at) {
        return (bytes[at] & 0xff)
                | (bytes[at + 1] & 0xff) << 8
                | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }

    private int countDepthAtMost(int d, int nodes) {
        int count = 0;
        while (count < nodes && depth[count] <= d) {
            count++;
        }
        return count;
    }

    /** The state after reading {@code b} in state {@code s}, following failure links through the sparse states. */
    int step(int s, byte b) {
        int state = s;
        while (state >= denseCount) {
            for (int k = firstChild[state], end = firstChild[state + 1]; k < end; k++) {
                if (label[k] == b) {
                    return k;
                }
            }
            state = fail[state];
        }
        int t = delta[state * classCount + classes[b & 0xff]];
        return t >= 0 ? t / classCount : ~t;
    }

    /** {@link #step} while the dense rows still hold plain state numbers, during construction. */
    private int plainStep(int s, byte b) {
        int state = s;
        while (state >= denseCount) {
            for (int k = firstChild[state], end = firstChild[state + 1]; k < end; k++) {
                if (label[k] == b) {
                    return k;
                }
            }
            state = fail[state];
        }
        return delta[state * classCount + classes[b & 0xff]];
    }
}
