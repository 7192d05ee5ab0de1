package io.bloomfit.engine.factorization.onnx;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.engine.factorization.model.Factorized;
import io.bloomfit.engine.factorization.model.LookupPlan;
import io.bloomfit.engine.factorization.model.ModelFiles;
import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.TableId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a factorization model ({@link Factorized}: of the {@code cpu} or the {@code djl} trainer) as an ONNX model (opset 13) that computes
 * {@code scores[n] = <U(user), V(items[n])> + b_user + b_items[n]} from the compressed tables, with the index
 * maps (and lookup weights) stored as initializers, so any ONNX runtime scores exactly like the trained model.
 *
 * <p>Inputs: {@code user} (int64, shape [1]) and {@code items} (int64, shape [n]); output {@code scores}
 * (float32, shape [n]). Each side is: Gather rows of the entity, Gather those rows of the table, Mul by the
 * weights (when the layout has them; trained ones for trainable weights), then ReduceMean / ReduceSum / ReduceProd
 * over the k lookups, or a Reshape that concatenates them. Encoder layouts ({@code dhe}) are not exported. The file is
 * built in memory, so tables must stay under protobuf's 2 GB limit.
 */
public final class OnnxExporter {

    /** The ONNX operator set the exported graph uses. */
    public static final int OPSET = 13;
    private static final int IR_VERSION = 7;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;

    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private int counter;

    private OnnxExporter() {
    }

