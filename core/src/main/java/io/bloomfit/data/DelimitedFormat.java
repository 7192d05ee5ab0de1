package io.bloomfit.data;

import java.util.Objects;

/**
 * Layout of a delimited interactions file: the delimiter (one or more characters, e.g. {@code ","}, {@code "\t"},
 * {@code "::"}), whether the first line is a header, and which columns hold user, item, rating and timestamp.
 *
 * <p>A column is given by header name or by 0-based index (a string of digits; a header name wins if the header has
 * a column with exactly that name). Rating and timestamp are optional ({@code null}). Fields may be wrapped in double
 * quotes, which are removed; quoted delimiters are not supported (interaction files do not need them).
 *
 * @param delimiter field separator
 * @param header    whether the first line names the columns
 * @param user      user id column
 * @param item      item id column
 * @param rating    rating column, or {@code null}
 * @param timestamp timestamp column (integer), or {@code null}
 */
public record DelimitedFormat(String delimiter, boolean header, String user, String item, String rating,
                              String timestamp) {

    /** MovieLens 100K {@code u.data}: {@code user \t item \t rating \t timestamp}, no header. */
    public static final DelimitedFormat MOVIELENS_100K = new DelimitedFormat("\t", false, "0", "1", "2", "3");
    /** MovieLens 1M/10M {@code ratings.dat}: {@code UserID::MovieID::Rating::Timestamp}, no header. */
    public static final DelimitedFormat MOVIELENS_DAT = new DelimitedFormat("::", false, "0", "1", "2", "3");
    /** MovieLens 20M/25M/32M/latest {@code ratings.csv}: header {@code userId,movieId,rating,timestamp}. */
    public static final DelimitedFormat MOVIELENS_CSV =
            new DelimitedFormat(",", true, "userId", "movieId", "rating", "timestamp");

    public DelimitedFormat {
        Objects.requireNonNull(delimiter, "delimiter");
        if (delimiter.isEmpty()) {
            throw new IllegalArgumentException("delimiter must not be empty; e.g. \",\" or \"\\t\"");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("the user column must be given (a header name or 0-based index)");
        }
        if (item == null || item.isBlank()) {
            throw new IllegalArgumentException("the item column must be given (a header name or 0-based index)");
        }
    }

    /** A comma-separated file with a header naming the given columns. */
    public static DelimitedFormat csv(String user, String item, String rating, String timestamp) {
        return new DelimitedFormat(",", true, user, item, rating, timestamp);
    }

    /** The delimiter as readers see it ({@code \t} spelled out). */
    String printableDelimiter() {
        return delimiter.replace("\t", "\\t");
    }
}
