/**
 * Experiments: specs (YAML/JSON, validated with field paths), the grid runner, result stores and reports.
 * Shared by the CLI, the server and distributed runners; depends on {@code io.bloomfit.api},
 * {@code io.bloomfit.core} and Jackson, never on an engine.
 */
module io.bloomfit.experiment {
    requires transitive io.bloomfit.core;
    requires transitive io.bloomfit.host;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires java.management;

    exports io.bloomfit.experiment;
    exports io.bloomfit.experiment.grid;
    exports io.bloomfit.experiment.keep;
    exports io.bloomfit.experiment.spec;
    exports io.bloomfit.experiment.store;
    exports io.bloomfit.experiment.tune;
    exports io.bloomfit.report;
    exports io.bloomfit.report.stats;

    uses io.bloomfit.experiment.store.ResultStoreProvider;
}
