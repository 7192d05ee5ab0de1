package io.bloomfit.server;

import io.bloomfit.data.Dataset;
import io.bloomfit.data.DatasetFetcher;
import io.bloomfit.data.DatasetLoadException;
import io.bloomfit.experiment.DatasetPreparer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Data a spec can name: the synthetic presets, the MovieLens releases the fetcher knows, and the files uploaded into
 * the data directory's {@code datasets/} ({@code PUT /api/datasets/{name}}, checked with the loader a run uses;
 * a spec then names it as {@code dataset: {source: csv|movielens, path: datasets/NAME}}).
 */
@Path("/api/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DatasetsResource {

    /** An uploaded file's name: no directories, no leading dot. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    @Inject
    DataDirectory dataDirectory;

    @Inject
    BodyLimits limits;

    @GET
    public ObjectNode list() throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode synthetic = o.putArray("synthetic");
        DatasetPreparer.syntheticPresets().forEach(synthetic::add);
        ArrayNode fetchable = o.putArray("fetchable");
        DatasetFetcher fetcher = new DatasetFetcher();
        for (String name : DatasetFetcher.names()) {
            fetchable.addObject().put("name", name).put("fetched", fetcher.isFetched(name));
        }
        ArrayNode files = o.putArray("files");
        if (Files.isDirectory(dataDirectory.datasets())) {
            try (DirectoryStream<java.nio.file.Path> dir = Files.newDirectoryStream(dataDirectory.datasets())) {
                java.util.List<java.nio.file.Path> sorted = new java.util.ArrayList<>();
                dir.forEach(sorted::add);
                sorted.sort(null);
                for (java.nio.file.Path p : sorted) {
                    String name = p.getFileName().toString();
                    if (Files.isRegularFile(p) && NAME.matcher(name).matches()) {
                        files.addObject().put("name", name).put("path", DataDirectory.DATASETS + "/" + name)
                                .put("bytes", Files.size(p));
                    }
                }
            }
        }
        return o;
    }

    /**
     * Stores a ratings file under {@code datasets/NAME} after loading it as a run would (MovieLens formats by
     * name, else comma-separated with a header); a file that does not load is refused with 400 naming the line.
     */
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("name") String name, InputStream body) throws IOException {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new BadRequestException("dataset name '" + name + "' is not allowed: use letters, digits, '.', '_' "
                    + "and '-' (up to 128, not starting with '.'), e.g. clicks.csv");
        }
        java.nio.file.Path staging = dataDirectory.datasets().resolve(".incoming-" + UUID.randomUUID());
        java.nio.file.Path file = staging.resolve(name);
        Files.createDirectories(staging);
        try {
            long bytes;
            try (OutputStream out = Files.newOutputStream(file)) {
                bytes = limits.copyUpload(body, out);
            }
            Dataset dataset;
            try {
                dataset = DatasetPreparer.load(DatasetPreparer.describe(file.toString()));
            } catch (DatasetLoadException e) {
                String message = e.getMessage() == null ? "cannot be read" : e.getMessage()
                        .replace(file.toString(), name).replace(staging.toString() + "/", "");
                throw new DatasetLoadException(message, e);
            }
            java.nio.file.Path target = dataDirectory.datasets().resolve(name);
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("name", name);
            o.put("path", DataDirectory.DATASETS + "/" + name);
            o.put("bytes", bytes);
            o.put("users", dataset.numUsers());
            o.put("items", dataset.numItems());
            o.put("interactions", dataset.numInteractions());
            return Response.status(201).entity(o).build();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(staging);
        }
    }
}
