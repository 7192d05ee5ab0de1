package io.bloomfit.engine.factorization.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelArchitecture;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Negatives;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainerSettings;

import java.util.Map;

/**
 * The JSON manifest saved beside a model's parameters: everything needed to rebuild the index maps (the layout
 * requests and compressor names, never the maps themselves), the hyperparameters, the sizes of the parameter
 * tables, and the versions that wrote it.
 */
record ModelManifest(String format, int formatVersion, String trainer, String bloomfitVersion, String djlVersion,
                     Model model, Layout users, Layout items, Parameters parameters, Report report) {

    static final String FORMAT = "bloomfit-factorization-model";
    static final int FORMAT_VERSION = 1;

    /**
     * Hyperparameters ({@link ModelSpec}) in spec names, flat as format version 1 has always written them;
     * {@code trainerOptions} (the trainer's resolved options) is absent from models saved before trainers had
     * options, which load with none. Negative sampling is not recorded (a saved model scores the same either way).
     */
    record Model(String kind, String loss, int dimension, int epochs, int batchSize, double learningRate, double l2,
                 int negatives, String optimizer, long seed, String device, int threads, boolean compressBiases,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> trainerOptions) {

        static Model of(ModelSpec spec) {
            ModelArchitecture a = spec.architecture();
            Optimization o = spec.optimization();
            TrainerSettings t = spec.trainer();
            return new Model(a.kind().specName(), a.loss().specName(), a.dimension(), o.epochs(), o.batchSize(),
                    o.learningRate(), o.l2(), o.negatives().count(), o.optimizer().specName(), o.seed(),
                    t.device().specName(), t.threads(), a.compressBiases(), t.options().asMap());
        }

        /**
         * The spec these fields hold.
         *
         * @throws IllegalArgumentException naming the field when a value is unknown or out of range
         */
        ModelSpec spec() {
            return new ModelSpec(new ModelArchitecture(ModelKind.fromSpec(kind), Loss.fromSpec(loss), dimension,
                    compressBiases, NetworkSpec.defaults()),
                    new Optimization(OptimizerKind.fromSpec(optimizer), learningRate, l2, epochs, batchSize,
                            Negatives.uniform(negatives), seed),
                    new TrainerSettings(DeviceChoice.fromSpec(device), threads,
                            trainerOptions == null ? PluginOptions.NONE : PluginOptions.of(trainerOptions)));
        }
    }

    /**
     * A layout's request and the facts checked when it is rebuilt on load; {@code trainingCounts} only for
     * compressors that use them ({@code bloom-hybrid}), absent otherwise; {@code options} the compressor's options
     * the layout was built with, resolved (every option it declares, e.g. {@code {"coldFloor": 0.2, "hotShare":
     * 0.25}}), absent for compressors without options and in models saved before compressors took options, which
     * are rebuilt with the defaults.
     */
    record Layout(String compressor, int numEntities, int dimension, double ratio, int numHashes,
                  String hashFunction, long seed, int totalRows, int numLookups, String combiner,
                  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                  int[] trainingCounts,
                  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                  Map<String, Object> options) {
    }

    /**
     * The parameter file: {@code floats} per table name, stored in {@link TableId} order as little-endian
     * float32, and its CRC-32.
     */
    record Parameters(String file, Map<String, Long> floats, long crc32) {
    }

    /** The original fit's report. */
    record Report(double[] secondsPerEpoch, double[] lossPerEpoch, String device, int threads, long parameters) {
    }
}
