package io.bloomfit.report;

import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.store.RunDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** Writes the report files of a {@link RunDirectory} beside its results: {@code summary.csv} and {@code report.html}. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * Summarises {@code rows} and writes both files into {@code directory}.
     *
     * @return the summary, e.g. to print as a table
     */
    public static ExperimentSummary write(RunDirectory directory, String title, String context, List<ResultRow> rows)
            throws IOException {
        ExperimentSummary summary = ExperimentSummary.of(rows);
        Files.createDirectories(directory.path());
        Files.writeString(directory.summaryCsv(), SummaryCsv.render(summary), StandardCharsets.UTF_8);
        Files.writeString(directory.reportHtml(), HtmlReport.render(title, context, summary), StandardCharsets.UTF_8);
        return summary;
    }
}
