package io.bloomfit.report;

import io.bloomfit.experiment.ResultRow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the report files beside {@code results.jsonl}: {@code summary.csv} and {@code report.html}. */
public final class ReportFiles {

    public static final String SUMMARY_CSV = "summary.csv";
    public static final String REPORT_HTML = "report.html";

    private ReportFiles() {
    }

    /**
     * Summarises {@code rows} and writes both files into {@code directory}.
     *
     * @return the summary, e.g. to print as a table
     */
    public static ExperimentSummary write(Path directory, String title, String context, List<ResultRow> rows)
            throws IOException {
        ExperimentSummary summary = ExperimentSummary.of(rows);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(SUMMARY_CSV), SummaryCsv.render(summary), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(REPORT_HTML), HtmlReport.render(title, context, summary),
                StandardCharsets.UTF_8);
        return summary;
    }
}
