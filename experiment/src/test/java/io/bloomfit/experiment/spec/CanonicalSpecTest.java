package io.bloomfit.experiment.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.experiment.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canonical form stored as {@code spec.json}: its layout is what {@code --resume} compares and what tools read,
 * so the expected texts below are written out by hand from the documented key order (every section in the order
 * of its keys, unset dataset keys left out, defaults filled in).
 */
class CanonicalSpecTest {

    @Test
    void theFixtureSpecWithEveryDefaultFilledIn() {
        assertThat(Fixtures.spec().source()).isEqualTo("""
                {
                  "name" : "fixture-run",
                  "dataset" : {
                    "source" : "synthetic",
                    "preset" : "synthetic-ml100k"
                  },
                  "split" : {
                    "kind" : "random",
                    "test" : 0.2,
                    "seed" : 42,
                    "validation" : 0.0
                  },
                  "model" : {
                    "kind" : "implicit-factorization",
                    "loss" : "bpr",
                    "dimension" : 4,
                    "epochs" : 2,
                    "batchSize" : 16,
                    "learningRate" : 0.01,
                    "l2" : 1.0E-6,
                    "negatives" : 5,
                    "optimizer" : "adam",
                    "seed" : 1,
                    "compressBiases" : false
                  },
                  "trainer" : {
                    "name" : "fixture",
                    "device" : "cpu",
                    "threads" : 0,
                    "negatives" : "uniform"
                  },
                  "grid" : {
                    "compressor" : [ "fixture-modulo" ],
                    "hash" : [ "fixture-mix", "fixture-linear" ],
                    "ratio" : [ 0.5, 0.1 ],
                    "hashes" : [ 2 ],
                    "sides" : [ "both" ],
                    "repeats" : 1
                  }
                }""");
    }

    @Test
    void aCsvDatasetKeepsEveryKeyItSetsInKeyOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clicks.tsv");
        Files.writeString(file, "uid\tsku\tr\tts\nA\tX\t5\t1\n");
        ExperimentSpec spec = Fixtures.spec("dataset={source: csv, implicit: true, timestamp: ts, rating: r, "
                + "item: sku, user: uid, header: true, delimiter: \"\\t\", path: '" + file + "', name: clicks, "
                + "skipBadLines: false, ratingThreshold: 4}", "split.kind=leave-last-out", "split.validation=0.5");
        assertThat(section(spec, "dataset", "model")).containsExactly(
                "\"dataset\" : {",
                "\"source\" : \"csv\",",
                "\"name\" : \"clicks\",",
                "\"path\" : \"" + file + "\",",
                "\"delimiter\" : \"\\t\",",
                "\"header\" : true,",
                "\"user\" : \"uid\",",
                "\"item\" : \"sku\",",
                "\"rating\" : \"r\",",
                "\"timestamp\" : \"ts\",",
                "\"skipBadLines\" : false,",
                "\"ratingThreshold\" : 4.0,",
                "\"implicit\" : true",
                "},",
                "\"split\" : {",
                "\"kind\" : \"leave-last-out\",",
                "\"test\" : 0.2,",
                "\"seed\" : 42,",
                "\"validation\" : 0.5",
                "},");
    }

    @Test
    void aCustomSyntheticDatasetKeepsItsSizes() {
        ExperimentSpec spec = Fixtures.spec("dataset={source: synthetic, users: 50, items: 40, interactions: 500, "
                + "rank: 4, seed: 7}");
        assertThat(section(spec, "dataset", "split")).containsExactly(
                "\"dataset\" : {",
                "\"source\" : \"synthetic\",",
                "\"seed\" : 7,",
                "\"users\" : 50,",
                "\"items\" : 40,",
                "\"interactions\" : 500,",
                "\"rank\" : 4",
                "},");
    }

    /** The stripped lines of the canonical form from section {@code from} up to section {@code to}. */
    private static java.util.List<String> section(ExperimentSpec spec, String from, String to) {
        String text = spec.source();
        return text.substring(text.indexOf("\"" + from + "\""), text.indexOf("\"" + to + "\"")).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
