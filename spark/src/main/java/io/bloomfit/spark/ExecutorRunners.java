package io.bloomfit.spark;

import io.bloomfit.experiment.DatasetPreparer;
import io.bloomfit.experiment.grid.Evaluation;
import io.bloomfit.experiment.ExperimentData;
import io.bloomfit.experiment.FittedModelHandler;
import io.bloomfit.host.Plugins;
import io.bloomfit.experiment.PointRunner;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The experiment of the sweep an executor JVM is working on, built once per JVM and shared by its tasks: the
 * plugins, the spec read back from its canonical JSON with the same {@link SpecReader}, the data loaded (or
 * generated from its seed) and split exactly as the driver's CLI run would, and one {@link PointRunner} (so the
 * trainer warms up once per JVM, and fits that must not overlap in a JVM do not). The grid's plugin names are
 * cut down to those installed on the executor first ({@link SweepJobs#forExecutor}), so one missing plugin fails
 * only the points that need it.
 *
 * <p>Only the latest sweep is kept: an executor belongs to one application, and a local-mode driver that runs
 * sweeps one after another does not hold every earlier data set.
 */
final class ExecutorRunners {

    /** The plugins and, once built, the runner of one sweep. */
    record Prepared(SweepJob job, Plugins plugins, PointRunner runner) {
    }

    private static Prepared current;

    private ExecutorRunners() {
    }

    /** The plugins of {@code job} on this executor ({@code shippedDir} resolves the shipped plugin directory). */
    static synchronized Plugins plugins(SweepJob job, Function<String, Path> shippedDir) {
        if (current == null || !current.job().equals(job)) {
            Path dir = job.pluginsShipped() == null ? null : shippedDir.apply(job.pluginsShipped());
            current = new Prepared(job, ExecutorPlugins.load(dir), null);
        }
        return current.plugins();
    }

    /**
     * The runner of {@code job}, built on first use in this JVM.
     *
     * @throws io.bloomfit.experiment.spec.SpecException  when the spec does not validate here
     * @throws io.bloomfit.data.DatasetLoadException      when the data cannot be read here
     */
    static synchronized PointRunner runner(SweepJob job, Function<String, Path> shippedDir) {
        Plugins plugins = plugins(job, shippedDir);
        if (current.runner() == null) {
            ExperimentSpec spec = SpecReader.read(SweepJobs.forExecutor(job.specJson(), plugins), "spec of sweep '" + job.name() + "'", true,
                    job.name(), null, List.of(), plugins);
            ExperimentData data = DatasetPreparer.prepare(spec).data();
            current = new Prepared(job, plugins, new PointRunner(spec, data, Evaluation.standard(), plugins,
                    FittedModelHandler.NONE));
        }
        return current.runner();
    }
}
