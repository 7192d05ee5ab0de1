package io.bloomfit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads the ratings of any MovieLens release, recognising its layout from the file name or, failing that, its first
 * line:
 * <ul>
 *   <li>100K: {@code u.data}, tab-separated {@code user item rating timestamp};</li>
 *   <li>1M, 10M: {@code ratings.dat}, {@code UserID::MovieID::Rating::Timestamp};</li>
 *   <li>20M, 25M, 32M, latest(-small): {@code ratings.csv} with header {@code userId,movieId,rating,timestamp}.</li>
 * </ul>
 * Given a directory (e.g. an unpacked {@code ml-1m/}), it finds the ratings file inside (one level of sub-directory
 * is searched too); more than one candidate is an error that lists them all.
 *
 * <p>Every line must follow the MovieLens READMEs: user and movie ids are non-negative decimal integers (digits
 * only, fitting in a {@code long}) and ratings lie on the release's scale ({@link RatingScale}: 1..5 whole stars for
 * 100K, 0.5..5 in half stars for {@code ratings.dat} and {@code ratings.csv}). Any other line is a bad line: it fails
 * the load with {@code file:line}, or is skipped and counted under {@link LoadOptions#skipBadLines()}. Files with
 * other ids or ratings load through {@link DelimitedLoader} as a generic delimited file.
 */
public final class MovieLensLoader {

    /** The three MovieLens rating layouts. */
    public enum Layout {
        /** MovieLens 100K {@code u.data}. */
        U_DATA("u.data", DelimitedFormat.MOVIELENS_100K, RatingScale.WHOLE_STARS_1_TO_5),
        /** MovieLens 1M and 10M {@code ratings.dat}. */
        RATINGS_DAT("ratings.dat", DelimitedFormat.MOVIELENS_DAT, RatingScale.HALF_STARS_05_TO_5),
        /** MovieLens 20M and later {@code ratings.csv}. */
        RATINGS_CSV("ratings.csv", DelimitedFormat.MOVIELENS_CSV, RatingScale.HALF_STARS_05_TO_5);

        private final String fileName;
        private final DelimitedFormat format;
        private final RatingScale scale;

        Layout(String fileName, DelimitedFormat format, RatingScale scale) {
            this.fileName = fileName;
            this.format = format;
            this.scale = scale;
        }

        public String fileName() {
            return fileName;
        }

        public DelimitedFormat format() {
            return format;
        }
    }

    private MovieLensLoader() {
    }

    /** Loads a MovieLens ratings file or directory with default options. */
    public static Dataset load(Path fileOrDirectory) {
        return load(fileOrDirectory, null, LoadOptions.DEFAULT);
    }

    /**
     * Loads a MovieLens ratings file or directory.
     *
     * @param name dataset name; {@code null} takes {@link #nameOf(Path)}
     */
    public static Dataset load(Path fileOrDirectory, String name, LoadOptions options) {
        Path file = ratingsFile(fileOrDirectory);
        Layout layout = detect(file);
        return DelimitedLoader.load(file, name != null ? name : nameOf(file), layout.format(), options,
                layout.scale);
    }

    /**
     * The dataset's own name for a ratings file: the MovieLens release when the file sits in a folder named as
     * GroupLens unpacks it (e.g. {@code ml-1m/ratings.dat} is {@code movielens-1m}), else the file's name. A
     * folder of another name says nothing about the data (it may be a temporary or a project folder).
     */
    public static String nameOf(Path ratingsFile) {
        Path parent = ratingsFile.toAbsolutePath().getParent();
        String release = parent == null || parent.getFileName() == null ? null
                : DatasetFetcher.releaseInDirectory(parent.getFileName().toString());
        return release != null ? release : ratingsFile.getFileName().toString();
    }

    /** Loads {@code file} in the given layout, skipping detection. */
    public static Dataset load(Path file, Layout layout, String name, LoadOptions options) {
        return DelimitedLoader.load(file, name != null ? name : file.getFileName().toString(), layout.format(),
                options, layout.scale);
    }

    /** The ratings file of a MovieLens directory, or {@code path} itself when it is a file. */
    public static Path ratingsFile(Path path) {
        if (!Files.exists(path)) {
            throw new DatasetLoadException(path + ": cannot be read (no such file or directory); check the path"
                    + " or fetch the dataset first");
        }
        if (!Files.isDirectory(path)) {
            return path;
        }
        List<Path> candidates = candidatesIn(path);
        if (candidates.isEmpty()) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                    candidates.addAll(candidatesIn(child));
                }
            } catch (IOException e) {
                throw new DatasetLoadException(path + ": cannot list the directory (" + e.getMessage() + ")", e);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.size() > 1) {
            throw new DatasetLoadException(path + ": ambiguous: " + candidates.size() + " MovieLens ratings files"
                    + " found: " + candidates + "; set path to one of them");
        }
        throw new DatasetLoadException(path + ": expected a MovieLens ratings file (u.data, ratings.dat or"
                + " ratings.csv) in this directory, found none");
    }

    /** The ratings files directly inside {@code directory}, in {@link Layout} order. */
    private static List<Path> candidatesIn(Path directory) {
        List<Path> found = new ArrayList<>();
        for (Layout layout : Layout.values()) {
            Path candidate = directory.resolve(layout.fileName());
            if (Files.isRegularFile(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    /** The layout of {@code file}: by its name, else by its first line. */
    public static Layout detect(Path file) {
        String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Layout layout : Layout.values()) {
            if (fileName.equals(layout.fileName())) {
                return layout;
            }
        }
        String first;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            first = reader.readLine();
        } catch (IOException e) {
            throw new DatasetLoadException(file + ": cannot be read (" + e.getMessage() + "); check the path", e);
        }
        if (first == null) {
            throw new DatasetLoadException(file + ":1: expected MovieLens ratings, found an empty file");
        }
        Layout layout = detectFromFirstLine(first);
        if (layout == null) {
            throw new DatasetLoadException(file + ":1: cannot tell the MovieLens layout: expected a header "
                    + "'userId,movieId,rating,timestamp', 'user::item::rating::time' or tab-separated fields, found \""
                    + (first.length() > 80 ? first.substring(0, 80) + "..." : first)
                    + "\"; load it as a generic delimited file instead");
        }
        return layout;
    }

    /**
     * The MovieLens layout {@code file}'s first line has, or {@code null} when it has none (or cannot be read: the
     * loader reports that itself).
     */
    public static Layout detectFromContent(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            return first == null ? null : detectFromFirstLine(first);
        } catch (IOException e) {
            return null;
        }
    }

    static Layout detectFromFirstLine(String first) {
        String line = first.startsWith("\uFEFF") || first.startsWith("\u00EF\u00BB\u00BF")
                ? first.substring(first.charAt(0) == '\uFEFF' ? 1 : 3) : first;
        List<String> header = List.of(line.trim().split(",", -1));
        if (header.size() >= 2 && header.get(0).equals("userId") && header.get(1).equals("movieId")) {
            return Layout.RATINGS_CSV;
        }
        if (line.contains("::")) {
            return Layout.RATINGS_DAT;
        }
        if (line.indexOf('\t') >= 0) {
            return Layout.U_DATA;
        }
        return null;
    }
}
