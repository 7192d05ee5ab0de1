package io.bloomfit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * The Spark application of a sweep, started on first use (so a spec error, or a run with nothing left to do,
 * never starts Spark), with the driver's drop-in plugin directory shipped along: zipped and added with
 * {@code SparkContext.addArchive} under {@value #PLUGINS}, which every executor unpacks before its first task.
 */
final class SparkCluster implements AutoCloseable {

    /** The name the plugin directory is shipped under ({@code SparkFiles.get} on an executor). */
    static final String PLUGINS = "bloomfit-plugins";

    private final Supplier<SparkContext> starter;
    private final boolean owned;
    private final Path pluginDir;
    private SparkContext context;
    private String pluginsShipped;

    private SparkCluster(Supplier<SparkContext> starter, boolean owned, Path pluginDir) {
        this.starter = starter;
        this.owned = owned;
        this.pluginDir = pluginDir;
    }

    /**
     * An application started from {@code conf} on first use and stopped by {@link #close()}.
     *
     * @param pluginDir the driver's plugin directory; shipped when it holds anything, may be {@code null}
     */
    static SparkCluster starting(SparkConf conf, Path pluginDir) {
        return new SparkCluster(() -> new SparkContext(conf), true, pluginDir);
    }

    /** The application {@code starter} gives on first use, which someone else stops (tests, a notebook). */
    static SparkCluster over(Supplier<SparkContext> starter, Path pluginDir) {
        return new SparkCluster(starter, false, pluginDir);
    }

    /** The running context, started (and the plugins shipped) on the first call. */
    synchronized SparkContext context() {
        if (context == null) {
            SparkContext started = start();
            pluginsShipped = ship(started);
            context = started;
        }
        return context;
    }

    /** Starts the application; a master URL Spark cannot parse is the user's to fix (exit code 2). */
    private SparkContext start() {
        try {
            return starter.get();
        } catch (Exception e) { // Scala throws the checked SparkException undeclared
            if (e instanceof org.apache.spark.SparkException && e.getMessage() != null
                    && e.getMessage().startsWith("Could not parse Master URL")) {
                throw new SweepUsageException(e.getMessage() + "; give --master local[*], local[N], "
                        + "local-cluster[WORKERS,CORES,MB] or spark://host:port");
            }
            throw e;
        }
    }

    /** Whether {@link #context()} started (or adopted) the application. */
    synchronized boolean started() {
        return context != null;
    }

    /** The name the plugins were shipped under, or {@code null}; valid after {@link #context()}. */
    synchronized String pluginsShipped() {
        return pluginsShipped;
    }

    private String ship(SparkContext sc) {
        List<Path> entries = pluginEntries();
        if (entries.isEmpty()) {
            return null;
        }
        try {
            Path zip = Files.createTempDirectory("bloomfit-spark").resolve(PLUGINS + ".zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (Path entry : entries) {
                    add(out, entry);
                }
            }
            zip.toFile().deleteOnExit();
            sc.addArchive(zip.toUri() + "#" + PLUGINS);
            return PLUGINS;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the plugin directory " + pluginDir + " to ship it with the job: "
                    + e.getMessage(), e);
        }
    }

    private List<Path> pluginEntries() {
        if (pluginDir == null || !Files.isDirectory(pluginDir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(pluginDir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugin directory " + pluginDir + ": " + e.getMessage(), e);
        }
    }

    private void add(ZipOutputStream out, Path file) throws IOException {
        String name = pluginDir.relativize(file).toString().replace('\\', '/');
        out.putNextEntry(new ZipEntry(name));
        Files.copy(file, out); // leaves the zip open
        out.closeEntry();
    }

    @Override
    public synchronized void close() {
        if (context != null && owned) {
            context.stop();
        }
        context = null;
    }
}