    /**
     * Exports {@code model} to {@code file}.
     *
     * @throws IllegalArgumentException when {@code model} is not a factorization model (one of the {@code cpu}, {@code hogwild} or
     *                                  {@code djl} trainer)
     */
    public static void export(TrainedModel model, Path file) throws IOException {
        if (!(model instanceof Factorized factorized)) {
            throw new IllegalArgumentException("ONNX export needs a factorization model (trainer cpu, hogwild or djl), got "
                    + model.getClass().getName());
        }
        FactorizationModel factorization = factorized.factorization();
        factorization.checkOpen();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, new OnnxExporter().build(factorization));
    }

    private byte[] build(FactorizationModel model) {
        ModelParameters p = model.parameters();
        int dimension = model.spec().architecture().dimension();
        String userVector = side("user", "user", p, TableId.USER_VECTORS, model.numUsers(), dimension);
        String itemVectors = side("item", "items", p, TableId.ITEM_VECTORS, model.numItems(), dimension);
        String userBias = side("user_bias", "user", p, TableId.USER_BIASES, model.numUsers(), 1);
        String itemBias = side("item_bias", "items", p, TableId.ITEM_BIASES, model.numItems(), 1);

        String products = node("Mul", List.of(userVector, itemVectors));            // [n, d]
        String dots = node("ReduceSum", List.of(products, longs("axis1", 1)), intAttr("keepdims", 0)); // [n]
        String withUser = node("Add", List.of(dots, userBias));                     // [n]
        String scores = "scores";
        nodes.add(nodeProto("Add", List.of(withUser, itemBias), scores, List.of()));

        ProtoWriter graph = new ProtoWriter();
        for (ProtoWriter node : nodes) {
            graph.message(1, node);
        }
        graph.string(2, "bloomfit_factorization_scores");
        for (ProtoWriter init : initializers) {
            graph.message(5, init);
        }
        graph.message(11, valueInfo("user", INT64, "1"));
        graph.message(11, valueInfo("items", INT64, "n"));
        graph.message(12, valueInfo("scores", FLOAT, "n"));

        ProtoWriter opset = new ProtoWriter().string(1, "").varint(2, OPSET);
        return new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, "bloomfit")
                .string(3, java.util.Objects.toString(ModelFiles.bloomfitVersion(), ""))
                .message(7, graph)
                .message(8, opset)
                .toByteArray();
    }

    /**
     * The combined embeddings ({@code width} > 1: shape [m, width]) or biases ({@code width} 1: shape [m]) of
     * the entities in input {@code input}, read through {@code table}'s lookup plan.
     */
    private String side(String prefix, String input, ModelParameters p, TableId table, int entities, int width) {
        LookupPlan plan = p.plans().of(table);
        int[] all = new int[entities];
        for (int e = 0; e < entities; e++) {
            all[e] = e;
        }
        float[] weights = switch (plan.kind()) { // null: every weight 1
            case PLAIN_ROWS, WEIGHTED_ROWS, BLOCKS -> plan.weightsOf(all);
            case TRAINABLE_WEIGHTS -> trainedWeights(plan, p.table(table.weights()), all);
            case ENCODER -> throw new IllegalArgumentException("ONNX export of encoder layouts (" + plan.encoder()
                    + ") is not supported: export a model whose layouts are row lookups");
        };
        int k = plan.lookups();
        int embeddingWidth = width;
        width = plan.rowWidth(width);
        int[] rows = plan.rowsOf(all);
        long[] rowsLong = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rowsLong[i] = rows[i];
        }
        String rowsName = prefix + "_rows";
        initializers.add(tensor(rowsName, INT64, new long[] {entities, k}, ProtoWriter.rawLongs(rowsLong)));
        String tableName = prefix + "_table";
        float[] values = p.table(table);
        long[] tableDims = width == 1 ? new long[] {values.length} : new long[] {values.length / width, width};
        initializers.add(tensor(tableName, FLOAT, tableDims, ProtoWriter.rawFloats(values)));

        String entityRows = node("Gather", List.of(rowsName, input));        // [m, k]
        String looked = node("Gather", List.of(tableName, entityRows));       // [m, k, width] or [m, k]
        if (weights != null) {
            String weightsName = prefix + "_weights";
            initializers.add(tensor(weightsName, FLOAT, new long[] {entities, k}, ProtoWriter.rawFloats(weights)));
            String w = node("Gather", List.of(weightsName, input));          // [m, k]
            if (width > 1) {
                w = node("Unsqueeze", List.of(w, longs(prefix + "_axis2", 2))); // [m, k, 1]
            }
            looked = node("Mul", List.of(looked, w));
        }
        Combiner combiner = plan.combiner();
        return switch (combiner) {
            case SUM -> node("ReduceSum", List.of(looked, longs(prefix + "_axis1", 1)), intAttr("keepdims", 0));
            case MEAN -> node("ReduceMean", List.of(looked), intsAttr("axes", 1), intAttr("keepdims", 0));
            case PRODUCT -> node("ReduceProd", List.of(looked), intsAttr("axes", 1), intAttr("keepdims", 0));
            case CONCAT -> node("Reshape", List.of(looked, shape(prefix + "_shape", -1, embeddingWidth)));
        };
    }

    /** The trained lookup weights of {@code entities} ({@code [i * k + j]}), read from the side's weight table. */
    private static float[] trainedWeights(LookupPlan plan, float[] trained, int[] entities) {
        int k = plan.lookups();
        float[] weights = new float[entities.length * k];
        int[] weightRows = plan.weightRowsOf(entities);
        for (int e = 0; e < entities.length; e++) {
            System.arraycopy(trained, weightRows[e] * k, weights, e * k, k);
        }
        return weights;
    }

    private String shape(String name, long... dims) {
        initializers.add(tensor(name, INT64, new long[] {dims.length}, ProtoWriter.rawLongs(dims)));
        return name;
    }

    private String longs(String name, long value) {
        initializers.add(tensor(name, INT64, new long[] {1}, ProtoWriter.rawLongs(new long[] {value})));
        return name;
    }

    private String node(String op, List<String> inputs, ProtoWriter... attributes) {
        String output = op.toLowerCase(java.util.Locale.ROOT) + "_" + (counter++);
        nodes.add(nodeProto(op, inputs, output, List.of(attributes)));
        return output;
    }

    private ProtoWriter nodeProto(String op, List<String> inputs, String output, List<ProtoWriter> attributes) {
        ProtoWriter node = new ProtoWriter();
        for (String in : inputs) {
            node.string(1, in);
        }
        node.string(2, output);
        node.string(3, output + "_node");
        node.string(4, op);
        for (ProtoWriter a : attributes) {
            node.message(5, a);
        }
        return node;
    }

    private static ProtoWriter intAttr(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
    }

    private static ProtoWriter intsAttr(String name, long... values) {
        ProtoWriter a = new ProtoWriter().string(1, name);
        for (long v : values) {
            a.varint(8, v);
        }
        return a.varint(20, ATTRIBUTE_INTS);
    }

    private static ProtoWriter tensor(String name, int type, long[] dims, byte[] raw) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, type).string(8, name).bytes(9, raw);
    }

    private static ProtoWriter valueInfo(String name, int type, String dim) {
        ProtoWriter dimension = new ProtoWriter();
        if (dim.chars().allMatch(Character::isDigit)) {
            dimension.varint(1, Long.parseLong(dim));
        } else {
            dimension.string(2, dim);
        }
        ProtoWriter shape = new ProtoWriter().message(1, dimension);
        ProtoWriter tensorType = new ProtoWriter().varint(1, type).message(2, shape);
        ProtoWriter typeProto = new ProtoWriter().message(1, tensorType);
        return new ProtoWriter().string(1, name).message(2, typeProto);
    }
}
