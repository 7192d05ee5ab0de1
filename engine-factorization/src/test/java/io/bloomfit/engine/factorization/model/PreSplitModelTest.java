package io.bloomfit.engine.factorization.model;

import io.bloomfit.host.Plugins;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A model saved before the engine split still loads and scores as it did. The directory
 * {@code pre-split-djl-model} (test resources) was written by the {@code djl} trainer of the pre-split build
 * (commit c485b44, {@code engine-djl} still holding every class), by {@code OldModelFixture.java.txt} beside it:
 * 12 users x 10 items, users bloom (ratio 0.5, k 2, xxh3, seed 17) with compressed biases, items plain,
 * dimension 4, BPR, sparse-adam, 3 epochs, seed 3. {@link #OLD_SCORES} are the scores that program printed with
 * the OLD code ({@code TrainedModel.score(user, all items)}, user by user), pasted here.
 */
class PreSplitModelTest {

    /** {@code score(u, 0..9)} for u = 0..11, printed by the pre-split code right after the fit. */
    private static final float[][] OLD_SCORES = {
            {-0.12738404f, 0.11429491f, 0.060882136f, 0.24896888f, 0.29937088f, 0.2658086f, -0.0060460195f, -0.04234919f, -0.20735528f, -0.25326774f},
            {-0.17811757f, 0.18770005f, -0.16832553f, 0.2963311f, 0.12513594f, 0.008293204f, -0.15730485f, 0.32854992f, -0.13502035f, -0.2385727f},
            {-0.17113684f, 0.19665387f, -0.33418918f, 0.29252517f, 0.00389345f, -0.051895477f, -0.33277753f, 0.6338959f, -0.15286185f, -0.23562545f},
            {-0.20505595f, 0.20009983f, -0.042941146f, 0.32833296f, 0.24470118f, 0.045612745f, -0.032641783f, 0.078262985f, -0.0812185f, -0.27027324f},
            {-0.13540526f, 0.08901555f, -0.30991518f, 0.24470577f, 0.02671653f, -0.025159784f, -0.19121762f, 0.5279341f, -0.21888907f, -0.3080371f},
            {-0.10044566f, 0.10189512f, -0.06450223f, 0.21696703f, 0.17980564f, 0.22848907f, -0.13070908f, 0.20793775f, -0.2611571f, -0.22156717f},
            {-0.17811757f, 0.18770005f, -0.16832553f, 0.2963311f, 0.12513594f, 0.008293204f, -0.15730485f, 0.32854992f, -0.13502035f, -0.2385727f},
            {-0.17113684f, 0.19665387f, -0.33418918f, 0.29252517f, 0.00389345f, -0.051895477f, -0.33277753f, 0.6338959f, -0.15286185f, -0.23562545f},
            {-0.24078754f, 0.30773816f, -0.06721513f, 0.3761524f, 0.2218781f, 0.018877052f, -0.17420167f, 0.18422475f, -0.015191302f, -0.19786158f},
            {-0.022773743f, 0.016090192f, 0.039321065f, 0.13760294f, 0.23447534f, 0.44868496f, -0.10411331f, 0.08732556f, -0.38729388f, -0.20456165f},
            {-0.057733335f, 0.003210619f, -0.20609188f, 0.16534168f, 0.08138623f, 0.19503608f, -0.16462184f, 0.4073219f, -0.34502584f, -0.2910316f},
            {-0.057733335f, 0.003210619f, -0.20609188f, 0.16534168f, 0.08138623f, 0.19503608f, -0.16462184f, 0.4073219f, -0.34502584f, -0.2910316f},
    };

    private static Path fixture() throws URISyntaxException {
        return Path.of(PreSplitModelTest.class.getResource("pre-split-djl-model/manifest.json").toURI()).getParent();
    }

    @Test
    void loadsAndScoresAsTheOldCodeDid() throws IOException, URISyntaxException {
        try (FactorizationModel model = ModelFiles.load(fixture(), Plugins.shared())) {
            assertThat(model.origin()).isEqualTo(new ModelOrigin("djl", "0.36.0"));
            assertThat(model.numUsers()).isEqualTo(12);
            assertThat(model.numItems()).isEqualTo(10);
            int[] items = IntStream.range(0, 10).toArray();
            float[][] all = model.scoreAll(IntStream.range(0, 12).toArray());
            for (int u = 0; u < 12; u++) {
                // the new Java scoring adds the biases before the products: equal up to float rounding
                assertThat(model.score(u, items)).as("user %d", u).containsExactly(OLD_SCORES[u], within(1e-6f));
                assertThat(all[u]).as("user %d, scoreAll", u).containsExactly(OLD_SCORES[u], within(1e-6f));
            }
            assertThat(model.report().lossPerEpoch()).hasSize(3);
        }
    }

    @Test
    void savingItAgainKeepsTheFormatAndTheTrainer(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException, URISyntaxException {
        try (FactorizationModel model = ModelFiles.load(fixture(), Plugins.shared())) {
            model.save(dir);
        }
        assertThat(dir.resolve("parameters.bin")).hasSameBinaryContentAs(fixture().resolve("parameters.bin"));
        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertThat(manifest).contains("\"trainer\" : \"djl\"").contains("\"formatVersion\" : 1")
                .contains("\"djlVersion\" : \"0.36.0\"");
    }
}
