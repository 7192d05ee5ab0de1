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
            "IDs are the dataset's own ids when DIR/models/user-ids.txt exists, else dense indices.",
            "Leaves out the user's training items (DIR/models/train-items.tsv) unless --include-seen."},
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

    @Option(names = "--include-seen", description = "keep the items the user had in the training split "
            + "(left out by default)")
    boolean includeSeen;

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
            int[] items = model.recommend(index, Math.min(k, model.numItems()), seen(index, model.numUsers(), model.numItems()));
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

    /** The user's training items to leave out, from {@link RunDirectory#TRAIN_ITEMS}; none with --include-seen. */
    private int[] seen(int index, int numUsers, int numItems) throws IOException {
        if (includeSeen) {
            return new int[0];
        }
        List<String> lines = ids(RunDirectory.TRAIN_ITEMS);
        if (lines == null) {
            var err = spec.commandLine().getErr();
            err.println("bloomfit: this model was saved without its training items; seen items are not excluded; "
                    + "re-run with --save-models to save them");
            err.flush();
            return new int[0];
        }
        if (lines.size() != numUsers) {
            throw new UserError(RunDirectory.TRAIN_ITEMS + " beside " + modelDir + " has " + lines.size()
                    + " lines but the model has " + numUsers + " users; re-run with --save-models to save "
                    + "matching files, or pass --include-seen");
        }
        String line = lines.get(index);
        if (line.isEmpty()) {
            return new int[0];
        }
        String[] fields = line.split("\t", -1);
        int[] items = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            try {
                items[i] = Integer.parseInt(fields[i]);
            } catch (NumberFormatException e) {
                items[i] = -1;
            }
            if (items[i] < 0 || items[i] >= numItems) {
                throw new UserError(RunDirectory.TRAIN_ITEMS + " line " + (index + 1) + ": '" + fields[i]
                        + "' is not an item index in 0.." + (numItems - 1) + "; re-run with --save-models to "
                        + "save the file again, or pass --include-seen");
            }
        }
        return items;
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
