package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * A split whose parts were given as files: each is loaded with the dataset's own loader, and every part is mapped
 * into the TRAINING part's index space (one index: the training file's user and item ids). A test or validation
 * pair whose user or item never occurs in training has no index there; it is counted and left out, as evaluation
 * leaves out cold-start pairs of a drawn split.
 *
 * @param dataset           the training part as loaded, whose id indexes are the split's index space
 * @param split             train, validation (empty when none was given) and test over that index space
 * @param unseenTest        test pairs left out because their user or item never occurs in training
 * @param unseenValidation  validation pairs left out for the same reason
 */
public record FileSplit(Dataset dataset, Split split, long unseenTest, long unseenValidation) {

    public FileSplit {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(split, "split");
    }

    /**
     * Loads the parts through {@code loader} (the dataset section's loader pointed at one file) and maps them.
     *
     * @throws DatasetLoadException when a file cannot be read (from the loader, naming file and line)
     */
    public static FileSplit read(SplitFiles files, Function<Path, Dataset> loader) {
        Dataset train = loader.apply(Path.of(files.train()));
        Mapped test = map(loader.apply(Path.of(files.test())), train);
        Mapped validation = files.validation() == null
                ? new Mapped(SplitSpec.empty(train.interactions()), 0)
                : map(loader.apply(Path.of(files.validation())), train);
        String description = "files(train=" + files.train() + ", test=" + files.test()
                + (files.validation() == null ? "" : ", validation=" + files.validation()) + "; "
                + test.unseen + " test pairs with a user or item not in train left out"
                + (files.validation() == null ? "" : ", " + validation.unseen + " validation pairs") + ")";
        Split split = Split.of(train.interactions(), validation.interactions, test.interactions, description);
        return new FileSplit(train, split, test.unseen, validation.unseen);
    }

    private record Mapped(Interactions interactions, long unseen) {
    }

    /** {@code part}'s pairs in {@code train}'s index space; pairs with an id train lacks are counted, not kept. */
    private static Mapped map(Dataset part, Dataset train) {
        Interactions in = part.interactions();
        int[] userOf = translate(part.userIds(), train.userIds());
        int[] itemOf = translate(part.itemIds(), train.itemIds());
        int n = in.size();
        int[] users = new int[n];
        int[] items = new int[n];
        float[] ratings = in.hasRatings() ? new float[n] : null;
        long[] timestamps = in.hasTimestamps() ? new long[n] : null;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int u = userOf[in.user(i)];
            int it = itemOf[in.item(i)];
            if (u < 0 || it < 0) {
                continue;
            }
            users[kept] = u;
            items[kept] = it;
            if (ratings != null) {
                ratings[kept] = in.rating(i);
            }
            if (timestamps != null) {
                timestamps[kept] = in.timestamp(i);
            }
            kept++;
        }
        Interactions mapped = new Interactions(train.numUsers(), train.numItems(), Arrays.copyOf(users, kept),
                Arrays.copyOf(items, kept), ratings == null ? null : Arrays.copyOf(ratings, kept),
                timestamps == null ? null : Arrays.copyOf(timestamps, kept));
        return new Mapped(mapped, n - kept);
    }

    /** For each index of {@code from}, the index of the same id in {@code to}, or -1. */
    private static int[] translate(IdIndex from, IdIndex to) {
        int[] out = new int[from.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = to.indexOf(from.idOf(i));
        }
        return out;
    }
}
