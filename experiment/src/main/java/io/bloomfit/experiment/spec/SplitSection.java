package io.bloomfit.experiment.spec;

import io.bloomfit.data.SplitKind;
import io.bloomfit.data.SplitFiles;
import io.bloomfit.data.SplitSpec;

import java.nio.file.Path;

import java.util.List;

/**
 * The {@code split} section's schema: {@code kind} ({@code random | leave-last-out | time-fraction | user-holdout |
 * files},
 * default {@code random}), {@code test} (fraction in (0, 1), default 0.2; ignored by leave-last-out; for
 * {@code files}: the test file's path), {@code seed} (default 42), {@code validation} (fraction in [0, 1), default 0:
 * none; for {@code files}: the validation file's path, optional), {@code train} (only for {@code files}: the training
 * file's path). Paths are looked up in the working directory, then beside the spec.
 */
final class SplitSection {

    private static final double DEFAULT_TEST = 0.2;

    static final SpecKey<SplitSpec, SplitKind> KIND = new SpecKey<>("kind", SpecTypes.choice(SplitKind.class),
            SplitKind.RANDOM, SplitSpec::kind);
    static final SpecKey<SplitSpec, Object> TEST = new SpecKey<>("test", SpecTypes.numberOrPath(), DEFAULT_TEST,
            s -> s.kind() == SplitKind.FILES ? s.files().test() : (Object) s.test());
    static final SpecKey<SplitSpec, Long> SEED = new SpecKey<>("seed", SpecTypes.wholeNumber(), 42L,
            SplitSpec::seed);
    static final SpecKey<SplitSpec, Object> VALIDATION = new SpecKey<>("validation", SpecTypes.numberOrPath(), 0.0,
            s -> s.kind() == SplitKind.FILES ? s.files().validation() : (Object) s.validation());
    static final SpecKey<SplitSpec, String> TRAIN = new SpecKey<>("train", SpecTypes.text("a file path"), null,
            s -> s.kind() == SplitKind.FILES ? s.files().train() : null);

    static final Section<SplitSpec> SCHEMA = new Section<>("split", List.of(KIND, TEST, SEED, VALIDATION, TRAIN));

    private SplitSection() {
    }

    /**
     * Binds the section.
     *
     * @param baseDir a second place relative part files are looked up (after the working directory), or null
     */
    static SplitSpec bind(Section.Values<SplitSpec> values, Path baseDir) {
        SplitKind kind = values.get(KIND);
        if (kind == SplitKind.FILES) {
            return bindFiles(values, baseDir);
        }
        if (values.isSet(TRAIN)) {
            values.problem(TRAIN, "only split kind files takes train; use kind: files with train and test paths, "
                    + "or remove it");
        }
        double test = fraction(values, TEST, DEFAULT_TEST);
        if (kind.takesTestFraction() && !(test > 0 && test < 1)) {
            values.problem(TEST, "must be a fraction in (0, 1), e.g. 0.2; was " + test);
            test = DEFAULT_TEST;
        }
        double validation = fraction(values, VALIDATION, 0.0);
        if (!(validation >= 0 && validation < 1)) {
            values.problem(VALIDATION, "must be a fraction in [0, 1) (0: none); was " + validation);
            validation = 0.0;
        }
        return new SplitSpec(kind, test, values.get(SEED), validation);
    }

    /** {@code key}'s number, or {@code fallback} after reporting a path given where a fraction belongs. */
    private static double fraction(Section.Values<SplitSpec> values, SpecKey<SplitSpec, Object> key,
                                   double fallback) {
        Object value = values.get(key);
        if (value instanceof Double d) {
            return d;
        }
        values.problem(key, "expected a fraction, found '" + value + "'; a path needs split.kind files");
        return fallback;
    }

    private static SplitSpec bindFiles(Section.Values<SplitSpec> values, Path baseDir) {
        String train = values.get(TRAIN);
        if (train == null && !values.hasProblemAt(TRAIN)) {
            values.problem(TRAIN, "split kind files needs train: PATH, the training part in a format the dataset "
                    + "section describes (e.g. MovieLens 100K's u1.base)");
        }
        String test = path(values, TEST, true);
        String validation = path(values, VALIDATION, false);
        if (train == null || test == null) {
            return null;
        }
        train = DatasetSection.resolveReadable(train, false, baseDir, message -> values.problem(TRAIN, message));
        test = DatasetSection.resolveReadable(test, false, baseDir, message -> values.problem(TEST, message));
        if (validation != null) {
            validation = DatasetSection.resolveReadable(validation, false, baseDir,
                    message -> values.problem(VALIDATION, message));
        }
        return SplitSpec.files(new SplitFiles(train, test, validation));
    }

    /** The path under {@code key} of a files split, or {@code null} (after a problem when it is required). */
    private static String path(Section.Values<SplitSpec> values, SpecKey<SplitSpec, Object> key, boolean required) {
        if (!values.isSet(key)) {
            if (required) {
                values.problem(key, "split kind files needs " + key.name() + ": PATH, the " + key.name()
                        + " part in a format the dataset section describes (e.g. MovieLens 100K's u1.test)");
            }
            return null;
        }
        Object value = values.get(key);
        if (value instanceof String path) {
            return path;
        }
        if (value != null) {
            values.problem(key, "split kind files takes the " + key.name() + " part's file path, found the number "
                    + value);
        }
        return null;
    }
}
