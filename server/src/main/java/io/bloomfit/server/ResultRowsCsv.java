package io.bloomfit.server;

import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultRowJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Result rows as CSV (RFC 4180), one column per field of {@link ResultRowJson} in its order: numbers and text as
 * they are, empty cells for nulls, lists ({@code loss_per_epoch}, ...) and layouts as their JSON text.
 */
final class ResultRowsCsv {

    private ResultRowsCsv() {
    }

    static String render(List<ResultRow> rows) {
        StringBuilder out = new StringBuilder(String.join(",", ResultRowJson.FIELDS)).append('\n');
        for (ResultRow row : rows) {
            ObjectNode json = ResultRowJson.toJson(row);
            for (int i = 0; i < ResultRowJson.FIELDS.size(); i++) {
                out.append(i == 0 ? "" : ",").append(cell(json.get(ResultRowJson.FIELDS.get(i))));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        String text = v.isContainerNode() ? v.toString() : v.asText();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
