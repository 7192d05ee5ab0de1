package io.bloomfit.cli;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.host.Plugins;
import io.bloomfit.experiment.keep.KeptModel;
import io.bloomfit.experiment.keep.KeptModelException;
import io.bloomfit.experiment.keep.Recommendation;
import io.bloomfit.experiment.keep.UnknownUserException;
import java.io.IOException;
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
                + "(or a spec with keepModels: true) in DIR/models/<point>/.",
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
        KeptModel kept = KeptModel.read(modelDir);
        Plugins plugins = Plugins.shared();
        try (TrainedModel model = plugins.trainers().forName(trainer).load(modelDir, plugins)) {
            List<Recommendation> items;
            try {
                kept.userIndex(user, model.numUsers()); // an unknown user is reported before the note below
                if (!includeSeen && !kept.hasTrainItems()) {
                    var err = spec.commandLine().getErr();
                    err.println("bloomfit: this model was saved without its training items; seen items are not "
                            + "excluded; re-run with --save-models to save them");
                    err.flush();
                }
                items = kept.recommend(model, user, k, includeSeen);
            } catch (UnknownUserException e) {
                throw new UserError(e.userIds() != null
                        ? "--user '" + user + "' is not in " + e.userIds() + " (" + e.users() + " users)"
                        : "--user '" + user + "': without an id map the user is an index in 0.." + (e.users() - 1));
            } catch (KeptModelException e) {
                throw new UserError(e.getMessage() + "; re-run with --save-models to save "
                        + (e.lineCount() ? "matching files" : "the file again") + ", or pass --include-seen");
            }
            var out = spec.commandLine().getOut();
            out.println("rank  item  score");
            for (Recommendation r : items) {
                out.println(String.format(Locale.ROOT, "%d  %s  %.6f", r.rank(), r.item(), r.score()));
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
