package io.bloomfit.server;

import io.bloomfit.store.jdbc.ExperimentRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;

/**
 * An experiment as the API shows it, the one place its field names live: {@code id, name, status, origin, error,
 * points {total, finished, failed}, running {point, index, total, epoch, epochs, loss, examples_per_second} (or
 * null), created, started, finished} (ISO-8601 instants or null) and, in the single view, {@code spec} and
 * {@code models} (the names of the points whose models it kept, for
 * {@code /api/experiments/{id}/points/{point}/recommendations}; empty without {@code keepModels: true}).
 */
final class ExperimentJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExperimentJson() {
    }

    /** The view of one experiment; {@code withSpec} adds the canonical spec as an object. */
    static ObjectNode of(ExperimentRecord r, LiveProgress.Snapshot running, boolean withSpec) {
        return of(r, running, withSpec ? specTree(r.spec()) : null);
    }

    /**
     * The view of one experiment with its spec already parsed ({@link #specTree}), or without it when {@code spec}
     * is {@code null}. {@code spec} becomes part of the answer as it is and is not modified.
     */
    static ObjectNode of(ExperimentRecord r, LiveProgress.Snapshot running, JsonNode spec) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id());
        o.put("name", r.name());
        o.put("status", r.status().specName());
        o.put("origin", r.origin());
        o.put("error", r.error());
        ObjectNode points = o.putObject("points");
        points.put("total", r.counts().total());
        points.put("finished", r.counts().finished());
        points.put("failed", r.counts().failed());
        if (running != null) {
            o.set("running", running.toJson());
        } else {
            o.putNull("running");
        }
        o.put("created", time(r.times().created()));
        o.put("started", time(r.times().started()));
        o.put("finished", time(r.times().finished()));
        if (spec != null) {
            o.set("spec", spec);
        }
        return o;
    }

    /** Adds the kept models' point names to a single view. */
    static ObjectNode withModels(ObjectNode view, java.util.List<String> models) {
        com.fasterxml.jackson.databind.node.ArrayNode list = view.putArray("models");
        models.forEach(list::add);
        return view;
    }

    /** A stored spec as the API shows it: its JSON tree, or the text itself if it is not JSON. */
    static JsonNode specTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
