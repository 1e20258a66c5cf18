package org.lrasweep.sweep.grid;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.kernel.train.BpttSettings;
import org.lrasweep.kernel.train.LraSettings;
import org.lrasweep.kernel.train.TrialConfig;

/**
 * The stable identity of a trial: the first 16 hex digits of the SHA-256 of its canonical
 * parameter set. The canonical set has one line {@code key=value} per parameter that affects the
 * trial, sorted by key, joined with newlines: the spec keys {@code task, length, seed, algorithm,
 * hidden, batch, test-size, check-every, patience, max-iterations, solved-error} and the keys of
 * its own algorithm only ({@code bptt.*} or {@code lra.*}). Numbers are written in plain decimal
 * without trailing zeros ({@code 10}, not {@code 10.0}; {@code 0.0001}, not {@code 1e-4}), names as
 * configured. So the id depends on what the trial computes and nothing else: adding seeds or axis
 * values to a spec adds ids and changes none.
 */
public final class TrialId {
    private TrialId() {
    }

    /** The id of a trial. */
    public static String of(TrialConfig config) {
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> e : canonicalParameters(config).entrySet()) {
            if (!canonical.isEmpty()) {
                canonical.append('\n');
            }
            canonical.append(e.getKey()).append('=').append(e.getValue());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The canonical parameter set, by spec key. */
    public static SortedMap<String, String> canonicalParameters(TrialConfig c) {
        SortedMap<String, String> p = new TreeMap<>();
        p.put("task", c.task());
        p.put("length", number(c.length()));
        p.put("seed", number(c.seed()));
        p.put("algorithm", c.algorithm().configName());
        p.put("hidden", number(c.hidden()));
        p.put("batch", number(c.batch()));
        p.put("test-size", number(c.testSize()));
        p.put("check-every", number(c.checkEvery()));
        p.put("patience", number(c.patience()));
        p.put("max-iterations", number(c.maxIterations()));
        p.put("solved-error", number(c.solvedError()));
        if (c.algorithm() == Algorithm.BPTT) {
            BpttSettings b = c.bptt();
            p.put("bptt.learning-rate", number(b.learningRate()));
            p.put("bptt.clip", number(b.clip()));
            p.put("bptt.alpha", number(b.alpha()));
        } else {
            LraSettings l = c.lra();
            p.put("lra.variant", l.variant().configName());
            p.put("lra.learning-rate", number(l.learningRate()));
            p.put("lra.beta", number(l.beta()));
            p.put("lra.k", number(l.k()));
            p.put("lra.c", number(l.c()));
            p.put("lra.normalize", l.normalize().configName());
            p.put("lra.alpha", number(l.alpha()));
            p.put("lra.local-loss", l.localLoss().configName());
        }
        return p;
    }

    static String number(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    static String number(long v) {
        return Long.toString(v);
    }
}
