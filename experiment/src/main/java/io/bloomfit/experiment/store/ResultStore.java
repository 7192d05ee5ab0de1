package io.bloomfit.experiment.store;

import io.bloomfit.experiment.GridPoint;
import io.bloomfit.experiment.LayoutStats;
import io.bloomfit.experiment.RankingMetrics;
import io.bloomfit.experiment.ResultRow;
import io.bloomfit.experiment.Sides;
import io.bloomfit.experiment.spec.ExperimentSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An experiment's output directory: {@code results.jsonl} (one JSON object per finished grid point, appended and
 * flushed as each finishes, so an interrupted run keeps what finished) and {@code spec.json} (the spec that
 * produced them, defaults filled in, so {@code --resume} can refuse to mix results of different specs).
 *
 * <p>The field names of a row are a public contract: {@code compressor, hash, ratio, hashes, sides, repeat, seed,
 * status, error, mrr, precision_at_10, recall_at_10, ndcg_at_10, fit_seconds_per_epoch, loss_per_epoch,
 * fit_seconds, eval_seconds, layout_seconds, parameters, bytes, achieved_ratio, user_layout, item_layout,
 * peak_heap_bytes, device, threads, trainer, finished_at}.
 */
public final class ResultStore {

    public static final String RESULTS = "results.jsonl";
    public static final String SPEC = "spec.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    public ResultStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public Path resultsFile() {
        return directory.resolve(RESULTS);
    }

    public Path specFile() {
        return directory.resolve(SPEC);
    }

    /** Whether any results were written. */
    public boolean hasResults() {
        return Files.isRegularFile(resultsFile());
    }

    /** Creates the directory and writes the spec beside the results. */
    public void writeSpec(ExperimentSpec spec) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(specFile(), spec.source() + "\n", StandardCharsets.UTF_8);
    }

    /** The spec stored by an earlier run, or {@code null}. */
    public String storedSpec() throws IOException {
        return Files.isRegularFile(specFile()) ? Files.readString(specFile(), StandardCharsets.UTF_8).strip() : null;
    }

    /** Appends one row as one line and flushes it to the file system before returning. */
    public synchronized void append(ResultRow row) throws IOException {
        Files.createDirectories(directory);
        String line = JSON.writeValueAsString(toJson(row)) + "\n";
        Files.writeString(resultsFile(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
    }

    /**
     * Cuts off a last line that an interrupt left without its newline, so rows appended later start on a line
     * of their own.
     *
     * @return whether anything was cut
     */
    public synchronized boolean dropPartialLastLine() throws IOException {
        if (!hasResults()) {
            return false;
        }
        try (var channel = java.nio.channels.FileChannel.open(resultsFile(), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
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
     * Every row stored so far, in file order. A last line cut short by an interrupt is ignored; any other line
     * that does not parse fails naming file and line.
     *
     * @throws IOException when the file is missing or unreadable
     */
    public List<ResultRow> read() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(resultsFile(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(resultsFile().toString(), null, "no results here; run `bloomfit run SPEC "
                    + "--out " + directory + "` first");
        }
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                rows.add(fromJson(JSON.readTree(line)));
            } catch (JsonProcessingException | RuntimeException e) {
                if (i == lines.size() - 1) {
                    break; // written when the run was interrupted
                }
                throw new IOException(resultsFile() + ":" + (i + 1) + ": not a result row: " + e.getMessage(), e);
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- JSON form

    static ObjectNode toJson(ResultRow row) {
        ObjectNode o = JSON.createObjectNode();
        GridPoint p = row.point();
        o.put("compressor", p.compressor());
        if (p.hash() == null) {
            o.putNull("hash");
        } else {
            o.put("hash", p.hash());
        }
        o.put("ratio", p.ratio());
        o.put("hashes", p.hashes());
        o.put("sides", p.sides().specName());
        o.put("repeat", p.repeat());
        o.put("seed", p.seed());
        o.put("status", row.status());
        if (row.error() == null) {
            o.putNull("error");
        } else {
            o.put("error", row.error());
        }
        RankingMetrics m = row.metrics();
        putNumber(o, "mrr", m == null ? Double.NaN : m.mrr());
        putNumber(o, "precision_at_10", m == null ? Double.NaN : m.precisionAt10());
        putNumber(o, "recall_at_10", m == null ? Double.NaN : m.recallAt10());
        putNumber(o, "ndcg_at_10", m == null ? Double.NaN : m.ndcgAt10());
        ArrayNode epochs = o.putArray("fit_seconds_per_epoch");
        for (double s : row.fitSecondsPerEpoch()) {
            epochs.add(s);
        }
        ArrayNode losses = o.putArray("loss_per_epoch");
        for (double l : row.lossPerEpoch()) {
            if (Double.isFinite(l)) {
                losses.add(l);
            } else {
                losses.addNull();
            }
        }
        putNumber(o, "fit_seconds", row.fitSeconds());
        putNumber(o, "eval_seconds", row.evalSeconds());
        putNumber(o, "layout_seconds", row.layoutSeconds());
        o.put("parameters", row.parameters());
        o.put("bytes", row.bytes());
        putNumber(o, "achieved_ratio", row.achievedRatio());
        putLayout(o, "user_layout", row.userLayout());
        putLayout(o, "item_layout", row.itemLayout());
        o.put("peak_heap_bytes", row.peakHeapBytes());
        o.put("device", row.device());
        o.put("threads", row.threads());
        o.put("trainer", row.trainer());
        o.put("finished_at", row.finishedAt());
        return o;
    }

    private static void putNumber(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
    }

    private static void putLayout(ObjectNode o, String field, LayoutStats s) {
        if (s == null) {
            o.putNull(field);
            return;
        }
        ObjectNode n = o.putObject(field);
        n.put("entities", s.entities());
        n.put("rows", s.rows());
        putNumber(n, "achieved_ratio", s.achievedRatio());
        n.put("entities_sharing_signature", s.entitiesSharingSignature());
        putNumber(n, "shared_fraction", s.sharedFraction());
        n.put("max_entities_per_row", s.maxEntitiesPerRow());
        putNumber(n, "mean_entities_per_row", s.meanEntitiesPerRow());
    }

    static ResultRow fromJson(JsonNode o) {
        Sides sides = Sides.fromName(required(o, "sides").asText());
        if (sides == null) {
            throw new IllegalArgumentException("unknown sides '" + o.get("sides").asText() + "'");
        }
        GridPoint point = new GridPoint(required(o, "compressor").asText(), textOrNull(o, "hash"),
                required(o, "ratio").asDouble(), required(o, "hashes").asInt(), sides, required(o, "repeat").asInt(),
                required(o, "seed").asLong());
        String status = required(o, "status").asText();
        RankingMetrics metrics = o.hasNonNull("mrr") ? new RankingMetrics(o.get("mrr").asDouble(),
                number(o, "precision_at_10"), number(o, "recall_at_10"), number(o, "ndcg_at_10")) : null;
        return new ResultRow(point, status, textOrNull(o, "error"), metrics, doubles(o.get("fit_seconds_per_epoch")),
                doubles(o.get("loss_per_epoch")), number(o, "fit_seconds"), number(o, "eval_seconds"),
                number(o, "layout_seconds"), o.path("parameters").asLong(0), o.path("bytes").asLong(0),
                number(o, "achieved_ratio"), layout(o.get("user_layout")), layout(o.get("item_layout")),
                o.path("peak_heap_bytes").asLong(0), textOrNull(o, "device"), o.path("threads").asInt(0),
                textOrNull(o, "trainer"), textOrNull(o, "finished_at"));
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode value = o.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    private static String textOrNull(JsonNode o, String field) {
        JsonNode value = o.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static double number(JsonNode o, String field) {
        JsonNode value = o.get(field);
        return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }

    private static double[] doubles(JsonNode array) {
        if (array == null || !array.isArray()) {
            return new double[0];
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return values;
    }

    private static LayoutStats layout(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new LayoutStats(n.path("entities").asLong(), n.path("rows").asLong(), number(n, "achieved_ratio"),
                n.path("entities_sharing_signature").asLong(), number(n, "shared_fraction"),
                n.path("max_entities_per_row").asLong(), number(n, "mean_entities_per_row"));
    }
}
