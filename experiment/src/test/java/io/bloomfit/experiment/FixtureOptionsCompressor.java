package io.bloomfit.experiment;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.Layouts;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.OptionProblem;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;

import java.util.List;

/**
 * Test-only compressor with options: {@code fixture-modulo}'s lookups (k hashed rows, seeds seed + j) into a table
 * of {@code m = ceil(ratio * n) + extraRows} rows (option {@code extraRows}, default 0), hashed modulo
 * {@code ceil(ratio * n)} when option {@code spread} is {@code auto} (the default), else modulo
 * {@code max(1, floor(spread * ceil(ratio * n)))}. {@code extraRows} applies only with {@code spread: auto} (a
 * combination the declaration cannot refuse).
 */
public final class FixtureOptionsCompressor implements EmbeddingCompressor {

    static final PluginOption EXTRA_ROWS = PluginOption.integer("extraRows", 0, 0, 1000,
            "rows added to the table, never read");
    static final PluginOption SPREAD = PluginOption.automaticNumber("spread", 0, 1,
            "share of the table the lookups reach; auto: all but the extra rows");

    @Override
    public String name() {
        return "fixture-options";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(EXTRA_ROWS, SPREAD);
    }

    @Override
    public List<OptionProblem> checkOptions(PluginOptions resolved) {
        return resolved.integer("extraRows") > 0 && !resolved.isAutomatic("spread")
                ? List.of(new OptionProblem("extraRows", "applies only when spread is auto"))
                : List.of();
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction handed) {
        HashFunction hash = request.requireHash(handed, name());
        PluginOptions options = Layouts.resolvedOptions(this, request.options());
        int n = request.numEntities();
        int k = request.numHashes();
        int base = (int) Math.max(1, Math.ceil(request.ratio() * n));
        int reached = options.isAutomatic("spread") ? base
                : (int) Math.max(1, Math.floor(options.number("spread") * base));
        int[] rows = new int[n * k];
        for (int e = 0; e < n; e++) {
            for (int j = 0; j < k; j++) {
                rows[e * k + j] = (int) Long.remainderUnsigned(hash.hash(e, request.seed() + j), reached);
            }
        }
        return EmbeddingLayout.of(name(), request, new int[] {base + options.integer("extraRows")}, new int[k], rows,
                null, Combiner.MEAN);
    }
}
