package io.bloomfit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bloomfit.report.ConsoleReport;
import io.bloomfit.report.ExperimentSummary;
import io.bloomfit.report.ReportFiles;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.store.DirectoryResultStore;
import io.bloomfit.experiment.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bloomfit report DIR}: re-renders the table, summary.csv and report.html from stored results. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-renders the reports (console table, DIR/summary.csv, DIR/report.html) from "
                + "DIR/results.jsonl.",
        footer = {"", ExitCodes.HELP})
public class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "directory of a run (holds results.jsonl)")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": no such directory; give the --out directory of a run");
        }
        RunDirectory run = new RunDirectory(dir);
        DirectoryResultStore store = new DirectoryResultStore(run);
        List<ResultRow> rows = store.read();
        String partial = store.partialLastLine();
        if (partial != null) {
            spec.commandLine().getErr().println("bloomfit: warning: " + partial);
            spec.commandLine().getErr().flush();
        }
        if (rows.isEmpty()) {
            throw new UserError(run.results() + ": no finished grid points yet");
        }
        String title = dir.getFileName() == null ? "bloomfit" : dir.getFileName().toString();
        String context = "";
        String stored = store.storedSpec();
        if (stored != null) {
            JsonNode spec = new ObjectMapper().readTree(stored);
            title = spec.path("name").asText(title);
            context = "dataset " + spec.path("dataset").path("source").asText() + " "
                    + spec.path("dataset").path("preset").asText(spec.path("dataset").path("path").asText()) + "; "
                    + spec.path("model").path("loss").asText() + ", dimension "
                    + spec.path("model").path("dimension").asText() + ", " + spec.path("model").path("epochs").asText()
                    + " epochs; trainer " + spec.path("trainer").path("name").asText();
        }
        ExperimentSummary summary = ReportFiles.write(run, title, context, rows);
        var out = spec.commandLine().getOut();
        out.print(ConsoleReport.render(summary));
        out.println();
        out.println("summary: " + run.summaryCsv());
        out.println("report:  " + run.reportHtml());
        out.flush();
        return ExitCodes.OK;
    }
}
