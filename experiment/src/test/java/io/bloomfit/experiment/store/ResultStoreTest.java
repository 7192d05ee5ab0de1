package io.bloomfit.experiment.store;

import io.bloomfit.experiment.grid.ResultRowJson;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.LayoutStats;
import io.bloomfit.experiment.grid.RankingMetrics;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultStatus;
import io.bloomfit.experiment.grid.Sides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {

    private static final ResultRow OK = new ResultRow(new GridPoint("bloom", "xxh64", 0.4, 2, Sides.ITEMS, 1, 2),
            ResultStatus.OK, null, new RankingMetrics(0.25, 0.1, 0.2, 0.3),
            new ResultRow.Fit("djl", "cpu()", 2, new double[] {1.5, 1.25}, new double[] {0.7, 0.6}, 2.75),
            new ResultRow.Sizes(1234, 5678, 0.4, new LayoutStats(10, 10, 1.0, 0, 0.0, 1, 1.0),
                    new LayoutStats(20, 8, 0.4, 3, 0.15, 4, 2.5)),
            new ResultRow.Costs(0.01, 0.5, 99, "2026-01-01T00:00:00Z"));

    private static final ResultRow FAILED = new ResultRow(new GridPoint("plain", null, 1.0, 1, Sides.NONE, 0, 1),
            ResultStatus.FAILED, "training diverged at epoch 1, step 3 (loss NaN)", null,
            new ResultRow.Fit("djl", null, 0, null, null, Double.NaN),
            new ResultRow.Sizes(100, 400, 1.0, null, null),
            new ResultRow.Costs(0.02, Double.NaN, 5, "2026-01-01T00:00:01Z"));

    @Test
    void fieldsListsEveryFieldOfARowInItsOrder() {
        List<String> written = new java.util.ArrayList<>();
        ResultRowJson.toJson(OK).fieldNames().forEachRemaining(written::add);
        assertThat(written).isEqualTo(ResultRowJson.FIELDS);
        // the order the class comment (the public contract) gives
        assertThat(String.join(", ", ResultRowJson.FIELDS)).isEqualTo("compressor, hash, ratio, hashes, sides, "
                + "repeat, seed, status, error, mrr, precision_at_10, recall_at_10, ndcg_at_10, fit_seconds_per_epoch, "
                + "loss_per_epoch, fit_seconds, eval_seconds, layout_seconds, parameters, bytes, achieved_ratio, "
                + "user_layout, item_layout, peak_heap_bytes, device, threads, trainer, finished_at, timed_in");
    }

    @Test
    void rowsRoundTripThroughTheJsonLinesFile(@TempDir Path dir) throws IOException {
        DirectoryResultStore store = new DirectoryResultStore(dir);
        store.append(OK);
        store.append(FAILED);
        List<ResultRow> rows = store.read();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).usingRecursiveComparison().isEqualTo(OK);
        assertThat(rows.get(1).point()).isEqualTo(FAILED.point());
        assertThat(rows.get(1).error()).isEqualTo(FAILED.error());
        assertThat(rows.get(1).metrics()).isNull();
        assertThat(Files.readAllLines(store.directory().results()).get(1)).contains("\"hash\":null", "\"mrr\":null",
                "\"status\":\"failed\"", "\"sides\":\"none\"");
    }

    @Test
    void aNetworkRowCarriesItsInputAndOutputLayersAfterTheOtherFields() throws Exception {
        ResultRow network = new ResultRow(OK.point(), OK.status(), null, OK.metrics(), OK.fit(),
                new ResultRow.Sizes(1234, 5678, 0.4, null, null, new ResultRow.LayerSizes(128, 75)), OK.costs());
        String line = ResultRowJson.write(network);
        assertThat(line).endsWith("\"input_layer_parameters\":128,\"input_layer_bytes\":512,"
                + "\"output_layer_parameters\":75,\"output_layer_bytes\":300}");
        assertThat(ResultRowJson.read(line)).usingRecursiveComparison().isEqualTo(network);
        assertThat(ResultRowJson.write(OK)).doesNotContain("input_layer");
    }

    @Test
    void aRowIsOneLineWithTheContractFieldsInTheirOrder(@TempDir Path dir) throws IOException {
        DirectoryResultStore store = new DirectoryResultStore(dir);
        store.append(OK);
        // written out by hand from the field list in the store's Javadoc
        assertThat(Files.readString(store.directory().results())).isEqualTo("{\"compressor\":\"bloom\",\"hash\":\"xxh64\","
                + "\"ratio\":0.4,\"hashes\":2,\"sides\":\"items\",\"repeat\":1,\"seed\":2,\"status\":\"ok\","
                + "\"error\":null,\"mrr\":0.25,\"precision_at_10\":0.1,\"recall_at_10\":0.2,\"ndcg_at_10\":0.3,"
                + "\"fit_seconds_per_epoch\":[1.5,1.25],\"loss_per_epoch\":[0.7,0.6],\"fit_seconds\":2.75,"
                + "\"eval_seconds\":0.5,\"layout_seconds\":0.01,\"parameters\":1234,\"bytes\":5678,"
                + "\"achieved_ratio\":0.4,\"user_layout\":{\"entities\":10,\"rows\":10,\"achieved_ratio\":1.0,"
                + "\"entities_sharing_signature\":0,\"shared_fraction\":0.0,\"max_entities_per_row\":1,"
                + "\"mean_entities_per_row\":1.0,\"collision_warning\":null},\"item_layout\":{\"entities\":20,\"rows\":8,"
                + "\"achieved_ratio\":0.4,\"entities_sharing_signature\":3,\"shared_fraction\":0.15,"
                + "\"max_entities_per_row\":4,\"mean_entities_per_row\":2.5,\"collision_warning\":null},\"peak_heap_bytes\":99,"
                + "\"device\":\"cpu()\",\"threads\":2,\"trainer\":\"djl\",\"finished_at\":\"2026-01-01T00:00:00Z\","
                + "\"timed_in\":null}\n");
    }

    @Test
    void aLineCutShortByAnInterruptIsDroppedBeforeAppending(@TempDir Path dir) throws IOException {
        DirectoryResultStore store = new DirectoryResultStore(dir);
        store.append(OK);
        Files.writeString(store.directory().results(), "{\"compressor\":\"blo", StandardOpenOption.APPEND);
        assertThat(store.read()).hasSize(1);
        assertThat(store.partialLastLine()).startsWith(store.directory().results() + ":2: the last line is cut short");
        assertThat(store.recover()).isTrue();
        assertThat(store.partialLastLine()).isNull();
        store.append(FAILED);
        assertThat(store.read()).extracting(ResultRow::status).containsExactly(ResultStatus.OK, ResultStatus.FAILED);
        assertThat(store.recover()).isFalse();
    }

    @Test
    void aBrokenLineInTheMiddleNamesFileAndLine(@TempDir Path dir) throws IOException {
        DirectoryResultStore store = new DirectoryResultStore(dir);
        store.append(OK);
        Files.writeString(store.directory().results(), "not json\n", StandardOpenOption.APPEND);
        store.append(OK);
        assertThatThrownBy(store::read).isInstanceOf(IOException.class)
                .hasMessageStartingWith(store.directory().results() + ":2: not a result row");
    }

    @Test
    void aBrokenLineSaysFileLineAndTheReasonWithoutTheParsersInternals(@TempDir Path dir) throws IOException {
        DirectoryResultStore store = new DirectoryResultStore(dir);
        store.append(OK);
        // a whole (newline-ended) last line that is not JSON is broken, not cut short by an interrupt
        Files.writeString(store.directory().results(), "{\"compressor\": oops}\n", StandardOpenOption.APPEND);
        assertThatThrownBy(store::read).isInstanceOf(ResultsFileException.class)
                .hasMessageStartingWith(store.directory().results() + ":2: not a result row: Unrecognized token 'oops'")
                .hasMessageNotContaining("[Source").hasMessageNotContaining("line: 1, column");
        assertThat(store.recover()).as("nothing an interrupt left").isFalse();
    }

    @Test
    void theDatasetRecordSaysHowManyBadLinesWereSkipped(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("u.data"), "1\t2\t3\t4\n1\t3\n2\t2\tx\t1\n2\t3\t4\t5\n");
        var dataset = io.bloomfit.data.MovieLensLoader.load(data, null,
                io.bloomfit.data.LoadOptions.DEFAULT.withSkipBadLines(true));
        DirectoryResultStore store = new DirectoryResultStore(dir.resolve("run"));
        store.writeDataset(dataset);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(store.directory().dataset().toFile());
        assertThat(json.get("name").asText()).isEqualTo("u.data");
        assertThat(json.get("lines_read").asLong()).isEqualTo(4);
        assertThat(json.get("skipped_lines").asLong()).isEqualTo(2);
        assertThat(json.get("skipped_examples").get(0).asText()).contains("u.data:2: expected 4 fields");
        assertThat(json.get("description").asText()).contains("2 bad lines skipped (skipBadLines)");
    }
}
