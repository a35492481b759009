package io.jenkins.plugins.bitbucketresources.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;

/**
 * The inputs of one generated case, drawn from a seeded {@link RandomGenerator}. Sizes and numbers land on the ends of
 * their range more often than chance would have them, since that is where mistakes hide.
 */
public final class Generator {

    /** The visible ASCII characters, {@code !} to {@code ~}: what a token may hold. */
    public static final String VISIBLE_ASCII = IntStream.rangeClosed('!', '~')
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    /** The printable ASCII characters: the space and {@link #VISIBLE_ASCII}. */
    public static final String PRINTABLE_ASCII = " " + VISIBLE_ASCII;

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY =
            RandomGeneratorFactory.of("L64X128MixRandom");
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final int EDGE_ONE_IN = 8;

    private final RandomGenerator random;

    Generator(long seed, int index) {
        this.random = FACTORY.create(seed + GOLDEN_GAMMA * (index + 1));
    }

    /** The underlying generator, for what the helpers do not cover. */
    public RandomGenerator random() {
        return random;
    }

    public boolean bool() {
        return random.nextBoolean();
    }

    /** A number in {@code [min, max]}, either end more often than the rest. */
    public int between(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        int draw = random.nextInt(EDGE_ONE_IN);
        if (draw == 0) {
            return min;
        }
        if (draw == 1) {
            return max;
        }
        return (int) random.nextLong(min, (long) max + 1);
    }

    /** Any int, with 0, ±1 and the extremes more often than chance. */
    public int anyInt() {
        if (random.nextInt(EDGE_ONE_IN) == 0) {
            return pick(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        return random.nextInt();
    }

    /** Any long, every bit equally likely. */
    public long anyLong() {
        return random.nextLong();
    }

    @SafeVarargs
    public final <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    public <E extends Enum<E>> E pick(Class<E> type) {
        return pick(type.getEnumConstants());
    }

    /** One character (code point) of the alphabet. */
    public int codePointOf(String alphabet) {
        int[] codePoints = alphabet.codePoints().toArray();
        return codePoints[random.nextInt(codePoints.length)];
    }

    /** A string of {@code min} to {@code max} characters of the alphabet (counted in code points). */
    public String string(String alphabet, int min, int max) {
        int[] codePoints = alphabet.codePoints().toArray();
        int length = between(min, max);
        StringBuilder drawn = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            drawn.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return drawn.toString();
    }

    /**
     * A string of up to {@code max} UTF-16 units of any kind: ASCII, other BMP characters, pairs for characters beyond
     * it, and now and then a lone surrogate, which a Java string can hold and UTF-8 cannot.
     */
    public String anyString(int max) {
        int length = between(0, max);
        StringBuilder drawn = new StringBuilder(length);
        while (drawn.length() < length) {
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> drawn.append((char) random.nextInt(0x20, 0x7f));
                case 4 -> drawn.append((char) random.nextInt(0, 0x20));
                case 5, 6 -> drawn.append((char) random.nextInt(0x80, 0xd800));
                case 7 -> drawn.append((char) random.nextInt(0xe000, 0x10000));
                case 8 -> {
                    if (drawn.length() + 2 <= length) {
                        drawn.appendCodePoint(random.nextInt(0x10000, 0x110000));
                    }
                }
                default -> drawn.append((char) random.nextInt(0xd800, 0xe000));
            }
        }
        return drawn.toString();
    }

    /** {@code min} to {@code max} random bytes. */
    public byte[] bytes(int min, int max) {
        byte[] bytes = new byte[between(min, max)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code min} to {@code max} elements, each drawn by {@code element}. */
    public <T> List<T> list(int min, int max, Supplier<T> element) {
        int size = between(min, max);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** Up to {@code max} distinct choices, in a random order. */
    public <T> List<T> distinct(int max, List<T> choices) {
        List<T> shuffled = new ArrayList<>(choices);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, swap);
        }
        Set<T> distinct = new LinkedHashSet<>(shuffled);
        return new ArrayList<>(distinct).subList(0, between(0, Math.min(max, distinct.size())));
    }
}
