package io.bloomfit.experiment.store;

import io.bloomfit.data.Dataset;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A run's own store with everything it stores also written to a second one (e.g. {@code bloomfit run --store}:
 * the run directory, mirrored into an experiment database). Reads, the claim and repairs are the local store's:
 * it decides what a resume continues.
 */
public final class MirroredResultStore implements ResultStore {

    private final ResultStore local;
    private final ResultStore mirror;

    public MirroredResultStore(ResultStore local, ResultStore mirror) {
        this.local = Objects.requireNonNull(local, "local");
        this.mirror = Objects.requireNonNull(mirror, "mirror");
    }

    @Override
    public RunClaim claim() throws IOException {
        return local.claim();
    }

    @Override
    public String location() {
        return local.location();
    }

    @Override
    public boolean hasResults() throws IOException {
        return local.hasResults();
    }

    @Override
    public void writeSpec(ExperimentSpec spec) throws IOException {
        local.writeSpec(spec);
        mirror.writeSpec(spec);
    }

    @Override
    public void writeDataset(Dataset dataset) throws IOException {
        local.writeDataset(dataset);
        mirror.writeDataset(dataset);
    }

    @Override
    public String storedSpec() throws IOException {
        return local.storedSpec();
    }

    @Override
    public void append(ResultRow row) throws IOException {
        local.append(row);
        mirror.append(row);
    }

    @Override
    public boolean recover() throws IOException {
        return local.recover();
    }

    @Override
    public List<ResultRow> read() throws IOException {
        return local.read();
    }
}
