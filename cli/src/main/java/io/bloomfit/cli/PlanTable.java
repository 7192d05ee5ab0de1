package io.bloomfit.cli;

import java.util.Arrays;
import io.bloomfit.experiment.MemoryEstimate;
import io.bloomfit.experiment.PlannedPoint;
import io.bloomfit.experiment.PlannedRun;
import io.bloomfit.experiment.grid.GridPoint;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bloomfit run --dry-run}'s output: what was loaded, one line per point in run order (compressor, hash,
 * ratio, k, sides, repeat, parameters, bytes, memory, and the compressor options a grid gives, when it gives any),
 * then the totals and whether the largest point fits in this JVM's heap.
 */
final class PlanTable {

    private static final String[] HEADER = {"#", "compressor", "hash", "ratio", "k", "sides", "repeat", "parameters",
        "bytes", "memory"};
    /** Columns from this one on are right-aligned (numbers). */
    private static final int FIRST_NUMBER = 7;

    private PlanTable() {
    }

    static void print(PlannedRun plan, double seconds, PrintWriter out) {
        out.println("data: " + plan.dataDescription() + String.format(Locale.ROOT, " (loaded and split in %.1f s to "
                + "size the layouts; nothing was trained or written)", seconds));
        boolean options = plan.points().stream().anyMatch(p -> !p.point().options().isEmpty());
        List<String[]> lines = new ArrayList<>();
        lines.add(options ? withOptions(HEADER, "options") : HEADER);
        List<String> failures = new ArrayList<>();
        int index = 0;
        for (PlannedPoint p : plan.points()) {
            index++;
            lines.add(options ? withOptions(line(index, p), optionsCell(p.point())) : line(index, p));
            if (!p.sized()) {
                failures.add("  #" + index + " " + p.point().label() + ": " + p.error());
            }
        }
        int[] widths = new int[lines.get(0).length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                boolean number = c >= FIRST_NUMBER && c < HEADER.length;
                String cell = pad(line[c], widths[c], number);
                text.append(c == 0 ? "" : "  ").append(cell);
            }
            out.println(text.toString().stripTrailing());
        }
        out.println("parameters and bytes: the layouts' tables and index maps, as a row records them before the "
                + "trainer adds its biases; memory: the Java heap a point needs, estimated (layouts, model with "
                + "optimizer state, evaluation buffers)");
        out.println(totals(plan));
        if (!failures.isEmpty()) {
            out.println("points whose layouts cannot be built (the run records them as failed):");
            failures.forEach(out::println);
        }
    }

    private static String[] line(int index, PlannedPoint planned) {
        GridPoint p = planned.point();
        boolean reference = p.reference();
        String sizes = planned.sized() ? number(planned.parameters()) : "failed";
        return new String[] {
            Integer.toString(index), p.compressor(), p.hash() == null ? "-" : p.hash(),
            reference ? "-" : String.valueOf(p.ratio()), reference ? "-" : Integer.toString(p.hashes()),
            p.sides().specName(), Integer.toString(p.repeat()),
            reference ? "-" : sizes, reference || !planned.sized() ? "-" : number(planned.bytes()),
            planned.sized() ? MemoryEstimate.human(planned.memory().bytes()) : "-"};
    }

    private static String[] withOptions(String[] line, String options) {
        String[] longer = Arrays.copyOf(line, line.length + 1);
        longer[line.length] = options;
        return longer;
    }

    /** The options the grid gives {@code point}, {@code name=value} sorted by name, or {@code -}. */
    private static String optionsCell(GridPoint point) {
        if (point.options().isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        point.options().asMap().forEach((name, value) -> parts.add(name + "=" + value));
        return String.join(",", parts);
    }

    private static String totals(PlannedRun plan) {
        StringBuilder text = new StringBuilder("total: " + plan.points().size() + " points (" + plan.trained()
                + " trained, " + plan.references() + " reference rankers); " + number(plan.totalParameters())
                + " parameters in all");
        plan.largest().ifPresent(largest -> {
            long available = MemoryEstimate.availableHeap();
            text.append("; the largest point (").append(largest.point().label()).append(") needs about ")
                    .append(MemoryEstimate.human(largest.memory().bytes())).append(" of Java heap");
            if (plan.parallel() > 1) {
                text.append(", times --parallel ").append(plan.parallel()).append(": ")
                        .append(MemoryEstimate.human(plan.peakBytes()));
            }
            text.append("; ").append(MemoryEstimate.human(available)).append(" is available");
            if (plan.peakBytes() > available) {
                text.append(": it does not fit, so the run would stop before its first point; give the JVM more "
                        + "with JAVA_OPTS=-Xmx..., or use a smaller model.dimension")
                        .append(plan.parallel() > 1 ? " or --parallel" : "");
            }
        });
        return text.toString();
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String pad(String cell, int width, boolean right) {
        String space = " ".repeat(width - cell.length());
        return right ? space + cell : cell + space;
    }
}
