package org.lrasweep.sweep.grid;

import static org.lrasweep.kernel.param.TrialParameters.BPTT_ALPHA;
import static org.lrasweep.kernel.param.TrialParameters.LRA_ALPHA;
import static org.lrasweep.kernel.param.TrialParameters.LRA_VARIANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lrasweep.kernel.param.Param;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.Scope;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.kernel.train.Algorithm;

/** The names of a configuration for people: its method and its label, as tables and the report show them. */
public final class Labels {
    private Labels() {
    }

    /** The weight of the algorithm's gradient-flow regularizer ({@code bptt.alpha} or {@code lra.alpha}). */
    public static double alpha(ParamValues v) {
        return v.algorithm() == Algorithm.LRA ? v.get(LRA_ALPHA) : v.get(BPTT_ALPHA);
    }

    /**
     * The method without its regularizer weight, as adaptive sweeps group by it: {@code bptt},
     * {@code lra-released} or {@code lra-local}.
     */
    public static String methodKey(ParamValues v) {
        return v.algorithm() == Algorithm.LRA ? "lra-" + v.get(LRA_VARIANT) : "bptt";
    }

    /**
     * The method, as the paper names them: {@code BPTT}, {@code LRA <variant>} (alpha = 0) or
     * regularized LRA ({@code LRA <variant> a=<alpha>}); BPTT with Pascanu's regularizer is
     * {@code BPTT+reg a=<alpha>}.
     */
    public static String method(ParamValues v) {
        double alpha = alpha(v);
        if (v.algorithm() != Algorithm.LRA) {
            return alpha > 0 ? "BPTT+reg a=" + BPTT_ALPHA.canonical(alpha) : "BPTT";
        }
        return "LRA " + v.get(LRA_VARIANT) + (alpha > 0 ? " a=" + LRA_ALPHA.canonical(alpha) : "");
    }

    /**
     * The method with the settings of its own algorithm that tell its configurations apart: every
     * number by its symbol; names, and parameters declared after the first results were stored, only
     * where they differ from their default.
     */
    public static String label(ParamValues v) {
        List<String> parts = new ArrayList<>();
        for (Param<?> p : TrialParameters.ALL) {
            if (p.scope() == Scope.SHARED || p == LRA_VARIANT || p == LRA_ALPHA || p == BPTT_ALPHA || !p.scope().appliesTo(v.algorithm())) {
                continue;
            }
            Object value = v.get(p);
            boolean always = p.type() != Param.Type.NAME && p.identity() == Param.Identity.ALWAYS;
            if (always || !Objects.equals(value, p.defaultValue())) {
                parts.add(p.symbol() + " " + p.canonical(value));
            }
        }
        return method(v) + " (" + String.join(", ", parts) + ")";
    }
}
