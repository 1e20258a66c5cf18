package org.lrasweep.kernel.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.fixture.Fixtures;
import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.task.Batch;

/**
 * The paper's central effect on its own size of problem (temporal order, T = 20, H = 100, B = 20,
 * log-penalty, K = 10, beta = 10, c = 1), on the weights and batch of the public paper fixtures:
 * without the regularizer the local losses vanish backwards in time despite the decomposition;
 * with alpha = 0.1 they do not.
 */
class GradientFlowEffectTest {
    private static final int T = 20;

    @Test
    void unregularizedReleasedLossesVanishBelowTheTopTwoSteps() throws IOException {
        double[] ell = localLosses("released", 0.0);
        for (int l = 0; l <= T - 3; l++) {
            assertTrue(ell[l] < 1e-12, "released, alpha 0, step " + l + ": " + ell[l]);
        }
        assertTrue(ell[T - 1] > 1e-3);
    }

    @Test
    void unregularizedLocalLossesDecayGeometrically() throws IOException {
        double[] ell = localLosses("local", 0.0);
        for (int l = 0; l <= T - 6; l++) {
            assertTrue(ell[l] < 1e-12, "local, alpha 0, step " + l + ": " + ell[l]);
        }
        for (int l = T - 5; l <= T - 2; l++) {
            assertTrue(ell[l] < 0.1 * ell[l + 1], "local, alpha 0: no geometric decay from step " + (l + 1) + " to " + l);
        }
    }

    @Test
    void theRegularizerKeepsEveryStepAlive() throws IOException {
        for (String variant : new String[] {"released", "local"}) {
            double[] ell = localLosses(variant, 0.1);
            for (int l = 1; l <= T - 1; l++) {
                assertTrue(ell[l] > 1e-9, variant + ", alpha 0.1, step " + l + ": " + ell[l]);
            }
        }
    }

    private static double[] localLosses(String variant, double alpha) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Fixtures.named("lra-" + variant + "_paper_log-penalty_a"
                + (alpha == 0 ? "0" : "0.1") + "_c1_b10_k10.json").toFile());
        JsonNode in = root.path("inputs");
        Weights w = new Weights(matrix(in.path("weights").path("Wxh")), matrix(in.path("weights").path("Whh")),
                matrix(in.path("weights").path("Why")), matrix(in.path("weights").path("bh")), matrix(in.path("weights").path("by")));
        Batch batch = symbols(in.path("x"), in.path("y"));
        LraSettings s = TrialRunnerTest.lra(variant, alpha);
        return LraTrainers.create(s).compute(w, batch).diagnostics().localLosses();
    }

    private static Matrix matrix(JsonNode node) {
        boolean nested = node.get(0).isArray();
        int rows = nested ? node.size() : 1;
        int cols = nested ? node.get(0).size() : node.size();
        float[] v = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = (float) (nested ? node.get(i).get(j) : node.get(j)).asDouble();
            }
        }
        return Matrix.of(v, rows, cols);
    }

    /** The one-hot x [T][B][I] and y [B][O] as symbols and labels. */
    private static Batch symbols(JsonNode x, JsonNode y) {
        int b = x.get(0).size();
        int[] symbols = new int[T * b];
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < b; i++) {
                symbols[t * b + i] = argmax(x.get(t).get(i));
            }
        }
        int[] labels = new int[b];
        for (int i = 0; i < b; i++) {
            labels[i] = argmax(y.get(i));
        }
        return Batch.ofSymbols(T, b, x.get(0).get(0).size(), y.get(0).size(), symbols, labels);
    }

    private static int argmax(JsonNode v) {
        int best = 0;
        for (int k = 1; k < v.size(); k++) {
            if (v.get(k).asDouble() > v.get(best).asDouble()) {
                best = k;
            }
        }
        return best;
    }
}
