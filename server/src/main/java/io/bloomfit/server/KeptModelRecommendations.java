package io.bloomfit.server;

import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.keep.KeptModelException;
import io.bloomfit.experiment.keep.KeptModels;
import io.bloomfit.experiment.keep.Recommendation;
import io.bloomfit.experiment.store.RunDirectory;
import io.bloomfit.experiment.keep.UnknownUserException;
import io.bloomfit.store.jdbc.ExperimentDatabase;
import io.bloomfit.store.jdbc.ExperimentRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Recommendations from the models an experiment kept ({@code keepModels: true}), the one place the response's
 * field names live: {@code experiment, point, user, k, items [{rank, item, score}]}, items in the dataset's source
 * ids, best first, without the user's training items. Kept models are in the data directory's
 * {@code models/<experiment>/<point>/} ({@link DataDirectory#models}), loaded through {@link LoadedModels}.
 * Errors: an unknown experiment, point or user is 404; an experiment that kept no models is 409; {@code k} outside
 * {@code 1..}{@value #MAX_K} or a missing user is 400.
 */
@ApplicationScoped
public class KeptModelRecommendations {

    /** The most items one request may ask for. */
    static final int MAX_K = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExperimentService service;
    private final ExperimentDatabase database;
    private final DataDirectory dataDirectory;
    private final LoadedModels models;

    @Inject
    public KeptModelRecommendations(ExperimentService service, ExperimentDatabase database,
                                    DataDirectory dataDirectory, LoadedModels models) {
        this.service = service;
        this.database = database;
        this.dataDirectory = dataDirectory;
        this.models = models;
    }

    /** The names of the models experiment {@code id} kept so far (its points' folder names), sorted. */
    public List<String> kept(String id) {
        try {
            return KeptModels.names(dataDirectory.models(id));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the kept models of experiment " + id, e);
        }
    }

    /** The response of {@code GET /api/experiments/{id}/points/{point}/recommendations?user=U&k=K}. */
    public ObjectNode recommend(String id, String point, String user, int k) throws IOException {
        if (user == null || user.isBlank()) {
            throw new BadRequestException("query parameter 'user' is required: a user id of the experiment's "
                    + "dataset, e.g. ?user=196&k=10");
        }
        if (k < 1 || k > MAX_K) {
            throw new BadRequestException("query parameter 'k' must be in 1.." + MAX_K + ", was " + k);
        }
        ExperimentRecord record = service.get(id);
        if (!keptModels(record)) {
            throw new ExperimentConflictException("experiment " + id + " keeps no models: it was not submitted with "
                    + ExperimentSpec.KEEP_MODELS + ": true; submit the spec again with " + ExperimentSpec.KEEP_MODELS
                    + ": true at its top level to get recommendations from its points");
        }
        ResultRow row = row(record, point);
        Path dir = dataDirectory.models(id).resolve(point);
        if (!Files.isDirectory(dir)) {
            throw new NotFoundException("point '" + point + "' of experiment " + id + " has no kept model (it "
                    + "finished before the experiment kept models); " + keptList(id));
        }
        List<Recommendation> items;
        try {
            items = models.recommend(id, point, row.fit().trainer(), dir, user, k);
        } catch (UnknownUserException e) {
            throw new NotFoundException("user '" + user + "' is not in the dataset of experiment " + id + " ("
                    + e.users() + " users); give a user id as the dataset writes it");
        } catch (KeptModelException e) {
            throw new ExperimentConflictException("the files kept with point '" + point + "' of experiment " + id
                    + " do not fit its model (" + (e.lineCount() ? "the training items are of another dataset"
                    : "a training item is not one of the model's items") + "); resume or submit the experiment "
                    + "again to save them anew");
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("experiment", id);
        o.put("point", point);
        o.put("user", user);
        o.put("k", k);
        ArrayNode list = o.putArray("items");
        for (Recommendation r : items) {
            list.addObject().put("rank", r.rank()).put("item", r.item()).put("score", r.score());
        }
        return o;
    }

    /** The point's last row (ok over failed), checked to be one that has a model. */
    private ResultRow row(ExperimentRecord record, String point) {
        ResultRow found = null;
        for (ResultRow row : database.rows(record.id())) {
            if (RunDirectory.modelName(row.point()).equals(point) && (found == null || row.ok() || !found.ok())) {
                found = row;
            }
        }
        if (found == null) {
            throw new NotFoundException("experiment " + record.id() + " has no finished point '" + point + "'; "
                    + keptList(record.id()));
        }
        if (found.point().reference()) {
            throw new NotFoundException("point '" + point + "' is the " + found.point().compressor() + " reference "
                    + "ranker: it is scored, never fitted, so it has no model; " + keptList(record.id()));
        }
        if (!found.ok()) {
            throw new NotFoundException("point '" + point + "' of experiment " + record.id() + " failed ("
                    + found.error() + "), so it has no model; " + keptList(record.id()));
        }
        return found;
    }

    private String keptList(String id) {
        List<String> names = kept(id);
        return names.isEmpty() ? "it has kept no model yet" : "its kept models: " + String.join(", ", names);
    }

    private static boolean keptModels(ExperimentRecord record) {
        try {
            JsonNode spec = JSON.readTree(record.spec());
            return spec != null && spec.path(ExperimentSpec.KEEP_MODELS).asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }
}
