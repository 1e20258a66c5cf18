package org.lrasweep.kernel.param;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.lrasweep.kernel.train.TrialConfig;

/**
 * One trial parameter, declared once (in {@link TrialParameters}): its key, value type, default,
 * validity rule, whether it enters the trial id, a one-sentence doc, and how to read it off a
 * {@link TrialConfig}. Parsing (specs and command lines), the canonical id string, the Parquet
 * column, the CLI's JSON and the generated docs all derive from this declaration, so the same
 * name and the same rules hold everywhere. Values are {@code Integer}, {@code Long}, {@code Double}
 * or {@code String} (a name from a fixed list).
 *
 * @param <T> the value's Java type
 */
public final class Param<T> {
    /** Value types. */
    public enum Type {
        INT("integer"), LONG("integer"), DOUBLE("number"), NAME("name");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        /** The type in words, as errors and docs say it. */
        public String word() {
            return word;
        }
    }

    /** Whether a value enters the trial id. */
    public enum Identity {
        /** Always: every parameter the first trials were stored with. */
        ALWAYS,
        /**
         * Only when it differs from the default: for parameters added later, so that every trial
         * stored before the parameter existed (which ran at its default) keeps its id.
         */
        UNLESS_DEFAULT
    }

    private final String key;
    private final Type type;
    private final T defaultValue;
    private final String symbol;
    private final String doc;
    private final Identity identity;
    private final List<String> names;
    private final Predicate<T> rule;
    private final String ruleText;
    private final Function<TrialConfig, T> getter;

