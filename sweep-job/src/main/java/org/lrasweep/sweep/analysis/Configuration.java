package org.lrasweep.sweep.analysis;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * A trial's parameters without its seed: what the seeds of a sweep are replicates of, and the
 * unit of the summary table.
 */
public record Configuration(String task, int length, String algorithm, int hidden, int batch, int testSize,
                            int checkEvery, int patience, int maxIterations, double solvedError, double learningRate,
                            double clip, double alpha, String lraVariant, Double lraBeta, Integer lraK,
                            String lraNormalize, String lraLocalLoss) {

    /** The columns of a configuration in the summary and comparisons tables, in order. */
    public static final List<String> COLUMNS = List.of("task", "length", "algorithm", "hidden", "batch", "test_size",
            "check_every", "patience", "max_iterations", "solved_error", "learning_rate", "clip", "alpha", "lra_variant",
            "lra_beta", "lra_k", "lra_normalize", "lra_local_loss");

    /** The configuration of a row of the trials table. */
    public static Configuration of(Row r) {
        return new Configuration(r.getAs("task"), r.<Integer>getAs("length"), r.getAs("algorithm"), r.<Integer>getAs("hidden"),
                r.<Integer>getAs("batch"), r.<Integer>getAs("test_size"), r.<Integer>getAs("check_every"),
                r.<Integer>getAs("patience"), r.<Integer>getAs("max_iterations"), r.<Double>getAs("solved_error"),
                r.<Double>getAs("learning_rate"), r.<Double>getAs("clip"), r.<Double>getAs("alpha"), r.getAs("lra_variant"),
                r.getAs("lra_beta"), r.getAs("lra_k"), r.getAs("lra_normalize"), r.getAs("lra_local_loss"));
    }

    /** Values in {@link #COLUMNS} order. */
    public Object[] values() {
        return new Object[] {task, length, algorithm, hidden, batch, testSize, checkEvery, patience, maxIterations,
            solvedError, learningRate, clip, alpha, lraVariant, lraBeta, lraK, lraNormalize, lraLocalLoss};
    }

    /** A stable short id: the first 12 hex digits of the SHA-256 of the values. */
    public String id() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.asList(values()).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isLra() {
        return "lra".equals(algorithm);
    }

    /** The method, as the paper names them: BPTT, LRA (alpha = 0) or regularized LRA (alpha > 0), with the variant. */
    public String method() {
        if (!isLra()) {
            return alpha > 0 ? "BPTT+reg a=" + num(alpha) : "BPTT";
        }
        return "LRA " + lraVariant + (alpha > 0 ? " a=" + num(alpha) : "");
    }

    /** The method with the settings that tell its configurations apart. */
    public String label() {
        String s = method() + " (lr " + num(learningRate);
        if (isLra()) {
            s += ", beta " + num(lraBeta) + ", K " + lraK + ", c " + num(clip)
                    + ("clip".equals(lraNormalize) ? "" : ", " + lraNormalize) + ("log-penalty".equals(lraLocalLoss) ? "" : ", " + lraLocalLoss);
        } else {
            s += ", clip " + num(clip);
        }
        return s + ")";
    }

    /** The settings compared configurations must share: task, length and the protocol. */
    public List<Object> protocol() {
        return List.of(task, length, hidden, batch, testSize, checkEvery, patience, maxIterations, solvedError);
    }

    /** For LRA: everything but alpha, so alpha > 0 can be paired with its alpha = 0 twin. */
    public List<Object> lraWithoutAlpha() {
        return List.of(protocol(), String.valueOf(lraVariant), learningRate, String.valueOf(lraBeta), String.valueOf(lraK),
                clip, String.valueOf(lraNormalize), String.valueOf(lraLocalLoss));
    }

    static String num(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
