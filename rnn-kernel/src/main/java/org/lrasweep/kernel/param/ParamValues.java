package org.lrasweep.kernel.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.kernel.train.TrialConfig;

/**
 * A value for every trial parameter (like Spark's {@code ParamMap}): start from
 * {@link #defaults()}, set what differs with {@link #with}, then {@link #toConfig()} validates the
 * whole and builds the kernel's {@link TrialConfig}. Parameters that do not apply to a trial's
 * algorithm are null in {@link #of(TrialConfig)}. Immutable.
 */
public final class ParamValues {
    private final Map<Param<?>, Object> values;

    private ParamValues(Map<Param<?>, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Every parameter at its default. */
    public static ParamValues defaults() {
        Map<Param<?>, Object> v = new LinkedHashMap<>();
        for (Param<?> p : TrialParameters.ALL) {
            v.put(p, p.defaultValue());
        }
        return new ParamValues(v);
    }

    /** The parameters of a trial; those of the other algorithm are null. */
    public static ParamValues of(TrialConfig config) {
        Map<Param<?>, Object> v = new LinkedHashMap<>();
        for (Param<?> p : TrialParameters.ALL) {
            v.put(p, p.scope().appliesTo(config.algorithm()) ? p.get(config) : null);
        }
        return new ParamValues(v);
    }

    /** A copy with one value replaced (checked against the parameter's rule). */
    public <T> ParamValues with(Param<T> param, T value) {
        Map<Param<?>, Object> v = new LinkedHashMap<>(values);
        v.put(param, param.check(value));
        return new ParamValues(v);
    }

    /** A copy with one value parsed strictly from a spec or command-line value ({@link Param#parse}). */
    public ParamValues withParsed(Param<?> param, Object raw) {
        Map<Param<?>, Object> v = new LinkedHashMap<>(values);
        v.put(param, param.parse(raw));
        return new ParamValues(v);
    }

    /** The value, or null for a parameter of the other algorithm. */
    @SuppressWarnings("unchecked")
    public <T> T get(Param<T> param) {
        return (T) values.get(param);
    }

    /** The algorithm these values are for. */
    public Algorithm algorithm() {
        return Algorithm.byName(get(TrialParameters.ALGORITHM));
    }

    /** Every parameter with its value, in column order. */
    public Map<Param<?>, Object> asMap() {
        return values;
    }

    /**
     * The validated configuration.
     *
     * @throws IllegalArgumentException one line naming the first invalid setting
     */
    public TrialConfig toConfig() {
        return TrialConfig.from(this);
    }

    /**
     * The canonical parameter set of trial ids: {@code key -> canonical value} for every parameter of
     * this algorithm that enters the id ({@link Param#inId}), sorted by key; without the seed when
     * {@code withSeed} is false (the identity of a configuration, whose seeds are replicates).
     */
    public SortedMap<String, String> canonical(boolean withSeed) {
        Algorithm algorithm = algorithm();
        SortedMap<String, String> p = new TreeMap<>();
        for (Map.Entry<Param<?>, Object> e : values.entrySet()) {
            Param<?> param = e.getKey();
            if ((withSeed || param != TrialParameters.SEED) && param.scope().appliesTo(algorithm) && param.inId(e.getValue())) {
                p.put(param.key(), param.canonical(e.getValue()));
            }
        }
        return p;
    }

    /**
     * The canonical parameter set of the trial's trajectory: {@link #canonical(boolean) canonical(true)}
     * without the {@link TrialParameters#STOPPING_RULE stopping rule}.
     */
    public SortedMap<String, String> trajectoryCanonical() {
        SortedMap<String, String> p = canonical(true);
        TrialParameters.STOPPING_RULE.forEach(param -> p.remove(param.key()));
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
