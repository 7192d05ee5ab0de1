package io.bloomfit.experiment.store;

import io.bloomfit.experiment.grid.ResultRowJson;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;

import io.bloomfit.data.Dataset;
import io.bloomfit.data.LoadReport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's rows as files in its {@link RunDirectory}: {@code results.jsonl} (one JSON object per finished grid
 * point, appended and flushed to the file system as each finishes, so an interrupted run keeps what finished) and
 * {@code spec.json} (the spec that produced them, defaults filled in, so {@code --resume} can refuse to mix results
 * of different specs).
 *
 * <p>The field names of a row are a public contract: {@code compressor, hash, ratio, hashes, sides, repeat, seed,
 * status, error, mrr, precision_at_10, recall_at_10, ndcg_at_10, fit_seconds_per_epoch, loss_per_epoch,
 * fit_seconds, eval_seconds, layout_seconds, parameters, bytes, achieved_ratio, user_layout, item_layout,
 * peak_heap_bytes, device, threads, trainer, finished_at, timed_in} (see {@link ResultRowJson}).
 */
public final class DirectoryResultStore implements ResultStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunDirectory directory;

    public DirectoryResultStore(RunDirectory directory) {
        this.directory = directory;
    }

    public DirectoryResultStore(Path directory) {
        this(new RunDirectory(directory));
    }

    public RunDirectory directory() {
        return directory;
    }

    /**
     * Locks {@code DIR/.lock} ({@link RunDirectoryLock}) for the run's lifetime, creating the directory.
     *
     * @throws io.bloomfit.experiment.spec.SpecException when the path is not a directory, or another run (of
     *                                                   this or another process) holds it
     */
    @Override
    public RunClaim claim() throws IOException {
        return RunDirectoryLock.claim(directory.path());
    }

    @Override
    public String location() {
        return directory.results().toString();
    }

    @Override
    public boolean hasResults() {
        return Files.isRegularFile(directory.results());
    }

    /** Creates the directory and writes the spec beside the results. */
    @Override
    public void writeSpec(ExperimentSpec spec) throws IOException {
        Files.createDirectories(directory.path());
        Files.writeString(directory.spec(), spec.source() + "\n", StandardCharsets.UTF_8);
    }

    /** Writes {@code dataset.json} ({@link RunDirectory#DATASET}). */
    @Override
    public void writeDataset(Dataset dataset) throws IOException {
        Files.createDirectories(directory.path());
        ObjectNode o = JSON.createObjectNode();
        LoadReport report = dataset.report();
        o.put("name", dataset.name());
        o.put("description", dataset.describe());
        o.put("source", report.source());
        o.put("lines_read", report.linesRead());
        o.put("skipped_lines", report.skippedLines());
        ArrayNode examples = o.putArray("skipped_examples");
        report.skippedExamples().forEach(examples::add);
        o.put("below_threshold", report.belowThreshold());
        o.put("duplicates_collapsed", report.duplicatesCollapsed());
        Files.writeString(directory.dataset(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n",
                StandardCharsets.UTF_8);
    }

    @Override
    public String storedSpec() throws IOException {
        Path file = directory.spec();
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
    }

    /** Appends one row as one line and flushes it to the file system before returning. */
    @Override
    public synchronized void append(ResultRow row) throws IOException {
        Files.createDirectories(directory.path());
        Files.writeString(directory.results(), ResultRowJson.write(row) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                StandardOpenOption.DSYNC);
    }

    /** Cuts off a last line that an interrupt left without its newline, so later rows start on a line of their own. */
    @Override
    public synchronized boolean recover() throws IOException {
        if (!hasResults()) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(directory.results(), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            long end = size;
            while (end > 0) {
                one.clear();
                channel.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end == size) {
                return false;
            }
            channel.truncate(end);
            return true;
        }
    }

    /**
     * Every row stored so far, in file order. A last line without its newline (an interrupt cut it short) is left
     * out ({@link #partialLastLine()} says so); any other line that is not a row fails naming file and line.
     *
     * @throws ResultsFileException when a line is not a result row
     * @throws IOException          when the file is missing or unreadable
     */
    @Override
    public List<ResultRow> read() throws IOException {
        return scan().rows();
    }

    /**
     * The last line of {@code results.jsonl} when an interrupt cut it short (no newline at its end, not a whole
     * row), as {@code file:line: ...} for a warning; {@code null} when there is none. {@link #read()} leaves it out
     * and {@link #recover()} removes it.
     */
    public String partialLastLine() throws IOException {
        return hasResults() ? scan().partialLine() : null;
    }

    /** The rows of the file and the location of a cut-short last line, or {@code null}. */
    private record Contents(List<ResultRow> rows, String partialLine) {
    }

    private Contents scan() throws IOException {
        Path file = directory.results();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no results here; run `bloomfit run SPEC --out "
                    + directory.path() + "` first");
        }
        List<String> lines = text.lines().toList();
        boolean cutShort = !text.isEmpty() && !text.endsWith("\n");
        List<ResultRow> rows = new ArrayList<>();
        String partial = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                rows.add(ResultRowJson.read(line));
            } catch (JsonProcessingException | ResultRowJson.MalformedRowException e) {
                String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage()
                        : e.getMessage();
                if (cutShort && i == lines.size() - 1) {
                    partial = file + ":" + (i + 1) + ": the last line is cut short (a run was interrupted while "
                            + "writing it); it is left out, and `bloomfit run SPEC --out " + directory.path()
                            + " --resume` runs its point again";
                    break;
                }
                throw new ResultsFileException(file + ":" + (i + 1) + ": not a result row: " + reason
                        + "; restore the file, or delete that line to run its point again with --resume", e);
            }
        }
        return new Contents(rows, partial);
    }
}
