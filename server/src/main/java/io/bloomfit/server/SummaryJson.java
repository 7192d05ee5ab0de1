package io.bloomfit.server;

import io.bloomfit.report.ExperimentSummary;
import io.bloomfit.report.SummaryCsv;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * The summary table as JSON, {@code {"rows": [...]}}: one object per row of {@code summary.csv}, keyed by its
 * columns ({@link SummaryCsv#HEADER}), numbers as numbers and empty cells as null. Built from the CSV the CLI
 * writes, so both show the same values.
 */
final class SummaryJson {

    private SummaryJson() {
    }

    static ObjectNode of(ExperimentSummary summary) {
        String[] header = SummaryCsv.HEADER.split(",");
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode rows = o.putArray("rows");
        java.util.List<java.util.List<String>> records = records(SummaryCsv.render(summary));
        for (int i = 1; i < records.size(); i++) {
            java.util.List<String> cells = records.get(i);
            ObjectNode row = rows.addObject();
            for (int c = 0; c < header.length; c++) {
                String cell = c < cells.size() ? cells.get(c) : "";
                put(row, header[c], cell);
            }
        }
        return o;
    }

    private static void put(ObjectNode row, String column, String cell) {
        if (cell.isEmpty()) {
            row.putNull(column);
            return;
        }
        if (!column.equals("compressor") && !column.equals("hash") && !column.equals("sides")
                && !column.equals("error")) {
            try {
                row.put(column, new BigDecimal(cell));
                return;
            } catch (NumberFormatException e) {
                // text after all
            }
        }
        row.put(column, cell);
    }

    /** The records of an RFC 4180 text (quoted cells may hold commas, line breaks and doubled quotes). */
    static java.util.List<java.util.List<String>> records(String text) {
        java.util.List<java.util.List<String>> records = new java.util.ArrayList<>();
        java.util.List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                records.add(cells);
                cells = new java.util.ArrayList<>();
            } else if (ch != '\r') {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            records.add(cells);
        }
        return records;
    }
}
