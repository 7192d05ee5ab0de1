package io.bloomfit.experiment.spec;

import io.bloomfit.data.DatasetFetcher;
import io.bloomfit.data.DatasetSource;
import io.bloomfit.data.DatasetSpec;
import io.bloomfit.data.SyntheticDatasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code dataset} section's schema: {@code source} ({@code synthetic | movielens | csv}, default
 * {@code synthetic}) and the keys of {@link DatasetSpec}, all optional (unset keys are left out of the canonical
 * form). Which keys a source takes, and that files exist, is checked here before anything loads.
 */
final class DatasetSection {

    /** The preset a synthetic dataset without sizes uses. */
    static final String DEFAULT_PRESET = "synthetic-ml100k";

    static final SpecKey<DatasetSpec, DatasetSource> SOURCE = new SpecKey<>("source",
            SpecTypes.choice(DatasetSource.class), DatasetSource.SYNTHETIC, DatasetSpec::source);
    static final SpecKey<DatasetSpec, String> NAME = new SpecKey<>("name", SpecTypes.text(), null,
            DatasetSpec::name);
    static final SpecKey<DatasetSpec, String> PATH = new SpecKey<>("path", SpecTypes.text(), null,
            DatasetSpec::path);
    static final SpecKey<DatasetSpec, String> PRESET = new SpecKey<>("preset", SpecTypes.text(), null,
            d -> d.synthetic().preset());
    static final SpecKey<DatasetSpec, Long> SEED = new SpecKey<>("seed", SpecTypes.wholeNumber(), null,
            d -> d.synthetic().seed());
    static final SpecKey<DatasetSpec, Integer> USERS = new SpecKey<>("users", SpecTypes.count(Integer.MAX_VALUE),
            null, d -> d.synthetic().users());
    static final SpecKey<DatasetSpec, Integer> ITEMS = new SpecKey<>("items", SpecTypes.count(Integer.MAX_VALUE),
            null, d -> d.synthetic().items());
    static final SpecKey<DatasetSpec, Integer> INTERACTIONS = new SpecKey<>("interactions",
            SpecTypes.count(Integer.MAX_VALUE), null, d -> d.synthetic().interactions());
    static final SpecKey<DatasetSpec, Integer> RANK = new SpecKey<>("rank", SpecTypes.count(Integer.MAX_VALUE),
            null, d -> d.synthetic().rank());
    static final SpecKey<DatasetSpec, String> DELIMITER = new SpecKey<>("delimiter", SpecTypes.text(), null,
            d -> d.columns().delimiter());
    static final SpecKey<DatasetSpec, Boolean> HEADER = new SpecKey<>("header", SpecTypes.bool(), null,
            d -> d.columns().header());
    static final SpecKey<DatasetSpec, String> USER = new SpecKey<>("user", SpecTypes.text(), null,
            d -> d.columns().user());
    static final SpecKey<DatasetSpec, String> ITEM = new SpecKey<>("item", SpecTypes.text(), null,
            d -> d.columns().item());
    static final SpecKey<DatasetSpec, String> RATING = new SpecKey<>("rating", SpecTypes.text(), null,
            d -> d.columns().rating());
    static final SpecKey<DatasetSpec, String> TIMESTAMP = new SpecKey<>("timestamp", SpecTypes.text(), null,
            d -> d.columns().timestamp());
    static final SpecKey<DatasetSpec, Boolean> SKIP_BAD_LINES = new SpecKey<>("skipBadLines", SpecTypes.bool(),
            null, d -> d.loading().skipBadLines());
    static final SpecKey<DatasetSpec, Double> RATING_THRESHOLD = new SpecKey<>("ratingThreshold",
            SpecTypes.number(), null, d -> d.loading().ratingThreshold());
    static final SpecKey<DatasetSpec, Boolean> IMPLICIT = new SpecKey<>("implicit", SpecTypes.bool(), null,
            d -> d.loading().implicit());

    static final Section<DatasetSpec> SCHEMA = new Section<>("dataset", List.of(SOURCE, NAME, PATH, PRESET, SEED,
            USERS, ITEMS, INTERACTIONS, RANK, DELIMITER, HEADER, USER, ITEM, RATING, TIMESTAMP, SKIP_BAD_LINES,
            RATING_THRESHOLD, IMPLICIT));

    private static final List<SpecKey<DatasetSpec, ?>> SYNTHETIC_ONLY = List.of(PRESET, USERS, ITEMS, INTERACTIONS,
            RANK);
    private static final List<SpecKey<DatasetSpec, ?>> CSV_ONLY = List.of(DELIMITER, HEADER, USER, ITEM, RATING,
            TIMESTAMP);

    private DatasetSection() {
    }

    /**
     * Binds the section.
     *
     * @param baseDir a second place relative paths are looked up (after the working directory), or null
     */
    static DatasetSpec bind(Section.Values<DatasetSpec> values, Path baseDir) {
        return bind(values, baseDir, false);
    }

