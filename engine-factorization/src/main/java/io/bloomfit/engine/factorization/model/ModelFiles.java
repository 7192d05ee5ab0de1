package io.bloomfit.engine.factorization.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.Layouts;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.PluginLookup;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.ModelSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;

/**
 * Saves and loads {@link FactorizationModel}s: {@code manifest.json} plus {@code parameters.bin} (the tables
 * as little-endian float32 in {@link TableId} order). Index maps are recomputed on load from the saved layout
 * requests (with the compressor options they record) by the named compressors, and checked against the saved table
 * sizes.
 *
 * <p>One format for every trainer: the manifest's {@code trainer} field records who fitted the model
 * ({@code djl} in every model saved before the engine split, {@code cpu} for the pure-Java trainer), and any
 * trainer loads any of them. Format version 1 is read and written unchanged; {@code djlVersion} is {@code null}
 * for a model fitted without DJL. Jackson reads and writes the manifest.
 */
public final class ModelFiles {

    public static final String MANIFEST = "manifest.json";
    public static final String PARAMETERS = "parameters.bin";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelFiles() {
    }

    /** Writes {@code model} to {@code directory} (created if missing), replacing a model saved there. */
    public static void save(FactorizationModel model, Path directory) throws IOException {
        Files.createDirectories(directory);
        ModelParameters parameters = model.parameters();
        Map<String, Long> floats = new LinkedHashMap<>();
        CRC32 crc = new CRC32();
        Path file = directory.resolve(PARAMETERS);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (TableId t : TableId.values()) {
                float[] values = parameters.table(t);
                if (t.isWeights() && values.length == 0) {
                    continue; // fixed weights: no table, and manifests stay as they were before weight tables
                }
                floats.put(tableName(t), (long) values.length);
                for (float v : values) {
                    if (buffer.remaining() < Float.BYTES) {
                        flush(buffer, channel, crc);
                    }
                    buffer.putFloat(v);
                }
            }
            flush(buffer, channel, crc);
        }
        ModelSpec spec = model.spec();
        FitReport report = model.report();
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION,
                model.origin().trainer(), bloomfitVersion(), model.origin().djlVersion(),
                ModelManifest.Model.of(spec),
                layoutEntry(model.userLayout()), layoutEntry(model.itemLayout()),
                new ModelManifest.Parameters(PARAMETERS, floats, crc.getValue()),
                new ModelManifest.Report(report.secondsPerEpoch(), report.lossPerEpoch(), report.device(),
                        report.threads(), report.parameters()));
        JSON.writeValue(directory.resolve(MANIFEST).toFile(), manifest);
    }

    /**
     * Reads the model saved in {@code directory}, whichever trainer saved it, rebuilding its layouts with the
     * compressors and hash functions of {@code plugins}.
     *
     * @throws IOException naming the file and the field when the files are missing, damaged, of a newer format, or
     *                     name a compressor that is not available here
     */
    public static FactorizationModel load(Path directory, PluginLookup plugins) throws IOException {
        Path manifestFile = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new NoSuchFileException(manifestFile.toString(), null, "no " + MANIFEST
                    + " here: not a saved factorization model (save one with TrainedModel.save)");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new IOException(manifestFile + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        if (!ModelManifest.FORMAT.equals(tree.path("format").asText())) {
            throw new IOException(manifestFile + ": field 'format' is '" + tree.path("format").asText()
                    + "', expected '" + ModelManifest.FORMAT + "'");
        }
        int version = tree.path("formatVersion").asInt(-1);
        if (version > ModelManifest.FORMAT_VERSION) {
            throw new IOException(manifestFile + ": formatVersion " + version + " was written by a newer bloomfit ("
                    + tree.path("bloomfitVersion").asText() + "); this version reads up to formatVersion "
                    + ModelManifest.FORMAT_VERSION + ": upgrade bloomfit to load it");
        }
        if (version < 1) {
            throw new IOException(manifestFile + ": field 'formatVersion' is missing or invalid");
        }
        ModelManifest manifest;
        try {
            manifest = JSON.treeToValue(tree, ModelManifest.class);
        } catch (IOException e) {
            throw new IOException(manifestFile + ": " + e.getMessage(), e);
        }
        ModelSpec spec = spec(manifest.model(), manifestFile);
        EmbeddingLayout users = rebuild(manifest.users(), "users", manifestFile, plugins);
        EmbeddingLayout items = rebuild(manifest.items(), "items", manifestFile, plugins);
        ModelParameters.Plans plans = ModelParameters.plans(users, items, spec.architecture().compressBiases());
        TableShapes shapes = ModelParameters.shapes(plans, spec.architecture().dimension());
        Path file = directory.resolve(manifest.parameters().file());
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "the parameter file named by " + manifestFile
                    + " is missing");
        }
        long expectedBytes = shapes.totalFloats() * Float.BYTES;
        long actualBytes = Files.size(file);
        if (actualBytes != expectedBytes) {
            throw new IOException(file + " has " + actualBytes + " bytes but the layouts in " + manifestFile
                    + " need " + expectedBytes + ": the file is truncated or belongs to another model");
        }
        float[][] tables = new float[TableId.values().length][];
        CRC32 crc = new CRC32();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            buffer.flip();
            for (TableId t : TableId.values()) {
                Long saved = manifest.parameters().floats().get(tableName(t));
                if (saved == null && t.isWeights()) {
                    saved = 0L; // models saved before weight tables, and models of fixed-weight layouts
                }
                if (saved == null || saved != shapes.floats(t)) {
                    throw new IOException(manifestFile + ": table '" + tableName(t) + "' has " + saved
                            + " floats but its layout needs " + shapes.floats(t)
                            + ": the compressor now builds a different layout");
                }
                float[] values = new float[Math.toIntExact(saved)];
                for (int i = 0; i < values.length; i++) {
                    if (buffer.remaining() < Float.BYTES) {
                        buffer.compact();
                        int before = buffer.position();
                        while (buffer.position() < Float.BYTES && channel.read(buffer) > 0) {
                            // keep reading
                        }
                        crc.update(buffer.array(), before, buffer.position() - before);
                        buffer.flip();
                    }
                    values[i] = buffer.getFloat();
                }
                tables[t.ordinal()] = values;
            }
        }
        if (crc.getValue() != manifest.parameters().crc32()) {
            throw new IOException(file + ": checksum mismatch (CRC-32 " + crc.getValue() + ", manifest says "
                    + manifest.parameters().crc32() + "): the file is corrupted");
        }
        ModelManifest.Report r = manifest.report();
        FitReport report = new FitReport(r.secondsPerEpoch(), r.lossPerEpoch(), r.device(), r.threads(),
                r.parameters());
        if (manifest.trainer() == null || manifest.trainer().isBlank()) {
            throw new IOException(manifestFile + ": field 'trainer' is missing");
        }
        return new FactorizationModel(spec, users, items, new ModelParameters(plans, shapes, tables), report,
                new ModelOrigin(manifest.trainer(), manifest.djlVersion()));
    }

    private static void flush(ByteBuffer buffer, FileChannel channel, CRC32 crc) throws IOException {
        buffer.flip();
        crc.update(buffer.array(), 0, buffer.limit());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** The name of {@code t} in the manifest, e.g. {@code user-vectors}. */
    public static String tableName(TableId t) {
        return t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static ModelManifest.Layout layoutEntry(EmbeddingLayout layout) {
        LayoutRequest r = layout.request();
        return new ModelManifest.Layout(layout.compressor(), r.numEntities(), r.dimension(), r.ratio(),
                r.numHashes(), r.hashFunction(), r.seed(), layout.totalRows(), layout.numLookups(),
                layout.combiner().name().toLowerCase(java.util.Locale.ROOT), r.trainingCounts(), r.options().asMap());
    }

    private static EmbeddingLayout rebuild(ModelManifest.Layout saved, String field, Path manifestFile,
                                           PluginLookup plugins)
            throws IOException {
        if (saved == null) {
            throw new IOException(manifestFile + ": field '" + field + "' is missing");
        }
        EmbeddingCompressor compressor;
        try {
            compressor = plugins.providers(EmbeddingCompressor.class).forName(saved.compressor());
        } catch (IllegalArgumentException e) {
            throw new IOException(manifestFile + ": " + field + ".compressor '" + saved.compressor()
                    + "' is not available here (" + e.getMessage() + "); add its plugin jar to load this model", e);
        }
        EmbeddingLayout layout;
        try {
            layout = Layouts.build(compressor, new LayoutRequest(saved.numEntities(), saved.dimension(),
                    saved.ratio(), saved.numHashes(), saved.hashFunction(), saved.seed(), saved.trainingCounts(),
                    saved.options() == null ? PluginOptions.NONE : PluginOptions.of(saved.options())),
                    plugins.providers(HashFunction.class));
        } catch (IllegalArgumentException e) {
            throw new IOException(manifestFile + ": " + field + " layout cannot be rebuilt: " + e.getMessage(), e);
        }
        if (layout.totalRows() != saved.totalRows() || layout.numLookups() != saved.numLookups()) {
            throw new IOException(manifestFile + ": compressor '" + saved.compressor() + "' now builds " + field
                    + " layout with " + layout.totalRows() + " rows and k=" + layout.numLookups()
                    + " but the model was saved with " + saved.totalRows() + " rows and k=" + saved.numLookups());
        }
        return layout;
    }

    private static ModelSpec spec(ModelManifest.Model m, Path manifestFile) throws IOException {
        if (m == null) {
            throw new IOException(manifestFile + ": field 'model' is missing");
        }
        try {
            return m.spec();
        } catch (IllegalArgumentException e) {
            throw new IOException(manifestFile + ": " + e.getMessage(), e);
        }
    }

    /** The version of bloomfit that writes models here (from the build), or {@code null} when unknown. */
    public static String bloomfitVersion() {
        return buildProperty(ModelFiles.class, "bloomfit.version");
    }

    /**
     * {@code key} of the {@code version.properties} resource beside {@code anchor} (filled in by the build), or
     * {@code null} when there is none: versions in manifests are informational, never a reason to fail.
     */
    public static String buildProperty(Class<?> anchor, String key) {
        Properties p = new Properties();
        try (InputStream in = anchor.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return null;
        }
        return p.getProperty(key);
    }
}
