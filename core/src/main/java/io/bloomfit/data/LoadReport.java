package io.bloomfit.data;

import java.util.List;
import java.util.Objects;

/**
 * What a loader did with its source, so nothing is dropped silently: lines read, lines skipped (with the first
 * few reasons, {@code file:line: ...}), interactions below the implicit-feedback threshold, and repeated
 * (user, item) pairs collapsed into one.
 *
 * @param source              file or generator the data came from
 * @param linesRead           data lines read (header excluded)
 * @param skippedLines        malformed lines skipped (only with {@code skipBadLines}; otherwise loading fails)
 * @param skippedExamples     the first few skip reasons
 * @param belowThreshold      interactions dropped because their rating was below the threshold
 * @param duplicatesCollapsed interactions merged into an earlier one with the same (user, item)
 */
public record LoadReport(String source, long linesRead, long skippedLines, List<String> skippedExamples,
                         long belowThreshold, long duplicatesCollapsed) {

    /** How many skip reasons a report keeps. */
    public static final int MAX_EXAMPLES = 10;

    public LoadReport {
        Objects.requireNonNull(source, "source");
        skippedExamples = List.copyOf(skippedExamples);
    }

    /** A report for data made in memory (synthetic, or built by code): nothing read, nothing dropped. */
    public static LoadReport generated(String source, long interactions) {
        return new LoadReport(source, interactions, 0, List.of(), 0, 0);
    }

    /** One line for logs and the CLI. */
    public String summary() {
        StringBuilder b = new StringBuilder(source).append(": ").append(linesRead).append(" lines read");
        if (skippedLines > 0) {
            b.append(", ").append(skippedLines).append(" bad lines skipped (first: ")
                    .append(skippedExamples.isEmpty() ? "?" : skippedExamples.get(0)).append(')');
        }
        if (belowThreshold > 0) {
            b.append(", ").append(belowThreshold).append(" below the rating threshold dropped");
        }
        if (duplicatesCollapsed > 0) {
            b.append(", ").append(duplicatesCollapsed).append(" duplicate (user, item) pairs collapsed");
        }
        return b.toString();
    }
}
