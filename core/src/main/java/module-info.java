/**
 * The framework's data and evaluation code: dataset loaders and the fetcher, built-in synthetic data, splits,
 * ranking metrics and the full-ranking evaluator. Depends on {@code io.bloomfit.api} and the JDK only.
 */
module io.bloomfit.core {
    requires transitive io.bloomfit.api;

    exports io.bloomfit.data;
    exports io.bloomfit.eval;
    exports io.bloomfit.layout;
}
