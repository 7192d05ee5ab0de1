/**
 * The library front door: fit and evaluate one compressed recommender from Java in a few lines, over the same
 * layouts, trainers and evaluator as the CLI. The built-in hash functions, compressors and trainers come with it at
 * run time and are found by name, as drop-in plugins are.
 */
module io.bloomfit.library {
    requires transitive io.bloomfit.host;
    requires transitive io.bloomfit.core;

    exports io.bloomfit.library;
}
