package io.bloomfit.store.jdbc;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultRowJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON data of each {@link EventKind}, the one place their field names live. */
public final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    /** {@code point-started}: {@code point} (the key fields of the point), {@code label}, {@code index}, {@code total}. */
    public static String pointStarted(GridPoint point, int index, int total) {
        ObjectNode o = JSON.createObjectNode();
        ResultRowJson.putPoint(o.putObject("point"), point);
        o.put("label", point.label());
        o.put("index", index);
        o.put("total", total);
        return o.toString();
    }

    /** {@code epoch}: {@code label}, {@code epoch} (1-based), {@code epochs}, {@code loss}, {@code examples_per_second}. */
    public static String epoch(GridPoint point, int epoch, int epochs, double loss, double examplesPerSecond) {
        ObjectNode o = JSON.createObjectNode();
        o.put("label", point.label());
        o.put("epoch", epoch);
        o.put("epochs", epochs);
        ResultRowJson.putNumber(o, "loss", loss);
        ResultRowJson.putNumber(o, "examples_per_second", examplesPerSecond);
        return o.toString();
    }

    /** {@code point-finished}: {@code row}, the row as in {@code results.jsonl}. */
    public static String pointFinished(ResultRow row) {
        ObjectNode o = JSON.createObjectNode();
        o.set("row", ResultRowJson.toJson(row));
        return o.toString();
    }

    /** {@code status}: {@code status} and {@code error} (or null). */
    public static String status(ExperimentStatus status, String error) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", status.specName());
        o.put("error", error);
        return o.toString();
    }
}
