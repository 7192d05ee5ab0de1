package io.bloomfit.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.host.PluginRegistry;
import io.bloomfit.host.Plugins;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * What can be named in a spec: hash functions, compressors and trainers, with where each came from and the options
 * each takes (a spec's {@code grid.options} and {@code tune.options} for compressors).
 */
@Path("/api/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

    @Inject
    Plugins plugins;

    /** One provider as users see it, with the options it takes (empty when none). */
    public record PluginView(String name, String source, List<OptionView> options) {
    }

    /**
     * One option a plugin declares: its name, type ({@code number | integer | flag | choice}), the allowed values
     * in words, its default and what it means.
     */
    public record OptionView(String name, String type, String rule, @JsonProperty("default") Object defaultValue,
                             String description) {

        static OptionView of(PluginOption option) {
            return new OptionView(option.name(), option.type().specName(), option.rule(), option.defaultValue(),
                    option.description());
        }
    }

    /** Every kind of plugin, and what was skipped while loading them. */
    public record PluginsView(List<PluginView> hashFunctions, List<PluginView> compressors,
                              List<PluginView> trainers, List<String> problems) {
    }

    /** The result of hashing keys, as {@code bloomfit hash} prints them (unsigned decimal). */
    public record HashView(String function, long seed, List<String> keys, List<String> values) {
    }

    @GET
    public PluginsView list() {
        List<String> problems = new java.util.ArrayList<>();
        for (PluginRegistry<?> registry : List.of(plugins.hashes(), plugins.compressors(), plugins.trainers())) {
            registry.problems().forEach(p -> problems.add(p.toString()));
        }
        return new PluginsView(views(plugins.hashes()), views(plugins.compressors()), views(plugins.trainers()),
                problems);
    }

    @GET
    @Path("/hash/{function}")
    public HashView hash(@PathParam("function") String function, @QueryParam("seed") long seed,
                         @QueryParam("key") List<Long> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new BadRequestException("query parameter 'key' is missing; pass one or more, e.g. ?key=1&key=2");
        }
        var hash = plugins.hashes().forName(function);
        List<String> values = keys.stream().map(k -> Long.toUnsignedString(hash.hash(k, seed))).toList();
        return new HashView(function, seed, keys.stream().map(String::valueOf).toList(), values);
    }

    private static List<PluginView> views(PluginRegistry<?> registry) {
        return registry.entries().stream().map(e -> new PluginView(e.name(), e.source().toString(),
                optionsOf(e.provider()))).toList();
    }

    /** The options a plugin declares: a compressor's, a trainer's ({@code trainer.options}); none for the others. */
    private static List<OptionView> optionsOf(Object provider) {
        List<PluginOption> options = provider instanceof EmbeddingCompressor compressor ? compressor.options()
                : provider instanceof Trainer trainer ? trainer.capabilities().options() : List.of();
        return options.stream().map(OptionView::of).toList();
    }
}
