package io.bloomfit.cli;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainers;
import io.bloomfit.experiment.store.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bloomfit recommend MODEL_DIR --user ID}: top-k items of a saved model. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Prints the top-k items for a user from a model saved by `bloomfit run --save-models` "
                + "(DIR/models/<point>/).",
            "IDs are the dataset's own ids when DIR/models/user-ids.txt exists, else dense indices."},
        footer = {"", ExitCodes.HELP})
public class RecommendCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL_DIR")
    Path modelDir;

    @Option(names = {"-u", "--user"}, required = true, paramLabel = "ID", description = "user id")
    String user;

    @Option(names = "-k", defaultValue = "10", paramLabel = "K", description = "how many items (default 10)")
    int k;

    @Option(names = "--trainer", defaultValue = "djl", paramLabel = "NAME",
            description = "trainer that saved the model (default djl)")
    String trainer;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(modelDir)) {
            throw new UserError(modelDir + ": no such model directory; save models with `bloomfit run SPEC "
                    + "--save-models` and pass DIR/models/<point>");
        }
        if (k < 1) {
            throw new UserError("-k must be at least 1, was " + k);
        }
        List<String> userIds = ids(RunDirectory.USER_IDS);
        List<String> itemIds = ids(RunDirectory.ITEM_IDS);
        try (TrainedModel model = Trainers.forName(trainer).load(modelDir)) {
            int index = userIndex(userIds, model.numUsers());
            int[] items = model.recommend(index, Math.min(k, model.numItems()), new int[0]);
            float[] scores = model.score(index, items);
            var out = spec.commandLine().getOut();
            out.println("rank  item  score");
            for (int i = 0; i < items.length; i++) {
                String id = itemIds != null && items[i] < itemIds.size() ? itemIds.get(items[i])
                        : Integer.toString(items[i]);
                out.println(String.format(Locale.ROOT, "%d  %s  %.6f", i + 1, id, scores[i]));
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private int userIndex(List<String> userIds, int numUsers) {
        if (userIds != null) {
            int index = userIds.indexOf(user);
            if (index < 0) {
                throw new UserError("--user '" + user + "' is not in " + modelDir.resolveSibling(RunDirectory.USER_IDS)
                        + " (" + userIds.size() + " users)");
            }
            return index;
        }
        try {
            int index = Integer.parseInt(user);
            if (index >= 0 && index < numUsers) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("--user '" + user + "': without an id map the user is an index in 0.." + (numUsers - 1));
    }

    private List<String> ids(String file) throws IOException {
        for (Path candidate : new Path[] {modelDir.resolve(file), modelDir.resolveSibling(file)}) {
            if (Files.isRegularFile(candidate)) {
                return Files.readAllLines(candidate, StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
