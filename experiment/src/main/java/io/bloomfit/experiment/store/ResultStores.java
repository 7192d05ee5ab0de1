package io.bloomfit.experiment.store;

import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.spec.ExperimentSpec;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The one way a store URI is opened (by the CLI's {@code run --store}, the Spark driver's {@code --store} and
 * {@code --out}): a path or a {@code file:} URL names a directory, which is a run directory or a server's data
 * directory as the caller says ({@link StoreDirectory}); any other URL goes to the {@link ResultStoreProvider}
 * that opens it (found through {@link ServiceLoader}: {@code jdbc:} URLs open the experiment database of module
 * {@code store-jdbc}); anything else is refused with the forms this build accepts.
 */
public final class ResultStores {

    private ResultStores() {
    }

    /**
     * Opens the store {@code uri} names for a new run of {@code spec}.
     *
     * @param directory what a path or {@code file:} URL names
     * @param origin    who runs it, recorded by stores that record runs, e.g. {@code cli: examples/quickstart.yaml}
     * @throws StoreUnavailableException when no store of this build opens {@code uri}, or it cannot be opened
     */
    public static StoredRun open(String uri, StoreDirectory directory, ExperimentSpec spec, String origin) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(directory, "directory");
        if (directory == StoreDirectory.RUN_DIRECTORY && namesDirectory(uri)) {
            return runDirectory(directoryPath(uri));
        }
        List<ResultStoreProvider> providers = providers();
        for (ResultStoreProvider provider : providers) {
            if (provider.opens(uri, directory)) {
                return provider.open(uri, spec, origin);
            }
        }
        String accepted = (directory == StoreDirectory.RUN_DIRECTORY ? "a run directory" : "a server's data directory")
                + " (a path or a file: URL)" + providers.stream().map(p -> " or " + p.forms())
                .collect(Collectors.joining());
        if (directory == StoreDirectory.DATA_DIRECTORY && namesDirectory(uri)) {
            throw new StoreUnavailableException(uri + ": no store of this build keeps a server's data directory (the "
                    + "experiment database, module store-jdbc, is not on the class path)");
        }
        throw new StoreUnavailableException(redacted(uri) + ": unknown store; give " + accepted);
    }

    /** The run directory {@code dir} as a stored run: its rows are its files, and it records nothing else. */
    public static StoredRun runDirectory(Path dir) {
        return new RunDirectoryRun(new DirectoryResultStore(dir));
    }

    /** Whether {@code uri} names a directory: a {@code file:} URL, or a path (no URL scheme; {@code C:\} is a path). */
    public static boolean namesDirectory(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return lower.startsWith("file:") || !lower.matches("[a-z][a-z0-9+.-]+:.*") || lower.matches("[a-z]:[\\\\/].*");
    }

    /**
     * The directory a path or {@code file:} URL names.
     *
     * @throws StoreUnavailableException for a {@code file:} URL that names no local path
     */
    public static Path directoryPath(String uri) {
        if (!uri.toLowerCase(Locale.ROOT).startsWith("file:")) {
            return Path.of(uri);
        }
        try {
            return Path.of(URI.create(uri));
        } catch (IllegalArgumentException e) {
            throw new StoreUnavailableException(uri + ": not a file URL of a directory (" + e.getMessage()
                    + "); write it as file:/absolute/path or give the path itself");
        }
    }

    /** {@code uri} without the value of a {@code password} parameter, for messages and logs. */
    public static String redacted(String uri) {
        return uri.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static List<ResultStoreProvider> providers() {
        List<ResultStoreProvider> found = new ArrayList<>();
        ServiceLoader.load(ResultStoreProvider.class).forEach(found::add);
        return found;
    }

    /** A run directory: rows and spec in its files, nothing else recorded. */
    private static final class RunDirectoryRun implements StoredRun {

        private final DirectoryResultStore store;

        RunDirectoryRun(DirectoryResultStore store) {
            this.store = store;
        }

        @Override
        public ResultStore results() {
            return store;
        }

        @Override
        public ExperimentListener listener(ExperimentListener delegate) {
            return delegate;
        }

        @Override
        public void describeData(String description) {
            // the run directory's dataset.json describes the data (ResultStore.writeDataset)
        }

        @Override
        public void ended(boolean cancelled) {
            // results.jsonl shows what finished; --resume continues the rest
        }

        @Override
        public String location() {
            return store.location();
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