    private Param(String key, Type type, T defaultValue, String symbol, String doc, Identity identity, List<String> names,
                  Predicate<T> rule, String ruleText, Function<TrialConfig, T> getter) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.symbol = symbol;
        this.doc = doc;
        this.identity = identity;
        this.names = names;
        this.rule = rule;
        this.ruleText = ruleText;
        this.getter = getter;
    }

    /** An integer parameter. */
    static Param<Integer> integer(String key, int defaultValue, String symbol, String doc, Function<TrialConfig, Integer> getter) {
        return new Param<>(key, Type.INT, defaultValue, symbol, doc, Identity.ALWAYS, List.of(), v -> true, null, getter);
    }

    /** A 64-bit integer parameter. */
    static Param<Long> longInteger(String key, long defaultValue, String symbol, String doc, Function<TrialConfig, Long> getter) {
        return new Param<>(key, Type.LONG, defaultValue, symbol, doc, Identity.ALWAYS, List.of(), v -> true, null, getter);
    }

    /** A real-valued parameter (always finite). */
    static Param<Double> real(String key, double defaultValue, String symbol, String doc, Function<TrialConfig, Double> getter) {
        return new Param<>(key, Type.DOUBLE, defaultValue, symbol, doc, Identity.ALWAYS, List.of(), Double::isFinite,
                "must be finite", getter);
    }

    /** A parameter whose value is one of the given names. */
    static Param<String> name(String key, String defaultValue, List<String> names, String symbol, String doc,
                              Function<TrialConfig, String> getter) {
        return new Param<>(key, Type.NAME, defaultValue, symbol, doc, Identity.ALWAYS, List.copyOf(names), v -> true, null, getter);
    }

    /** This declaration with a validity rule, stated in words as the docs and errors say it ("must be >= 1"). */
    Param<T> rule(Predicate<T> valid, String text) {
        Predicate<T> combined = ruleText == null ? valid : rule.and(valid);
        return new Param<>(key, type, defaultValue, symbol, doc, identity, names, combined, text, getter);
    }

    /** This declaration entering the trial id only when it differs from its default. */
    Param<T> inIdUnlessDefault() {
        return new Param<>(key, type, defaultValue, symbol, doc, Identity.UNLESS_DEFAULT, names, rule, ruleText, getter);
    }

    /** The key in specs and on command lines ({@code lra.beta}); also the key in the trial id. */
    public String key() {
        return key;
    }

    /** The column in tables and the field in JSON: the key with {@code .} and {@code -} as {@code _}. */
    public String column() {
        return key.replace('.', '_').replace('-', '_');
    }

    public Scope scope() {
        return Scope.ofKey(key);
    }

    public Type type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The paper's symbol for it (beta, K, eta), used in labels. */
    public String symbol() {
        return symbol;
    }

    public String doc() {
        return doc;
    }

    public Identity identity() {
        return identity;
    }

    /** The allowed names of a {@link Type#NAME} parameter, else empty. */
    public List<String> names() {
        return names;
    }

    /** The validity rule in words, or null when any value of the type is valid. */
    public String ruleText() {
        return ruleText;
    }

    /** The value of this parameter in a trial configuration that has it. */
    public T get(TrialConfig config) {
        return getter.apply(config);
    }

    /** True when this value enters the trial id. */
    public boolean inId(Object value) {
        return identity == Identity.ALWAYS || !Objects.equals(value, defaultValue);
    }

    /**
     * The value, checked against the rule.
     *
     * @throws IllegalArgumentException {@code "KEY = VALUE: RULE"}
     */
    public T check(T value) {
        if (value == null || !rule.test(value)) {
            throw new IllegalArgumentException(key + " = " + value + ": " + (ruleText == null ? "required" : ruleText));
        }
        return value;
    }

    /**
     * Parses one value strictly: a number where an integer is declared must be a whole number (never
     * truncated), a name must be one of the allowed names, and a number is never taken as a name.
     * Strings are parsed as numbers where numbers are declared (command lines, HOCON strings).
     *
     * @param raw an {@code Integer}, {@code Long}, {@code Double} or {@code String}
     * @throws IllegalArgumentException one line naming the key and the value
     */
    public T parse(Object raw) {
        return check(type == Type.NAME ? name(raw) : number(raw));
    }

    @SuppressWarnings("unchecked")
    private T name(Object raw) {
        if (!(raw instanceof String s)) {
            throw new IllegalArgumentException(key + ": expected a name, got " + raw);
        }
        if (!names.contains(s)) {
            throw new IllegalArgumentException(key + " = " + s + ": unknown (known: " + String.join(", ", names) + ")");
        }
        return (T) s;
    }

    @SuppressWarnings("unchecked")
    private T number(Object raw) {
        BigDecimal v;
        try {
            if (raw instanceof Integer || raw instanceof Long) {
                v = BigDecimal.valueOf(((Number) raw).longValue());
            } else if (raw instanceof Double d) {
                v = new BigDecimal(d.toString());
            } else if (raw instanceof String s) {
                v = new BigDecimal(s.trim());
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected " + article() + ", got " + quoted(raw));
        }
        if (type == Type.DOUBLE) {
            return (T) Double.valueOf(v.doubleValue());
        }
        try {
            long whole = v.longValueExact();
            if (type == Type.INT) {
                return (T) Integer.valueOf(Math.toIntExact(whole));
            }
            return (T) Long.valueOf(whole);
        } catch (ArithmeticException e) {
            String why = v.stripTrailingZeros().scale() > 0 ? "not a whole number" : "out of range";
            throw new IllegalArgumentException(key + ": expected " + article() + ", got " + v.toPlainString() + " (" + why + ")");
        }
    }

    private String article() {
        return type == Type.INT || type == Type.LONG ? "an integer" : "a number";
    }

    private static String quoted(Object raw) {
        return raw instanceof String s ? "'" + s + "'" : String.valueOf(raw);
    }

    /**
     * A value in the canonical form of trial ids: names as they are, numbers in plain decimal
     * without trailing zeros ({@code 10}, not {@code 10.0}; {@code 0.0001}, not {@code 1e-4}).
     */
    public String canonical(Object value) {
        if (value instanceof Double d) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return key;
    }
}
