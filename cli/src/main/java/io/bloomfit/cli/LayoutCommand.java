package io.bloomfit.cli;

import io.bloomfit.layout.CollisionStats;
import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.experiment.MemoryEstimate;
import io.bloomfit.experiment.spec.GridSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bloomfit layout}: what a compressor makes of N entities, without training anything. */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = "Builds one layout and prints its table sizes, parameters and collision statistics.",
        footer = {"", ExitCodes.HELP})
public class LayoutCommand implements Callable<Integer> {

    @Option(names = {"-c", "--compressor"}, required = true, paramLabel = "C", description = "compressor name")
    String compressor;

    @Option(names = {"-f", "--hash"}, paramLabel = "F", description = "hash function (for compressors that hash)")
    String hash;

    @Option(names = {"-n", "--entities"}, required = true, paramLabel = "N", description = "number of entities")
    int entities;

    @Option(names = {"-r", "--ratio"}, defaultValue = "1.0", paramLabel = "R",
            description = "table rows per entity (default 1.0)")
    double ratio;

    @Option(names = {"-k", "--hashes"}, defaultValue = "1", paramLabel = "K",
            description = "lookups per entity (default 1)")
    int hashes;

    @Option(names = {"-s", "--seed"}, defaultValue = "0", paramLabel = "S", description = "seed (default 0)")
    long seed;

    @Option(names = {"-d", "--dimension"}, defaultValue = "32", paramLabel = "D",
            description = "embedding dimension for the parameter count (default 32)")
    int dimension;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        EmbeddingCompressor chosen = EmbeddingCompressors.forName(compressor);
        LayoutRequest request = request(chosen);
        String smaller = "a smaller -n/--entities, -k/--hashes or -r/--ratio";
        MemoryEstimate.requireArray("a layout of " + entities + " entities with " + hashes + " lookups each",
                (double) entities * hashes, smaller);
        MemoryEstimate.layout(entities, hashes, (long) Math.ceil(ratio * entities)).requireFits(String.format(
                Locale.ROOT, "a %s layout of %,d entities (k %d, ratio %s)", compressor, entities, hashes, ratio),
                smaller);
        long t0 = System.nanoTime();
        EmbeddingLayout layout = EmbeddingCompressors.layout(chosen, request);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        CollisionStats c = CollisionStats.of(layout);
        var out = spec.commandLine().getOut();
        out.println("compressor: " + layout.compressor());
        out.println("hash: " + (hash == null ? "-" : hash));
        out.println("entities: " + layout.numEntities());
        out.println("hashes: " + layout.numLookups());
        out.println("combiner: " + layout.combiner().name().toLowerCase(Locale.ROOT));
        out.println("tables: " + Arrays.toString(layout.tableRowCounts()));
        out.println("rows: " + layout.totalRows());
        out.println(String.format(Locale.ROOT, "ratio: %s (achieved %.6f)", ratio, layout.achievedRatio()));
        out.println("parameters: " + layout.parameterCount(dimension) + " (dimension " + dimension + ")");
        out.println("parameter bytes: " + layout.parameterBytes(dimension));
        out.println("index bytes: " + layout.indexBytes());
        out.println(String.format(Locale.ROOT, "entities sharing signature: %d (%.4f%%)", c.entitiesSharingSignature(),
                100 * c.sharedFraction()));
        out.println("distinct signatures: " + c.distinctSignatures());
        out.println("rows used: " + c.rowsUsed());
        out.println("max entities per row: " + c.maxEntitiesPerRow());
        out.println(String.format(Locale.ROOT, "mean entities per row: %.4f", c.meanEntitiesPerRow()));
        long[] histogram = c.distinctRowsPerEntity();
        StringBuilder h = new StringBuilder("distinct rows per entity:");
        for (int d = 0; d < histogram.length; d++) {
            if (histogram[d] > 0) {
                h.append(' ').append(d).append('=').append(histogram[d]);
            }
        }
        out.println(h);
        out.println(String.format(Locale.ROOT, "build seconds: %.3f", buildSeconds));
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The request the options describe, checked with the same rules as a spec's grid (ratio in (0, 1], k in
     * 1..{@value GridSpec#MAX_HASHES}), every problem naming its option.
     */
    private LayoutRequest request(EmbeddingCompressor chosen) {
        List<String> problems = new ArrayList<>();
        if (entities < 1) {
            problems.add("--entities must be >= 1, was " + entities);
        }
        if (!GridSpec.validRatio(ratio)) {
            problems.add("--ratio " + GridSpec.RATIO_RULE + ", was " + ratio);
        }
        if (!GridSpec.validHashes(hashes)) {
            problems.add("--hashes " + GridSpec.HASHES_RULE + ", was " + hashes);
        }
        if (dimension < 1) {
            problems.add("--dimension must be >= 1, was " + dimension);
        }
        if (hash != null && hash.isBlank()) {
            problems.add("--hash must name a hash function (see `bloomfit plugins`), was blank");
        }
        boolean needsHash = chosen.traits().map(CompressorTraits::usesHash).orElse(false);
        if (needsHash && hash == null) {
            problems.add("compressor '" + compressor + "' hashes entity ids: name a hash function with -f/--hash "
                    + "(e.g. -f xxh64)");
        }
        if (chosen.usesTrainingCounts()) {
            problems.add("compressor '" + compressor + "' ranks entities by their training interactions, which "
                    + "`bloomfit layout` has no data for: run it in a spec's grid.compressor (the runner passes the "
                    + "training split's counts)");
        }
        if (!problems.isEmpty()) {
            throw new UserError(String.join("; ", problems));
        }
        return new LayoutRequest(entities, dimension, ratio, hashes, hash, seed);
    }
}
