package io.bloomfit.server;

import io.bloomfit.experiment.MemoryEstimate;
import io.bloomfit.experiment.PlannedPoint;
import io.bloomfit.experiment.PlannedRun;
import io.bloomfit.experiment.grid.ResultRowJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer of {@code POST /api/experiments?dryRun=true}, the one place its field names live: {@code name},
 * {@code data} (what the data is), {@code data_loaded} (what the check did with it), {@code points} (in run
 * order, each with the row's point fields {@code compressor ... seed} and {@code reference, parameters, bytes,
 * memory_bytes, memory} (the estimate's parts) and {@code error} (why its layouts cannot be built, or null)), and
 * {@code totals {points, trained, references, parameters, largest_point, largest_memory_bytes,
 * available_heap_bytes}}.
 */
final class PlanJson {

    /** What a dry run does with the data, for {@code data_loaded}. */
    static final String DATA_LOADED = "loaded and split to size the layouts; nothing was trained, queued or stored";

    private PlanJson() {
    }

    static ObjectNode of(PlannedRun plan) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", plan.name());
        o.put("data", plan.dataDescription());
        o.put("data_loaded", DATA_LOADED);
        ArrayNode points = o.putArray("points");
        for (PlannedPoint p : plan.points()) {
            ObjectNode point = points.addObject();
            ResultRowJson.putPoint(point, p.point());
            point.put("reference", p.point().reference());
            point.put("parameters", p.parameters());
            point.put("bytes", p.bytes());
            if (p.sized()) {
                point.put("memory_bytes", p.memory().bytes());
                ArrayNode parts = point.putArray("memory");
                p.memory().parts().forEach(parts::add);
            } else {
                point.putNull("memory_bytes");
                point.putNull("memory");
            }
            point.put("error", p.error());
        }
        ObjectNode totals = o.putObject("totals");
        totals.put("points", plan.points().size());
        totals.put("trained", plan.trained());
        totals.put("references", plan.references());
        totals.put("parameters", plan.totalParameters());
        totals.put("largest_point", plan.largest().map(p -> p.point().label()).orElse(null));
        if (plan.largest().isPresent()) {
            totals.put("largest_memory_bytes", plan.largest().get().memory().bytes());
        } else {
            totals.putNull("largest_memory_bytes");
        }
        totals.put("available_heap_bytes", MemoryEstimate.availableHeap());
        return o;
    }
}
