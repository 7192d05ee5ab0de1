package io.bloomfit.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One generated case of a property test (a law checked on many drawn inputs), for a JUnit 5
 * {@code @ParameterizedTest} fed by {@code @MethodSource}: it draws the law's inputs from its own seed, remembers
 * each drawn value by name, and {@link #check(Runnable) check} puts the case (number, seed, every value) in front of
 * any failure, so a failing case can be rerun by hand with the printed values.
 *
 * <p>The cases of a property are a pure function of {@link #BASE_SEED} and their number: every run checks the same
 * inputs. Cases are numbered from 1, as JUnit numbers invocations ({@code [3]} is case 3). Case 1 takes the lower
 * end of every range and case 2 the upper end (the boundaries a uniform draw rarely hits); the others draw
 * uniformly.
 */
public final class SeededCase {

    /** Where every property's sequence of case seeds starts. */
    public static final long BASE_SEED = 0x5EED_B100_F17L;

    private enum Draw { LOWEST, HIGHEST, RANDOM }

    private final int number;
    private final int count;
    private final long seed;
    private final Draw draw;
    private final SplittableRandom random;
    private final List<String> drawn = new ArrayList<>();

    private SeededCase(int number, int count, long seed) {
        this.number = number;
        this.count = count;
        this.seed = seed;
        this.draw = number == 1 ? Draw.LOWEST : number == 2 ? Draw.HIGHEST : Draw.RANDOM;
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} cases (at least 2: the boundary cases), for a {@code @MethodSource}. */
    public static Stream<SeededCase> cases(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("count " + count + ": a property needs at least its 2 boundary cases");
        }
        long[] seeds = new SplittableRandom(BASE_SEED).longs(count).toArray();
        return IntStream.range(0, count).mapToObj(i -> new SeededCase(i + 1, count, seeds[i]));
    }

    /** An int in {@code [min, max]}. */
    public int intBetween(String name, int min, int max) {
        int value = switch (draw) {
            case LOWEST -> min;
            case HIGHEST -> max;
            case RANDOM -> random.nextInt(min, max + 1);
        };
        return record(name, value);
    }

    /** Any long (the boundary cases take {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE}). */
    public long anyLong(String name) {
        long value = switch (draw) {
            case LOWEST -> Long.MIN_VALUE;
            case HIGHEST -> Long.MAX_VALUE;
            case RANDOM -> random.nextLong();
        };
        return record(name, value);
    }

    /** false or true. */
    public boolean anyBoolean(String name) {
        boolean value = switch (draw) {
            case LOWEST -> false;
            case HIGHEST -> true;
            case RANDOM -> random.nextBoolean();
        };
        return record(name, value);
    }

    /**
     * A value in {@code [min, max]} (both &gt; 0) with {@code decimals} decimal places, log-uniform: every order of
     * magnitude in the range is equally likely, so that ratios of 0.001 are drawn as often as ratios of 1.
     */
    public double ratioBetween(String name, double min, double max, int decimals) {
        if (!(min > 0 && min <= max)) {
            throw new IllegalArgumentException("ratio range [" + min + ", " + max + "] must satisfy 0 < min <= max");
        }
        double value = switch (draw) {
            case LOWEST -> min;
            case HIGHEST -> max;
            case RANDOM -> Math.exp(random.nextDouble(Math.log(min), Math.log(max)));
        };
        double scale = Math.pow(10, decimals);
        return record(name, Math.min(max, Math.max(min, Math.round(value * scale) / scale)));
    }

    /** One of {@code choices} (the boundary cases take the first and the last). */
    public <T> T oneOf(String name, List<T> choices) {
        int index = switch (draw) {
            case LOWEST -> 0;
            case HIGHEST -> choices.size() - 1;
            case RANDOM -> random.nextInt(choices.size());
        };
        return record(name, choices.get(index));
    }

    /**
     * Runs {@code law}; an assertion failure or exception in it comes back as an {@link AssertionError} whose message
     * starts with this case.
     */
    public void check(Runnable law) {
        try {
            law.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(this + ": " + (e instanceof AssertionError ? e.getMessage() : e), e);
        }
    }

    private <T> T record(String name, T value) {
        drawn.add(name + "=" + value);
        return value;
    }

    /** {@code case 7 of 200 (seed -123...): n=12, ratio=0.25}. */
    @Override
    public String toString() {
        return "case " + number + " of " + count + " (seed " + seed + ")" + (drawn.isEmpty() ? "" : ": "
                + String.join(", ", drawn));
    }
}
