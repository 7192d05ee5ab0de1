package io.bloomfit.experiment.store;

import io.bloomfit.experiment.spec.ExperimentSpec;

/**
 * A kind of store that is not a run directory, found through {@link java.util.ServiceLoader} by
 * {@link ResultStores}: the JDBC experiment database (module {@code store-jdbc}) is one. Declared in both the
 * provider module's {@code module-info} ({@code provides}) and its {@code META-INF/services} file.
 *
 * <p>An implementation must guarantee: {@link #opens} decides from the URI's text alone (it opens nothing), and
 * {@link #open} either returns a run recorded as running or throws {@link StoreUnavailableException} naming the
 * store without its password, leaving nothing open.
 */
public interface ResultStoreProvider {

    /**
     * Whether this provider opens {@code uri}: a URL of its own scheme, or (when it keeps server data directories
     * and {@code directory} is {@link StoreDirectory#DATA_DIRECTORY}) a path or {@code file:} URL.
     */
    boolean opens(String uri, StoreDirectory directory);

    /**
     * Opens the store {@code uri} names (one {@link #opens} accepted) and records a new running run of
     * {@code spec} there.
     *
     * @param origin who runs it, e.g. {@code cli: examples/quickstart.yaml}
     * @throws StoreUnavailableException when the store cannot be opened
     */
    StoredRun open(String uri, ExperimentSpec spec, String origin);

    /** The URIs it opens, for messages, e.g. {@code jdbc:postgresql://HOST/DB?user=U&password=P}. */
    String forms();
}