    /**
     * Binds the section.
     *
     * @param baseDir    a second place relative paths are looked up (after the working directory), or null
     * @param filesSplit whether {@code split.kind} is {@code files}: the part files come from the split, so this
     *                   section gives only their format and takes no path
     */
    static DatasetSpec bind(Section.Values<DatasetSpec> values, Path baseDir, boolean filesSplit) {
        DatasetSource source = values.get(SOURCE);
        String name = values.get(NAME);
        String path = values.get(PATH);
        String preset = values.get(PRESET);
        DatasetSpec.Synthetic sizes = new DatasetSpec.Synthetic(preset, values.get(SEED), values.get(USERS),
                values.get(ITEMS), values.get(INTERACTIONS), values.get(RANK));
        List<String> presets = SyntheticDatasets.presetNames();
        switch (source) {
            case SYNTHETIC -> {
                boolean custom = sizes.custom();
                if (custom && (sizes.users() == null || sizes.items() == null || sizes.interactions() == null)) {
                    values.problem("a custom synthetic dataset needs users, items and interactions (or a preset: "
                            + String.join(", ", presets) + ")");
                }
                if (!custom && preset == null) {
                    preset = DEFAULT_PRESET;
                }
                if (preset != null && !presets.contains(preset)) {
                    values.problem(PRESET, "unknown synthetic preset '" + preset + "'; available: "
                            + String.join(", ", presets));
                }
                for (SpecKey<DatasetSpec, ?> fileOnly : List.of(PATH, DELIMITER, HEADER, USER, ITEM, RATING,
                        TIMESTAMP)) {
                    if (values.isSet(fileOnly)) {
                        values.problem(fileOnly, "source synthetic reads no file; remove it, or use source movielens "
                                + "or csv");
                    }
                }
            }
            case MOVIELENS -> {
                if (filesSplit) {
                    noPathWithFilesSplit(path, values);
                } else if (path == null && name == null) {
                    values.problem(PATH, "source movielens needs the path of the ratings file or unpacked folder "
                            + "(e.g. data/ml-100k/u.data), or dataset.name, one of "
                            + String.join(", ", DatasetFetcher.names()) + ", fetched into the cache");
                } else if (path != null) {
                    path = resolveReadable(path, true, baseDir, values);
                } else if (!DatasetFetcher.knows(name)) {
                    values.problem(NAME, "unknown MovieLens release '" + name + "'; available: "
                            + String.join(", ", DatasetFetcher.names()));
                }
            }
            case CSV -> {
                if (filesSplit) {
                    noPathWithFilesSplit(path, values);
                } else if (path == null) {
                    values.problem(PATH, "source csv needs the path of a delimited file");
                } else {
                    path = resolveReadable(path, false, baseDir, values);
                }
            }
        }
        if (source != DatasetSource.SYNTHETIC) {
            for (SpecKey<DatasetSpec, ?> syntheticOnly : SYNTHETIC_ONLY) {
                if (values.isSet(syntheticOnly)) {
                    values.problem(syntheticOnly, "only source synthetic takes " + syntheticOnly.name());
                }
            }
        }
        if (source == DatasetSource.MOVIELENS) {
            for (SpecKey<DatasetSpec, ?> csvOnly : CSV_ONLY) {
                if (values.isSet(csvOnly)) {
                    values.problem(csvOnly, "only source csv takes column options; movielens files have a known "
                            + "format");
                }
            }
        }
        String delimiter = values.get(DELIMITER);
        if (delimiter != null && delimiter.isEmpty()) {
            values.problem(DELIMITER, "must not be empty; e.g. ',' or '\\t'");
        }
        return new DatasetSpec(source, name, path,
                new DatasetSpec.Synthetic(preset, sizes.seed(), sizes.users(), sizes.items(), sizes.interactions(),
                        sizes.rank()),
                new DatasetSpec.Columns(delimiter, values.get(HEADER), values.get(USER), values.get(ITEM),
                        values.get(RATING), values.get(TIMESTAMP)),
                new DatasetSpec.Loading(values.get(SKIP_BAD_LINES), values.get(RATING_THRESHOLD),
                        values.get(IMPLICIT)));
    }

    private static void noPathWithFilesSplit(String path, Section.Values<DatasetSpec> values) {
        if (path != null) {
            values.problem(PATH, "split kind files reads split.train and split.test; remove dataset.path (the "
                    + "dataset section gives only the files' format)");
        }
    }

    /** The path as found (in the working directory, else beside the spec), or as given after reporting why not. */
    private static String resolveReadable(String path, boolean directoryAllowed, Path baseDir,
                                          Section.Values<DatasetSpec> values) {
        return resolveReadable(path, directoryAllowed, baseDir, message -> values.problem(PATH, message));
    }

    /**
     * {@code path} as found (in the working directory, else beside the spec), or as given after handing
     * {@code problem} the reason it cannot be read.
     */
    static String resolveReadable(String path, boolean directoryAllowed, Path baseDir,
                                  java.util.function.Consumer<String> problem) {
        Path direct = Path.of(path);
        if (readable(direct, directoryAllowed)) {
            return direct.toString();
        }
        if (!direct.isAbsolute() && baseDir != null) {
            Path besideSpec = baseDir.resolve(path);
            if (readable(besideSpec, directoryAllowed)) {
                return besideSpec.toString();
            }
        }
        String why = Files.isDirectory(direct) ? "is a directory; give the ratings file inside it"
                : Files.exists(direct) ? "is not readable" : "no such file (looked in the working directory "
                + Path.of("").toAbsolutePath() + (baseDir != null && !direct.isAbsolute() ? " and beside the spec in "
                + baseDir : "") + ")";
        problem.accept("cannot read '" + path + "': " + why);
        return path;
    }

    private static boolean readable(Path path, boolean directoryAllowed) {
        return Files.isReadable(path) && (Files.isRegularFile(path) || directoryAllowed && Files.isDirectory(path));
    }
}
