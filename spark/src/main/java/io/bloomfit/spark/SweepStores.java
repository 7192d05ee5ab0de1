package io.bloomfit.spark;

import io.bloomfit.experiment.store.DirectoryResultStore;
import io.bloomfit.experiment.store.ResultStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The stores this build of {@code bloomfit-spark} opens: a run directory ({@code --out DIR}, or {@code --store}
 * with a path or a {@code file:} URL), as the CLI writes it. The driver appends each row there as its task
 * finishes. {@code jdbc:} URLs are refused with a message saying so: the JDBC store is not part of this build.
 */
public final class SweepStores implements ResultStoreOpener {

    @Override
    public ResultStore open(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            throw new SweepUsageException("--store " + url + ": the JDBC result store is not available in this build "
                    + "of bloomfit-spark; use --out DIR (or --store file:/path/to/dir) for a run directory");
        }
        if (lower.startsWith("file:")) {
            try {
                return new DirectoryResultStore(Path.of(URI.create(url)));
            } catch (IllegalArgumentException e) {
                throw new SweepUsageException("--store " + url + ": not a file URL of a directory ("
                        + e.getMessage() + "); write it as file:/absolute/path or give the path itself");
            }
        }
        if (lower.matches("[a-z][a-z0-9+.-]+:.*") && !lower.matches("[a-z]:[\\\\/].*")) {
            throw new SweepUsageException("--store " + url + ": unknown store; give a directory (path or file: URL)");
        }
        return new DirectoryResultStore(Path.of(url));
    }
}
