package org.lrasweep.sweep.analysis;

import static org.lrasweep.kernel.param.TrialParameters.ALGORITHM;
import static org.lrasweep.kernel.param.TrialParameters.BPTT_ALPHA;
import static org.lrasweep.kernel.param.TrialParameters.LRA_ALPHA;
import static org.lrasweep.kernel.param.TrialParameters.SEED;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.lrasweep.kernel.param.Param;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.Scope;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.sweep.grid.Labels;
import org.lrasweep.sweep.grid.TrialId;

/**
 * A trial's parameters without its seed: what the seeds of a sweep are replicates of, and the unit
 * of the summary table. Its columns, values and id derive from the parameter declarations, like the
 * trials table's; the id is the trial id's hash without the seed line ({@link TrialId#configId}).
 */
public final class Configuration {
    private final ParamValues values;
    private final String id;

    private Configuration(ParamValues values) {
        this.values = values;
        this.id = TrialId.configId(values);
    }

    /** The parameters of the summary and comparison tables: all but the seed, in column order. */
    public static List<Param<?>> parameters() {
        return TrialParameters.ALL.stream().filter(p -> p != SEED).toList();
    }

    /** The configuration of these values (the seed is ignored). */
    public static Configuration of(ParamValues values) {
        return new Configuration(values.toConfig().values());
    }

    /** The configuration of a row of the trials table (read through {@link org.lrasweep.sweep.run.TrialsTable}). */
    public static Configuration of(Row r) {
        return of(org.lrasweep.sweep.run.TrialsTable.values(r));
    }

    /** The value of a parameter; null where it does not apply to this algorithm. */
    public <T> T get(Param<T> param) {
        return values.get(param);
    }

    /** Values of {@link #parameters()}, in order. */
    public Object[] values() {
        return parameters().stream().map(values::get).toArray();
    }

    /** The configuration id: 16 hex digits, stable across sweeps and runs. */
    public String id() {
        return id;
    }

    public String task() {
        return values.get(TrialParameters.TASK);
    }

    public int length() {
        return values.get(TrialParameters.LENGTH);
    }

    public int checkEvery() {
        return values.get(TrialParameters.CHECK_EVERY);
    }

    public boolean isLra() {
        return values.algorithm() == Algorithm.LRA;
    }

    /** The weight of the algorithm's gradient-flow regularizer ({@code bptt.alpha} or {@code lra.alpha}). */
    public double alpha() {
        return Labels.alpha(values);
    }

    /** The method, as the paper names them ({@link Labels#method}). */
    public String method() {
        return Labels.method(values);
    }

    /**
     * The order of every table and figure legend: task in the paper's order (temporal order, its
     * 3-bit variant, random permutation, adding), length, method (BPTT, LRA released, LRA local;
     * unregularized first), then the settings as the label names them.
     */
    public static final java.util.Comparator<Configuration> PAPER_ORDER = java.util.Comparator
            .comparingInt((Configuration c) -> org.lrasweep.kernel.task.Tasks.names().indexOf(c.task()))
            .thenComparingInt(Configuration::length)
            .thenComparingInt(c -> List.of("bptt", "lra-released", "lra-local").indexOf(c.methodKey()))
            .thenComparingDouble(Configuration::alpha)
            .thenComparing(Configuration::label)
            .thenComparing(Configuration::id);

    /** The method without its regularizer weight ({@link Labels#methodKey}). */
    public String methodKey() {
        return Labels.methodKey(values);
    }

    /** The method with the settings that tell its configurations apart ({@link Labels#label}). */
    public String label() {
        return Labels.label(values);
    }

    /** The settings compared configurations must share: every shared parameter but the algorithm. */
    public List<Object> protocol() {
        return valuesWhere(p -> p.scope() == Scope.SHARED && p != ALGORITHM);
    }

    /** Everything but the regularizer weight, so a regularized configuration can be paired with its alpha = 0 twin. */
    public List<Object> withoutAlpha() {
        return valuesWhere(p -> p != LRA_ALPHA && p != BPTT_ALPHA);
    }

    /** Everything but the LRA variant, so a released configuration can be paired with its local twin. */
    public List<Object> withoutVariant() {
        return valuesWhere(p -> p != TrialParameters.LRA_VARIANT);
    }

    /** Everything but LRA's normalization, so a configuration without clipping can be paired with its clipped twin. */
    public List<Object> withoutNormalize() {
        return valuesWhere(p -> p != TrialParameters.LRA_NORMALIZE);
    }

    /** Everything but the sequence length, so one method's configurations can be followed across lengths. */
    public List<Object> withoutLength() {
        return valuesWhere(p -> p != TrialParameters.LENGTH);
    }

    /** Everything but the Omega guard, so a run without the guard can be paired with its guarded twin. */
    public List<Object> withoutGuard() {
        return valuesWhere(p -> p != TrialParameters.LRA_OMEGA_GUARD);
    }

    /** Whether this is LRA with the Omega guard off: the authors' arithmetic, which turns a zero error signal into NaN. */
    public boolean isGuardOff() {
        return isLra() && "off".equals(get(TrialParameters.LRA_OMEGA_GUARD));
    }

    /** Whether this is LRA with its target and update norms clipped (normalize = clip, the paper's setting). */
    public boolean isClipped() {
        return isLra() && "clip".equals(get(TrialParameters.LRA_NORMALIZE));
    }

    /** Whether this is LRA with no normalization at all (normalize = off): the clipping claim's twin. */
    public boolean isUnclipped() {
        return isLra() && "off".equals(get(TrialParameters.LRA_NORMALIZE));
    }

    /** The values of the parameters (never the seed) that pass the filter, in column order. */
    private List<Object> valuesWhere(Predicate<Param<?>> keep) {
        List<Object> p = new ArrayList<>();
        values.asMap().forEach((param, value) -> {
            if (param != SEED && keep.test(param)) {
                p.add(value);
            }
        });
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && id.equals(c.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return label();
    }
}
