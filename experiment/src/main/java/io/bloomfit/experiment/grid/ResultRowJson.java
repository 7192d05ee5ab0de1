package io.bloomfit.experiment.grid;

import io.bloomfit.api.plugin.PluginOptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bloomfit.api.plugin.PluginOptions;
import java.util.Map;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link ResultRow} as one flat JSON object, the form of a line of {@code results.jsonl} and of a row any store
 * or API hands out. The field names and their order are a public contract: {@code compressor, hash, ratio, hashes,
 * sides, repeat, seed} (then {@code grid_options}, only for a point the spec's {@code grid.options} gave options:
 * those options by name, part of the point's identity, {@link GridPoint#key()}), {@code status, error, mrr,
 * precision_at_10, recall_at_10, ndcg_at_10, fit_seconds_per_epoch, loss_per_epoch, fit_seconds, eval_seconds,
 * layout_seconds, parameters, bytes, achieved_ratio, user_layout, item_layout, peak_heap_bytes, device, threads,
 * trainer, finished_at, timed_in}, then, for a trainer with options ({@code trainer.options}) only,
 * {@code trainer_options: {name: value, ...}} (every option the fit ran with, defaults included, sorted by name),
 * then, for a tuned point only, {@code tuned: {learningRate, l2, epochs}} (with {@code options}, the values chosen,
 * when the spec tunes compressor options) and {@code validation_score}; {@code user_layout} and {@code item_layout}
 * hold {@code entities, rows, achieved_ratio, entities_sharing_signature, shared_fraction, max_entities_per_row,
 * mean_entities_per_row, collision_warning} (the last, derived on writing, is {@code null} unless
 * {@link CollisionCheck} finds the layout far worse than random hashing). Rows of {@code bloom-network} points add
 * {@code input_layer_parameters, input_layer_bytes, output_layer_parameters, output_layer_bytes} (float32 bytes of
 * the network's input and output layers); other rows leave them out. Last, rows whose compressor takes options add
 * {@code options}: every option the layouts were built with, resolved (the point's, the tuned and the default
 * values), by name, e.g. {@code "options": {"coldFloor": 0.2, "hotShare": 0.25}}; rows of compressors without
 * options ({@code plain}, {@code quotient-remainder}, the references) leave it out. Numbers that do not exist (NaN)
 * are {@code null}.
 */
public final class ResultRowJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The top-level field names of a row, in the order {@link #toJson} writes them (e.g. a CSV header). */
    public static final java.util.List<String> FIELDS = java.util.List.of("compressor", "hash", "ratio", "hashes",
            "sides", "repeat", "seed", "status", "error", "mrr", "precision_at_10", "recall_at_10", "ndcg_at_10",
            "fit_seconds_per_epoch", "loss_per_epoch", "fit_seconds", "eval_seconds", "layout_seconds", "parameters",
            "bytes", "achieved_ratio", "user_layout", "item_layout", "peak_heap_bytes", "device", "threads",
            "trainer", "finished_at", "timed_in");

    private ResultRowJson() {
    }

    /** A stored row lacks a field it needs, or holds a value outside its vocabulary. */
    public static final class MalformedRowException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedRowException(String message) {
            super(message);
        }
    }

    /** The row as one line of JSON (no newline). */
    public static String write(ResultRow row) {
        try {
            return JSON.writeValueAsString(toJson(row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /**
     * The row one line of JSON holds.
     *
     * @throws JsonProcessingException when the line is not JSON
     * @throws MalformedRowException   when it is JSON but not a row
     */
    public static ResultRow read(String line) throws JsonProcessingException, MalformedRowException {
        return fromJson(JSON.readTree(line));
    }

    /** The row as a JSON object. */
    public static ObjectNode toJson(ResultRow row) {
        ObjectNode o = JSON.createObjectNode();
        GridPoint p = row.point();
        putPoint(o, p);
        o.put("status", row.status().specName());
        o.put("error", row.error());
        RankingMetrics m = row.metrics();
        putNumber(o, "mrr", m == null ? Double.NaN : m.mrr());
        putNumber(o, "precision_at_10", m == null ? Double.NaN : m.precisionAt10());
        putNumber(o, "recall_at_10", m == null ? Double.NaN : m.recallAt10());
        putNumber(o, "ndcg_at_10", m == null ? Double.NaN : m.ndcgAt10());
        ResultRow.Fit fit = row.fit();
        ArrayNode epochs = o.putArray("fit_seconds_per_epoch");
        for (double s : fit.secondsPerEpoch()) {
            epochs.add(s);
        }
        ArrayNode losses = o.putArray("loss_per_epoch");
        for (double l : fit.lossPerEpoch()) {
            if (Double.isFinite(l)) {
                losses.add(l);
            } else {
                losses.addNull();
            }
        }
        putNumber(o, "fit_seconds", fit.fitSeconds());
        putNumber(o, "eval_seconds", row.costs().evalSeconds());
        putNumber(o, "layout_seconds", row.costs().layoutSeconds());
        ResultRow.Sizes sizes = row.sizes();
        o.put("parameters", sizes.parameters());
        o.put("bytes", sizes.bytes());
        putNumber(o, "achieved_ratio", sizes.achievedRatio());
        putLayout(o, "user_layout", sizes.userLayout(),
                CollisionCheck.warning(p, p.sides().compressesUsers(), sizes.userLayout()));
        putLayout(o, "item_layout", sizes.itemLayout(),
                CollisionCheck.warning(p, p.sides().compressesItems(), sizes.itemLayout()));
        o.put("peak_heap_bytes", row.costs().peakHeapBytes());
        o.put("device", fit.device());
        o.put("threads", fit.threads());
        o.put("trainer", fit.trainer());
        o.put("finished_at", row.costs().finishedAt());
        o.put("timed_in", row.costs().timedIn());
        if (!fit.trainerOptions().isEmpty()) {
            o.set("trainer_options", JSON.valueToTree(fit.trainerOptions().asMap()));
        }
        TunedChoice tuned = fit.tuned();
        if (tuned != null) {
            ObjectNode t = o.putObject("tuned");
            t.put("learningRate", tuned.learningRate());
            t.put("l2", tuned.l2());
            t.put("epochs", tuned.epochs());
            if (!tuned.options().isEmpty()) {
                putOptions(t, "options", tuned.options());
            }
            putNumber(o, "validation_score", tuned.validationScore());
        }
        ResultRow.LayerSizes layers = sizes.layers();
        if (layers != null) {
            o.put("input_layer_parameters", layers.inputParameters());
            o.put("input_layer_bytes", layers.inputBytes());
            o.put("output_layer_parameters", layers.outputParameters());
            o.put("output_layer_bytes", layers.outputBytes());
        }
        if (!row.options().isEmpty()) {
            putOptions(o, "options", row.options());
        }
        return o;
    }

    /** Puts {@code options} as a JSON object of their values, by name. */
    public static void putOptions(ObjectNode o, String field, PluginOptions options) {
        ObjectNode n = o.putObject(field);
        options.asMap().forEach((name, value) -> n.set(name, JSON.valueToTree(value)));
    }

    /**
     * The options a JSON object holds ({@link PluginOptions#NONE} when absent): whole numbers that fit an
     * {@code int} as {@link Integer}, other numbers as {@link Double}, as the writer wrote them.
     *
     * @throws MalformedRowException when a value is not a number, true/false or text
     */
    public static PluginOptions options(JsonNode n) throws MalformedRowException {
        if (n == null || n.isNull()) {
            return PluginOptions.NONE;
        }
        if (!n.isObject()) {
            throw new MalformedRowException("options must be an object of option values, was " + n);
        }
        Map<String, Object> values = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                values.put(e.getKey(), v.intValue());
            } else if (v.isNumber()) {
                values.put(e.getKey(), v.doubleValue());
            } else if (v.isBoolean()) {
                values.put(e.getKey(), v.booleanValue());
            } else if (v.isTextual()) {
                values.put(e.getKey(), v.textValue());
            } else {
                throw new MalformedRowException("option '" + e.getKey() + "' holds " + v
                        + "; options are numbers, true/false or text");
            }
        }
        return PluginOptions.of(values);
    }

    /**
     * Puts the fields that identify a grid point, as a row names them ({@code compressor} ... {@code seed}, then
     * {@code grid_options} for a point the grid gave options).
     */
    public static void putPoint(ObjectNode o, GridPoint p) {
        o.put("compressor", p.compressor());
        o.put("hash", p.hash());
        o.put("ratio", p.ratio());
        o.put("hashes", p.hashes());
        o.put("sides", p.sides().specName());
        o.put("repeat", p.repeat());
        o.put("seed", p.seed());
        if (!p.options().isEmpty()) {
            putOptions(o, "grid_options", p.options());
        }
    }

    /** Puts a number the way rows hold numbers: a value that does not exist (NaN, infinite) as {@code null}. */
    public static void putNumber(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
    }

    private static void putLayout(ObjectNode o, String field, LayoutStats s, String collisionWarning) {
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
        n.put("collision_warning", collisionWarning);
    }

    /**
     * The row a JSON object holds.
     *
     * @throws MalformedRowException naming the field that is missing or holds an unknown value
     */
    public static ResultRow fromJson(JsonNode o) throws MalformedRowException {
        String sidesName = required(o, "sides").asText();
        Sides sides = Sides.fromName(sidesName);
        if (sides == null) {
            throw new MalformedRowException("unknown sides '" + sidesName + "'");
        }
        GridPoint point = new GridPoint(required(o, "compressor").asText(), textOrNull(o, "hash"),
                required(o, "ratio").asDouble(), required(o, "hashes").asInt(), sides, required(o, "repeat").asInt(),
                required(o, "seed").asLong(), options(o.get("grid_options")));
        String statusName = required(o, "status").asText();
        ResultStatus status;
        try {
            status = ResultStatus.fromSpec(statusName);
        } catch (IllegalArgumentException e) {
            throw new MalformedRowException(e.getMessage());
        }
        RankingMetrics metrics = o.hasNonNull("mrr") ? new RankingMetrics(o.get("mrr").asDouble(),
                number(o, "precision_at_10"), number(o, "recall_at_10"), number(o, "ndcg_at_10")) : null;
        ResultRow.Fit fit = new ResultRow.Fit(textOrNull(o, "trainer"), trainerOptions(o), textOrNull(o, "device"),
                o.path("threads").asInt(0), doubles(o.get("fit_seconds_per_epoch")), doubles(o.get("loss_per_epoch")),
                number(o, "fit_seconds"), tuned(o));
        ResultRow.Sizes sizes = new ResultRow.Sizes(o.path("parameters").asLong(0), o.path("bytes").asLong(0),
                number(o, "achieved_ratio"), layout(o.get("user_layout")), layout(o.get("item_layout")),
                o.hasNonNull("input_layer_parameters") ? new ResultRow.LayerSizes(
                        o.get("input_layer_parameters").asLong(), o.path("output_layer_parameters").asLong(0)) : null);
        ResultRow.Costs costs = new ResultRow.Costs(number(o, "layout_seconds"), number(o, "eval_seconds"),
                o.path("peak_heap_bytes").asLong(0), textOrNull(o, "finished_at"),
                textOrNull(o, "timed_in"));
        return new ResultRow(point, status, textOrNull(o, "error"), metrics, fit, sizes, costs,
                options(o.get("options")));
    }

    /** {@code trainer_options}: none when absent (rows of trainers without options, rows stored before). */
    private static PluginOptions trainerOptions(JsonNode o) throws MalformedRowException {
        JsonNode options = o.get("trainer_options");
        if (options == null || options.isNull()) {
            return PluginOptions.NONE;
        }
        try {
            return PluginOptions.of(JSON.convertValue(options, new TypeReference<Map<String, Object>>() { }));
        } catch (IllegalArgumentException e) {
            throw new MalformedRowException("field 'trainer_options' is not a mapping of option names to numbers, "
                    + "true/false or words: " + options);
        }
    }

    private static TunedChoice tuned(JsonNode o) throws MalformedRowException {
        JsonNode t = o.get("tuned");
        if (t == null || t.isNull()) {
            return null;
        }
        return new TunedChoice(required(t, "learningRate").asDouble(), required(t, "l2").asDouble(),
                required(t, "epochs").asInt(), number(o, "validation_score"), options(t.get("options")));
    }

    private static JsonNode required(JsonNode o, String field) throws MalformedRowException {
        JsonNode value = o.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedRowException("missing field '" + field + "'");
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
