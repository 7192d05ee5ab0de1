package io.bloomfit.engine.factorization.step;

import io.bloomfit.api.train.Loss;

/**
 * The implicit losses of one example, a positive score {@code pos} against one negative score {@code neg}, with
 * their derivatives in closed form: the one definition every trainer without autograd uses (the fused sparse step,
 * and any other Java step), and the one the {@code djl} graph is checked against.
 * <ul>
 *   <li>{@code pointwise}: {@code softplus(-pos) + softplus(neg)}; d/dpos {@code -sigmoid(-pos)}, d/dneg
 *       {@code sigmoid(neg)};</li>
 *   <li>{@code bpr}: {@code softplus(neg - pos) = -log sigmoid(pos - neg)}; d/dpos {@code -sigmoid(neg - pos)};</li>
 *   <li>{@code hinge} (and {@code adaptive-hinge}, given the hardest negative): {@code max(0, 1 - pos + neg)};
 *       d/dpos {@code -1} inside the margin, else 0;</li>
 *   <li>{@code bpr-bounded}: Spotlight's {@code bpr_loss} in {@code spotlight/losses.py},
 *       {@code 1 - sigmoid(pos - neg)}; with {@code s = sigmoid(pos - neg)}, d/dpos {@code -s (1 - s)};</li>
 *   <li>{@code pointwise-bounded}: Spotlight's {@code pointwise_loss} in {@code spotlight/losses.py},
 *       {@code (1 - sigmoid(pos)) + sigmoid(neg)}; d/dpos {@code -sigmoid(pos) (1 - sigmoid(pos))}, d/dneg
 *       {@code sigmoid(neg) (1 - sigmoid(neg))}.</li>
 * </ul>
 * For the pairwise losses d/dneg is minus d/dpos. Spotlight averages over the batch, as the callers do.
 */
public final class PairLoss {

    private PairLoss() {
    }

    /**
     * The loss of one example; writes d/dpos into {@code gradient[0]} and d/dneg into {@code gradient[1]}.
     *
     * @throws IllegalArgumentException for {@code regression}, the explicit model's loss
     */
    public static double of(Loss loss, float pos, float neg, float[] gradient) {
        switch (loss) {
            case POINTWISE -> {
                gradient[0] = -sigmoid(-pos);
                gradient[1] = sigmoid(neg);
                return softplus(-pos) + softplus(neg);
            }
            case BPR -> {
                float x = neg - pos;
                pairwise(sigmoid(x), gradient);
                return softplus(x);
            }
            case HINGE, ADAPTIVE_HINGE -> {
                float x = neg - pos + 1f;
                pairwise(x > 0 ? 1f : 0f, gradient);
                return Math.max(0f, x);
            }
            case BPR_BOUNDED -> {
                float s = sigmoid(pos - neg);
                pairwise(s * (1 - s), gradient);
                return 1 - s;
            }
            case POINTWISE_BOUNDED -> {
                float sp = sigmoid(pos);
                float sn = sigmoid(neg);
                gradient[0] = -sp * (1 - sp);
                gradient[1] = sn * (1 - sn);
                return (1 - sp) + sn;
            }
            default -> throw new IllegalArgumentException("regression is the explicit model's loss");
        }
    }

    /** Whether the loss depends on {@code pos - neg} only (so a user's bias cancels and gets no gradient). */
    public static boolean pairwise(Loss loss) {
        return loss == Loss.BPR || loss == Loss.HINGE || loss == Loss.ADAPTIVE_HINGE || loss == Loss.BPR_BOUNDED;
    }

    private static void pairwise(float dNeg, float[] gradient) {
        gradient[0] = -dNeg;
        gradient[1] = dNeg;
    }

    /** PyTorch's softplus (beta 1, threshold 20). */
    static double softplus(float x) {
        return x > 20f ? x : Math.log1p(Math.exp(x));
    }

    static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}
