package io.bloomfit.it;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.experiment.keep.KeptModel;
import io.bloomfit.experiment.keep.Recommendation;
import io.bloomfit.host.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Models saved by an earlier build (every compressor of that build, spec beside them in
 * {@code models-0.1/spec.yaml}) still load, and still recommend what that build printed for them
 * ({@code recommendations.tsv}, the earlier {@code bloomfit recommend --include-seen -k 5} output).
 */
class SavedModelCompatibilityTest {

    private static Path models() throws URISyntaxException {
        return Path.of(SavedModelCompatibilityTest.class.getResource("/models-0.1/recommendations.tsv").toURI())
                .getParent();
    }

    /** point -> user -> the printed lines "rank item score". */
    static Stream<String> points() throws Exception {
        return expected().keySet().stream();
    }

    private static Map<String, Map<String, List<String>>> expected() throws IOException, URISyntaxException {
        Map<String, Map<String, List<String>>> byPoint = new LinkedHashMap<>();
        for (String line : Files.readAllLines(models().resolve("recommendations.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            byPoint.computeIfAbsent(f[0], p -> new LinkedHashMap<>()).computeIfAbsent(f[1], u -> new ArrayList<>())
                    .add(f[2] + " " + f[3] + " " + f[4]);
        }
        return byPoint;
    }

    @ParameterizedTest
    @MethodSource("points")
    void aModelSavedByAnEarlierBuildLoadsAndRecommendsAsBefore(String point) throws Exception {
        Path dir = models().resolve(point);
        Plugins plugins = Plugins.shared();
        KeptModel kept = KeptModel.read(dir);
        try (TrainedModel model = plugins.trainers().forName("cpu").load(dir, plugins)) {
            for (Map.Entry<String, List<String>> user : expected().get(point).entrySet()) {
                List<String> printed = new ArrayList<>();
                for (Recommendation r : kept.recommend(model, user.getKey(), 5, true)) {
                    printed.add(String.format(Locale.ROOT, "%d %s %.6f", r.rank(), r.item(), r.score()));
                }
                assertThat(printed).as(point + " user " + user.getKey()).isEqualTo(user.getValue());
            }
        }
    }
}
