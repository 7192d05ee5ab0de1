import io.bloomfit.data.Split;
import io.bloomfit.library.Data;
import io.bloomfit.library.Embedding;
import io.bloomfit.library.Recommender;

import java.nio.file.Path;
import java.util.List;

/**
 * The Bloom embeddings paper's usage, in Java: MovieLens 100K (a local u.data given as the argument; without one,
 * its built-in synthetic stand-in), a random 80/20 split, Bloom embeddings of both users and items (ratio 0.4, k =
 * 2) with each hash function, an implicit factorization model trained with BPR, and its test MRR.
 *
 * <p>Run: {@code ./mvnw -q -pl library -am package -DskipTests} once, then
 * {@code java -cp "library/target/classes:$(cat library/target/classpath.txt)"
 * examples/java/BloomEmbeddingsExample.java [u.data]}.
 */
public class BloomEmbeddingsExample {

    public static void main(String[] args) {
        Data data = args.length > 0 ? Data.movieLens(Path.of(args[0])) : Data.synthetic("synthetic-ml100k");
        Split split = data.randomSplit(0.2, 42);
        for (String hash : List.of("murmur3_32", "xxh64", "md5", "sha1", "sha256")) {
            Embedding bloom = Embedding.bloom(0.4).hashes(2).hash(hash);
            try (Recommender model = Recommender.implicit().users(bloom).items(bloom).dimension(32).loss("bpr")
                    .epochs(10).batchSize(1024).learningRate(1e-2).l2(1e-6).fit(split.train())) {
                System.out.printf("%-10s MRR %.4f%n", hash, model.mrr(split.test()));
            }
        }
    }
}
