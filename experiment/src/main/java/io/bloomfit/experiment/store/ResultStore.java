package io.bloomfit.experiment.store;

import io.bloomfit.experiment.grid.ResultRowJson;
import io.bloomfit.data.Dataset;
import io.bloomfit.data.LoadReport;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;

import java.io.IOException;
import java.util.List;

/**
 * Where the rows of one run are kept, with the spec that produced them: a directory of files
 * ({@link DirectoryResultStore}) or, say, database tables. The runner appends each row as its point finishes and,
 * on {@code --resume}, reads what an earlier run stored.
 *
 * <p>An implementation must guarantee: {@link #append} is durable when it returns (a crash after it loses nothing)
 * and safe to call from several threads at once; {@link #read} returns the rows in the order they were appended,
 * each with every field it was appended with (the fields of {@link ResultRowJson}); {@link #recover} leaves the
 * store so that rows appended afterwards are read back after the ones an interrupted run finished.
 */
public interface ResultStore {

    /**
     * Takes ownership of the store for one run, to be held (try-with-resources) for the run's whole lifetime, so
     * that two runs never append to the same store. The default guards nothing.
     *
     * @throws io.bloomfit.experiment.spec.SpecException when another run holds the store (naming it)
     * @throws IOException                               when the claim cannot be recorded
     */
    default RunClaim claim() throws IOException {
        return RunClaim.NONE;
    }

    /** Where the rows are kept, for messages (e.g. {@code runs/quickstart/results.jsonl}). */
    String location();

    /** Whether any rows were stored. */
    boolean hasResults() throws IOException;

    /** Stores the spec of this run (its canonical {@link ExperimentSpec#source()}), replacing an earlier one. */
    void writeSpec(ExperimentSpec spec) throws IOException;

    /**
     * Stores what the run's data was and what loading skipped, dropped or merged ({@link LoadReport}), replacing
     * an earlier record. The default keeps nothing.
     */
    default void writeDataset(Dataset dataset) throws IOException {
    }

    /** The canonical spec stored by an earlier run, or {@code null}. */
    String storedSpec() throws IOException;

    /** Stores one row; durable when this returns. */
    void append(ResultRow row) throws IOException;

    /**
     * Repairs what an interrupt may have left half-written (e.g. a last line without its newline), so that rows
     * appended later are stored and read cleanly.
     *
     * @return whether anything was repaired
     */
    boolean recover() throws IOException;

    /**
     * Every row stored so far, in the order appended. A row an interrupt left half-written is ignored.
     *
     * @throws IOException when nothing was stored here yet, or what is stored cannot be read
     */
    List<ResultRow> read() throws IOException;
}
