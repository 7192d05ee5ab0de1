package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads interactions from a delimited text file (CSV, TSV, MovieLens {@code ::}, ...) into compact arrays.
 *
 * <p>Why hand-written: the file is read as bytes in large blocks and split on the delimiter in place; ids are
 * interned straight from the buffer ({@link IdIndex}) and numbers parsed without creating strings, so a 10-million
 * line file loads in seconds and in a few hundred megabytes, without per-line garbage.
 *
 * <p>Rules: blank lines are ignored; every other line must have the same number of fields as the header (or, without
 * a header, as the first line); ratings must be finite numbers and timestamps integers. A malformed line fails the
 * load with {@code file:line: expected ..., found ...} unless {@link LoadOptions#skipBadLines()} is set, in which
 * case it is counted and reported. A second copy of the header inside the data is an error. Rows with a rating below
 * the threshold are dropped (and counted) before their ids are mapped. Repeated (user, item) pairs collapse into the
 * latest one (largest timestamp, then later line) and are counted. An id longer than {@value #MAX_ID_CHARS}
 * characters is a malformed line. Loaded with MovieLens rules ({@link MovieLensLoader}), ids must be non-negative
 * decimal integers that fit in a {@code long} and ratings must lie on the release's {@link RatingScale}.
 */
public final class DelimitedLoader {

    private static final int BLOCK = 1 << 20;
    private static final int MAX_FIELDS = 256;
    /** The longest id (in characters) a generic file may hold; longer ones are bad lines. */
    static final int MAX_ID_CHARS = 256;

    private DelimitedLoader() {
    }

    /** Loads {@code file}; the dataset is named after the file. */
    public static Dataset load(Path file, DelimitedFormat format, LoadOptions options) {
        return load(file, file.getFileName().toString(), format, options);
    }

    /** Loads {@code file} under the given dataset name. */
    public static Dataset load(Path file, String name, DelimitedFormat format, LoadOptions options) {
        return load(file, name, format, options, null);
    }

    /** Loads {@code file}; a non-null {@code movieLens} scale also applies the MovieLens id and rating rules. */
    static Dataset load(Path file, String name, DelimitedFormat format, LoadOptions options, RatingScale movieLens) {
        if (Files.isDirectory(file)) {
            throw new DatasetLoadException(file + ": is a directory; expected an interactions file");
        }
        if (!Files.isReadable(file)) {
            throw new DatasetLoadException(file + ": cannot be read (" + (Files.exists(file) ? "no permission"
                    : "no such file") + "); check the path");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DatasetLoadException(file + ": cannot be read (" + e.getMessage() + "); check the path", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new Parser(file.toString(), format, options, size, movieLens).parse(in).finish(name);
        } catch (IOException e) {
            throw new DatasetLoadException(file + ": read failed (" + e + ")", e);
        }
    }

    /**
     * Loads from a stream (e.g. a zip entry); {@code source} names it in messages and the report.
     *
     * @param sizeHint expected bytes, or -1 when unknown (sizes the arrays up front)
     */
    public static Dataset load(InputStream in, String source, String name, long sizeHint, DelimitedFormat format,
                               LoadOptions options) throws IOException {
        return new Parser(source, format, options, sizeHint, null).parse(in).finish(name);
    }

    /** One pass over one input. */
    private static final class Parser {
        private final String source;
        private final DelimitedFormat format;
        private final LoadOptions options;
        private final byte[] delimiter;
        /** MovieLens rules when non-null: numeric ids, ratings on this scale. */
        private final RatingScale movieLens;

        private final IdIndex userIds = new IdIndex();
        private final IdIndex itemIds = new IdIndex();
        private int[] users;
        private int[] items;
        private float[] ratings;
        private long[] timestamps;
        private int size;

        private final int[] fieldStart = new int[MAX_FIELDS];
        private final int[] fieldEnd = new int[MAX_FIELDS];
        private byte[] headerLine;
        private List<String> headerNames = List.of();
        private int expectedFields = -1;
        private int userCol = -1;
        private int itemCol = -1;
        private int ratingCol = -1;
        private int timeCol = -1;

        private long lineNo;
        private long linesRead;
        private long skipped;
        private long belowThreshold;
        private final List<String> skippedExamples = new ArrayList<>();

        Parser(String source, DelimitedFormat format, LoadOptions options, long sizeHint, RatingScale movieLens) {
            this.source = source;
            this.movieLens = movieLens;
            this.format = format;
            this.options = options;
            this.delimiter = format.delimiter().getBytes(StandardCharsets.UTF_8);
            int capacity = sizeHint > 0 ? (int) Math.min(Integer.MAX_VALUE - 16, sizeHint / 20 + 16) : 1 << 12;
            users = new int[capacity];
            items = new int[capacity];
            if (options.hasThreshold() && format.rating() == null) {
                throw new DatasetLoadException(source + ": a rating threshold (" + options.ratingThreshold()
                        + ") needs a rating column; name one or drop the threshold");
            }
        }

        Parser parse(InputStream in) throws IOException {
            byte[] buf = new byte[BLOCK];
            int len = 0;
            boolean eof = false;
            while (!eof || len > 0) {
                if (!eof) {
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        eof = true;
                    } else {
                        len += n;
                    }
                }
                int start = 0;
                while (true) {
                    int nl = indexOf(buf, start, len, (byte) '\n');
                    if (nl < 0) {
                        break;
                    }
                    line(buf, start, nl);
                    start = nl + 1;
                }
                if (eof) {
                    if (start < len) {
                        line(buf, start, len);
                    }
                    len = 0;
                } else {
                    System.arraycopy(buf, start, buf, 0, len - start);
                    len -= start;
                    if (len == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the block
                    }
                }
            }
            return this;
        }

        private static int indexOf(byte[] b, int from, int to, byte c) {
            for (int i = from; i < to; i++) {
                if (b[i] == c) {
                    return i;
                }
            }
            return -1;
        }

        private void line(byte[] b, int start, int end) {
            lineNo++;
            if (end > start && b[end - 1] == '\r') {
                end--;
            }
            if (lineNo == 1 && end - start >= 3 && (b[start] & 0xFF) == 0xEF && (b[start + 1] & 0xFF) == 0xBB
                    && (b[start + 2] & 0xFF) == 0xBF) {
                start += 3; // UTF-8 byte order mark
            }
            if (end == start) {
                return;
            }
            int fields = split(b, start, end);
            if (format.header() && headerLine == null) {
                header(b, start, end, fields);
                return;
            }
            linesRead++;
            if (headerLine != null && Arrays.equals(b, start, end, headerLine, 0, headerLine.length)) {
                bad(b, start, end, "expected a data line, found the header again (were two files concatenated?)");
                return;
            }
            if (expectedFields < 0) {
                resolveWithoutHeader(b, start, end, fields);
                if (expectedFields < 0) {
                    return;
                }
            }
            if (fields != expectedFields) {
                bad(b, start, end, "expected " + expectedFields + " fields separated by '"
                        + format.printableDelimiter() + "', found " + fields);
                return;
            }
            float rating = 1f;
            if (ratingCol >= 0) {
                rating = parseFloat(b, fieldStart[ratingCol], fieldEnd[ratingCol]);
                if (Float.isNaN(rating)) {
                    bad(b, start, end, "expected a number in rating column " + columnName(ratingCol) + ", found '"
                            + text(b, fieldStart[ratingCol], fieldEnd[ratingCol]) + "'");
                    return;
                }
                if (movieLens != null && !movieLens.contains(rating)) {
                    bad(b, start, end, "expected a MovieLens rating in " + movieLens.description() + " in column "
                            + columnName(ratingCol) + ", found '" + text(b, fieldStart[ratingCol],
                            fieldEnd[ratingCol]) + "'; fix the line or load the file as source csv, which takes"
                            + " any rating");
                    return;
                }
            }
            long time = 0;
            if (timeCol >= 0) {
                time = parseLong(b, fieldStart[timeCol], fieldEnd[timeCol]);
                if (time == Long.MIN_VALUE) {
                    bad(b, start, end, "expected an integer in timestamp column " + columnName(timeCol)
                            + ", found '" + text(b, fieldStart[timeCol], fieldEnd[timeCol]) + "'");
                    return;
                }
            }
            if (fieldEnd[userCol] == fieldStart[userCol]) {
                bad(b, start, end, "expected a user id in column " + columnName(userCol) + ", found an empty field");
                return;
            }
            if (fieldEnd[itemCol] == fieldStart[itemCol]) {
                bad(b, start, end, "expected an item id in column " + columnName(itemCol) + ", found an empty field");
                return;
            }
            if (!validId(b, start, end, userCol, "user") || !validId(b, start, end, itemCol, "item")) {
                return;
            }
            if (options.hasThreshold() && rating < options.ratingThreshold()) {
                belowThreshold++;
                return;
            }
            add(userIds.intern(b, fieldStart[userCol], fieldEnd[userCol]),
                    itemIds.intern(b, fieldStart[itemCol], fieldEnd[itemCol]), rating, time);
        }

        /** Checks the id in column {@code col} (MovieLens: a non-negative long; otherwise at most the length cap). */
        private boolean validId(byte[] b, int start, int end, int col, String role) {
            int from = fieldStart[col];
            int to = fieldEnd[col];
            if (movieLens != null && !isNonNegativeLong(b, from, to)) {
                bad(b, start, end, "expected a MovieLens " + role + " id (a non-negative integer: digits only, at"
                        + " most " + Long.MAX_VALUE + ") in column " + columnName(col) + ", found '"
                        + abbreviated(b, from, to) + "'; fix the line or load the file as source csv, which takes"
                        + " any id");
                return false;
            }
            if (to - from > MAX_ID_CHARS) {
                int chars = characters(b, from, to);
                if (chars > MAX_ID_CHARS) {
                    bad(b, start, end, "expected " + (role.equals("item") ? "an " : "a ") + role + " id of at most " + MAX_ID_CHARS + " characters in"
                            + " column " + columnName(col) + ", found one of " + chars + " characters ('"
                            + abbreviated(b, from, to) + "'); check the delimiter and the " + role + " column");
                    return false;
                }
            }
            return true;
        }

        /** Splits {@code b[start, end)} into {@link #fieldStart}/{@link #fieldEnd}; returns the field count. */
        private int split(byte[] b, int start, int end) {
            int count = 0;
            int fs = start;
            byte d0 = delimiter[0];
            int dl = delimiter.length;
            int i = start;
            while (i <= end - dl) {
                if (b[i] == d0 && (dl == 1 || Arrays.equals(b, i, i + dl, delimiter, 0, dl))) {
                    record(count++, b, fs, i);
                    i += dl;
                    fs = i;
                } else {
                    i++;
                }
            }
            record(count++, b, fs, end);
            return count;
        }

        private void record(int field, byte[] b, int from, int to) {
            if (field >= MAX_FIELDS) {
                return;
            }
            if (to - from >= 2 && b[from] == '"' && b[to - 1] == '"') {
                from++;
                to--;
            }
            fieldStart[field] = from;
            fieldEnd[field] = to;
        }

        private void header(byte[] b, int start, int end, int fields) {
            headerLine = Arrays.copyOfRange(b, start, end);
            List<String> names = new ArrayList<>(fields);
            for (int f = 0; f < Math.min(fields, MAX_FIELDS); f++) {
                names.add(text(b, fieldStart[f], fieldEnd[f]).trim());
            }
            headerNames = names;
            expectedFields = fields;
            userCol = resolve(format.user(), "user", true);
            itemCol = resolve(format.item(), "item", true);
            ratingCol = format.rating() == null ? -1 : resolve(format.rating(), "rating", true);
            timeCol = format.timestamp() == null ? -1 : resolve(format.timestamp(), "timestamp", true);
        }

        private void resolveWithoutHeader(byte[] b, int start, int end, int fields) {
            userCol = resolve(format.user(), "user", false);
            itemCol = resolve(format.item(), "item", false);
            ratingCol = format.rating() == null ? -1 : resolve(format.rating(), "rating", false);
            timeCol = format.timestamp() == null ? -1 : resolve(format.timestamp(), "timestamp", false);
            int needed = Math.max(Math.max(userCol, itemCol), Math.max(ratingCol, timeCol)) + 1;
            if (fields < needed) {
                bad(b, start, end, "expected at least " + needed + " fields separated by '"
                        + format.printableDelimiter() + "' (user, item" + (ratingCol >= 0 ? ", rating" : "")
                        + (timeCol >= 0 ? ", timestamp" : "") + "), found " + fields);
                return;
            }
            expectedFields = fields;
        }

        private int resolve(String column, String role, boolean haveHeader) {
            String c = column.trim();
            int byName = headerNames.indexOf(c);
            if (byName >= 0) {
                return byName;
            }
            if (!c.isEmpty() && c.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(c);
                if (index >= MAX_FIELDS || (haveHeader && index >= headerNames.size())) {
                    throw new DatasetLoadException(source + ":1: " + role + " column index " + index
                            + " is outside the " + (haveHeader ? headerNames.size() + " header columns"
                            : "supported range 0.." + (MAX_FIELDS - 1)));
                }
                return index;
            }
            if (haveHeader) {
                throw new DatasetLoadException(source + ":1: expected a header column named '" + c + "' for the "
                        + role + ", found " + headerNames + "; name one of those or give a 0-based index");
            }
            throw new DatasetLoadException(source + ": the " + role + " column '" + c
                    + "' is a name but the format has no header; give a 0-based index or set header: true");
        }

        private String columnName(int col) {
            return col < headerNames.size() ? "'" + headerNames.get(col) + "'" : String.valueOf(col);
        }

        private void bad(byte[] b, int start, int end, String what) {
            String message = source + ":" + lineNo + ": " + what + ": \"" + text(b, start, Math.min(end, start + 120))
                    + (end - start > 120 ? "..." : "") + "\"";
            if (!options.skipBadLines()) {
                throw new DatasetLoadException(message + " (or set skipBadLines: true in the spec's dataset section to skip and count such lines)");
            }
            skipped++;
            if (skippedExamples.size() < LoadReport.MAX_EXAMPLES) {
                skippedExamples.add(message);
            }
        }

        private void add(int user, int item, float rating, long time) {
            if (size == users.length) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 16, users.length * 3L / 2 + 16);
                users = Arrays.copyOf(users, capacity);
                items = Arrays.copyOf(items, capacity);
                if (ratings != null) {
                    ratings = Arrays.copyOf(ratings, capacity);
                }
                if (timestamps != null) {
                    timestamps = Arrays.copyOf(timestamps, capacity);
                }
            }
            if (ratingCol >= 0 && ratings == null) {
                ratings = new float[users.length];
            }
            if (timeCol >= 0 && timestamps == null) {
                timestamps = new long[users.length];
            }
            users[size] = user;
            items[size] = item;
            if (ratings != null) {
                ratings[size] = rating;
            }
            if (timestamps != null) {
                timestamps[size] = time;
            }
            size++;
        }

        Dataset finish(String name) {
            if (format.header() && headerLine == null) {
                throw new DatasetLoadException(source + ": empty: expected a header line naming the columns, found "
                        + "no lines; check the file");
            }
            if (linesRead == 0) {
                throw new DatasetLoadException(source + ":" + (lineNo + 1) + ": expected at least one data line"
                        + (format.header() ? " after the header" : "") + ", found " + (lineNo == 0 ? "an empty file"
                        : "none") + "; check the file");
            }
            if (size == 0) {
                throw new DatasetLoadException(source + ": no interactions left: " + linesRead + " lines read, "
                        + skipped + " malformed" + (skippedExamples.isEmpty() ? "" : " (first: "
                        + skippedExamples.get(0) + ")") + ", " + belowThreshold + " below the rating threshold");
            }
            boolean implicit = options.implicit() || ratingCol < 0;
            Interactions raw = new Interactions(userIds.size(), itemIds.size(), Arrays.copyOf(users, size),
                    Arrays.copyOf(items, size), implicit ? null : Arrays.copyOf(ratings, size),
                    timestamps == null ? null : Arrays.copyOf(timestamps, size));
            users = null;
            items = null;
            ratings = null;
            timestamps = null;
            int[] keep = Deduplication.latestOfEachPair(raw);
            Interactions data = keep == null ? raw : raw.select(keep);
            long duplicates = keep == null ? 0 : raw.size() - keep.length;
            LoadReport report = new LoadReport(source, linesRead, skipped, skippedExamples, belowThreshold,
                    duplicates);
            return new Dataset(name, data, userIds, itemIds, report);
        }

        private static String text(byte[] b, int from, int to) {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }

        /** The field, cut to its first 40 bytes with its length when longer. */
        private static String abbreviated(byte[] b, int from, int to) {
            return to - from <= 40 ? text(b, from, to)
                    : text(b, from, from + 40) + "... (" + characters(b, from, to) + " characters)";
        }
    }

    /** Whether {@code b[from, to)} is digits only, not empty, and at most {@link Long#MAX_VALUE}. */
    static boolean isNonNegativeLong(byte[] b, int from, int to) {
        if (from == to) {
            return false;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9 || v > (Long.MAX_VALUE - digit) / 10) {
                return false;
            }
            v = v * 10 + digit;
        }
        return true;
    }

    /** Unicode code points in the UTF-8 bytes {@code b[from, to)}. */
    static int characters(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    /** Decimal number in {@code b[from, to)}; NaN when it is not a finite number. */
    static float parseFloat(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                if (digits < 17) {
                    mantissa = mantissa * 10 + (c - '0');
                    digits++;
                    if (dot) {
                        scale++;
                    }
                } else if (!dot) {
                    return slowFloat(b, from, to);
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return slowFloat(b, from, to);
            }
        }
        if (digits == 0) {
            return Float.NaN;
        }
        double v = mantissa / POWERS[scale];
        return (float) (negative ? -v : v);
    }

    private static final double[] POWERS = new double[18];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private static float slowFloat(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.UTF_8).trim();
        if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith("."))) {
            return Float.NaN; // rejects NaN, Infinity, "4f", "3d"
        }
        try {
            float v = Float.parseFloat(s);
            return Float.isFinite(v) ? v : Float.NaN;
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
    }

    /** Integer in {@code b[from, to)} (a decimal fraction is truncated); {@link Long#MIN_VALUE} when not a number. */
    static long parseLong(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == to) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9' && v < 922_337_203_685_477_580L) {
                v = v * 10 + (c - '0');
            } else {
                String s = new String(b, from, to - from, StandardCharsets.UTF_8).trim();
                try {
                    double d = Double.parseDouble(s);
                    return Double.isFinite(d) && Character.isDigit(s.charAt(s.length() - 1)) ? (long) d
                            : Long.MIN_VALUE;
                } catch (NumberFormatException e) {
                    return Long.MIN_VALUE;
                }
            }
        }
        return negative ? -v : v;
    }
}
