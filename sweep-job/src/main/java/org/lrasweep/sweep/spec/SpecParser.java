package org.lrasweep.sweep.spec;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.lrasweep.kernel.param.Param;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.sweep.adaptive.AdaptiveSettings;

/**
 * Reads a sweep spec: the user's HOCON file, command-line overrides ({@code key=value}, HOCON
 * syntax, highest precedence) and the defaults of {@code reference.conf} (root {@code lra-sweep}).
 * Every problem is a {@link SpecException} whose one-line message names the key; nothing is
 * written and nothing is started.
 */
public final class SpecParser {
    private static final String ROOT = "lra-sweep";

    private SpecParser() {
    }

    /** Parses the spec file with overrides. */
    public static SweepSpec parse(Path file, List<String> overrides) {
        File f = file.toFile();
        if (!f.isFile()) {
            throw new SpecException("spec file " + file + ": not found");
        }
        return parse("spec file " + file, () -> ConfigFactory.parseFile(f, ConfigParseOptions.defaults().setAllowMissing(false)),
                overrides);
    }

    /**
     * Parses a spec read from a Hadoop URI ({@code s3a://}, {@code hdfs://}, {@code gs://},
     * {@code file://}, ...) with overrides: how managed Spark services take a job's configuration.
     */
    public static SweepSpec parse(String uri, org.apache.hadoop.conf.Configuration hadoop, List<String> overrides) {
        String text;
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
            org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(hadoop);
            if (!fs.isFile(path)) {
                throw new SpecException("spec " + uri + ": not found");
            }
            try (var in = fs.open(path)) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new SpecException("spec " + uri + ": cannot be read (" + String.valueOf(e.getMessage()).replaceAll("\\s+", " ") + ")");
        }
        String read = text;
        return parse("spec " + uri, () -> ConfigFactory.parseString(read, ConfigParseOptions.defaults().setOriginDescription(uri)),
                overrides);
    }

    /** Parses a spec's text as {@code read} reads it; a syntax error names {@code what}. */
    private static SweepSpec parse(String what, java.util.function.Supplier<Config> read, List<String> overrides) {
        Config user;
        try {
            user = read.get();
        } catch (ConfigException e) {
            throw new SpecException(what + ": " + oneLine(e));
        }
        return parse(user, overrides);
    }

    /** Parses an already-read spec with overrides (tests, and specs shipped with {@code --files}). */
    public static SweepSpec parse(Config user, List<String> overrides) {
        Config merged = user;
        for (String o : overrides) {
            if (!o.contains("=") && !o.contains(":")) {
                throw new SpecException("override '" + o + "': expected key=value");
            }
            try {
                merged = ConfigFactory.parseString(o).withFallback(merged);
            } catch (ConfigException e) {
                throw new SpecException("override '" + o + "': " + oneLine(e));
            }
        }
        Config defaults = defaults();
        rejectUnknownKeys(merged, defaults);
        Config full;
        try {
            full = merged.withFallback(defaults).resolve();
        } catch (ConfigException e) {
            throw new SpecException(oneLine(e));
        }
        String name = string(full, "name");
        String output = string(full, "output");
        if (name.isBlank()) {
            throw new SpecException("name: must not be empty");
        }
        if (output.isBlank()) {
            throw new SpecException("output: must not be empty");
        }
        OutputLocation.checkScheme(output);
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (Param<?> param : TrialParameters.ALL) {
            if (param != TrialParameters.SEED) {
                axes.put(param.key(), axis(full, param));
            }
        }
        int partitions = integer(full, "spark.partitions");
        if (partitions < 0) {
            throw new SpecException("spark.partitions = " + partitions + ": must be >= 0 (0 = four per core)");
        }
        boolean progress;
        try {
            progress = full.getBoolean("spark.progress");
        } catch (ConfigException e) {
            throw new SpecException("spark.progress: " + oneLine(e));
        }
        try {
            List<Double> thresholds = full.getDoubleList("analysis.thresholds");
            if (thresholds.isEmpty() || thresholds.stream().anyMatch(t -> !(t > 0 && t <= 1))) {
                throw new SpecException("analysis.thresholds = " + thresholds + ": a non-empty list of test errors in (0, 1]");
            }
        } catch (ConfigException e) {
            throw new SpecException("analysis.thresholds: " + oneLine(e));
        }
        double checkpointMinutes;
        try {
            checkpointMinutes = full.getDouble("checkpoint-every");
        } catch (ConfigException e) {
            throw new SpecException("checkpoint-every: " + oneLine(e));
        }
        if (!(checkpointMinutes >= 0) || Double.isInfinite(checkpointMinutes)) {
            throw new SpecException("checkpoint-every = " + checkpointMinutes + ": must be a number of minutes >= 0 (0 = no periodic checkpoints)");
        }
        String rendered = full.atPath(ROOT).root().render(ConfigRenderOptions.concise().setFormatted(true).setJson(false));
        List<Long> seeds = seeds(full, "seeds");
        return new SweepSpec(name, output, seeds, axes, partitions, progress, checkpointMinutes, adaptive(full, seeds), rendered);
    }

    /** The {@code adaptive} block: null unless enabled; every setting checked either way. */
    private static AdaptiveSettings adaptive(Config full, List<Long> pool) {
        boolean enabled = bool(full, "adaptive.enabled");
        int wave = integer(full, "adaptive.wave");
        int minSeeds = integer(full, "adaptive.min-seeds");
        double halfWidth = number(full, "adaptive.half-width");
        boolean dropDominated = bool(full, "adaptive.drop-dominated");
        if (wave < 1) {
            throw new SpecException("adaptive.wave = " + wave + ": must be >= 1 (seeds per live configuration per wave)");
        }
        if (minSeeds < 1) {
            throw new SpecException("adaptive.min-seeds = " + minSeeds + ": must be >= 1");
        }
        if (!(halfWidth > 0 && halfWidth < 0.5)) {
            throw new SpecException("adaptive.half-width = " + halfWidth + ": must be between 0 and 0.5 (a Wilson half-width)");
        }
        List<String> groupBy = new ArrayList<>();
        for (ConfigValue v : valueOrList(full, "adaptive.group-by")) {
            if (v.valueType() != ConfigValueType.STRING || !AdaptiveSettings.isGroupKey((String) v.unwrapped())) {
                throw new SpecException("adaptive.group-by: unknown key " + v.render() + " (use method, regularized or a trial setting "
                        + "such as task, length, lra.beta)");
            }
            groupBy.add((String) v.unwrapped());
        }
        ConfigValue confirmValue = full.getValue("adaptive.confirm-seeds");
        List<Long> confirm = confirmValue.valueType() == ConfigValueType.LIST && ((ConfigList) confirmValue).isEmpty()
                ? List.of() : seeds(full, "adaptive.confirm-seeds");
        if (!enabled) {
            return null;
        }
        if (minSeeds > pool.size()) {
            throw new SpecException("adaptive.min-seeds = " + minSeeds + ": more than the " + pool.size() + " seeds of the pool (seeds)");
        }
        if (confirm.isEmpty()) {
            throw new SpecException("adaptive.confirm-seeds: give the fresh seeds each group winner is confirmed on, "
                    + "e.g. { from = 1001, to = 1020 }");
        }
        for (long s : confirm) {
            if (pool.contains(s)) {
                throw new SpecException("adaptive.confirm-seeds: seed " + s + " is also in the selection pool (seeds); "
                        + "confirmation needs seeds that played no part in the selection");
            }
        }
        return new AdaptiveSettings(wave, minSeeds, halfWidth, dropDominated, List.copyOf(new LinkedHashSet<>(groupBy)), confirm);
    }

    private static void rejectUnknownKeys(Config merged, Config defaults) {
        for (Map.Entry<String, ConfigValue> e : merged.entrySet()) {
            String path = e.getKey();
            if (path.startsWith("seeds.") || path.startsWith("adaptive.confirm-seeds.")) {
                continue;
            }
            if (!defaults.hasPathOrNull(path)) {
                String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : null;
                if (parent != null && defaults.hasPath(parent) && defaults.getValue(parent).valueType() != ConfigValueType.OBJECT) {
                    throw new SpecException(parent + ": expected a single value or a list, not an object");
                }
                throw new SpecException("unknown key '" + path + "'");
            }
            if (defaults.getValue(path).valueType() == ConfigValueType.OBJECT) {
                throw new SpecException(path + ": expected an object of settings, not a value");
            }
        }
    }

    /**
     * The sweep defaults: {@code reference.conf} (the sweep's own keys, and {@code algorithm}, which
     * defaults to every algorithm in a sweep) over every trial parameter's declared default.
     */
    static Config defaults() {
        Map<String, Object> declared = new LinkedHashMap<>();
        for (Param<?> param : TrialParameters.ALL) {
            if (param != TrialParameters.SEED) {
                declared.put(param.key(), param.defaultValue());
            }
        }
        return ConfigFactory.defaultReference().getConfig(ROOT).withFallback(ConfigFactory.parseMap(declared, "trial parameter defaults"));
    }

    /** The distinct values of a trial setting: a single value or a non-empty list, each parsed strictly. */
    private static List<Object> axis(Config full, Param<?> param) {
        List<Object> values = new ArrayList<>();
        for (ConfigValue element : valueOrList(full, param.key())) {
            values.add(parse(param, element));
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** The elements of a single value or a non-empty list. */
    private static List<ConfigValue> valueOrList(Config full, String path) {
        ConfigValue value = full.getValue(path);
        if (value.valueType() != ConfigValueType.LIST) {
            return List.of(value);
        }
        List<ConfigValue> elements = new ArrayList<>((ConfigList) value);
        if (elements.isEmpty()) {
            throw new SpecException(path + ": empty axis (give at least one value)");
        }
        return elements;
    }

    /** One value, parsed as its declaration says: a HOCON number is never taken as a name, nor 2.5 as an integer. */
    private static Object parse(Param<?> param, ConfigValue v) {
        if (v.valueType() != ConfigValueType.NUMBER && v.valueType() != ConfigValueType.STRING) {
            throw new SpecException(param.key() + ": expected " + (param.type() == Param.Type.NAME ? "a name" : "a number")
                    + " or a list of them, got " + v.render());
        }
        if (param.type() == Param.Type.NAME && v.valueType() != ConfigValueType.STRING) {
            throw new SpecException(param.key() + ": expected a name or a list of names, got " + v.render());
        }
        try {
            return param.parse(v.unwrapped());
        } catch (IllegalArgumentException e) {
            throw new SpecException(e.getMessage());
        }
    }

    /** Seeds at path: a single seed, a list, or an inclusive range {@code { from = A, to = B }}. */
    private static List<Long> seeds(Config full, String path) {
        List<Long> seeds = new ArrayList<>();
        ConfigValue value = full.getValue(path);
        if (value.valueType() == ConfigValueType.OBJECT) {
            Config range = full.getConfig(path);
            for (String key : range.root().keySet()) {
                if (!key.equals("from") && !key.equals("to")) {
                    throw new SpecException(path + ": unknown key '" + key + "' in a range (give { from = A, to = B })");
                }
            }
            if (!range.hasPath("from") || !range.hasPath("to")) {
                throw new SpecException(path + ": a range needs both from and to (give { from = A, to = B })");
            }
            long from = seedValue(path, range.getValue("from"));
            long to = seedValue(path, range.getValue("to"));
            if (from > to) {
                throw new SpecException(path + ": range from " + from + " to " + to + " is empty");
            }
            if (to - from >= 1_000_000) {
                throw new SpecException(path + ": range of " + (to - from + 1) + " seeds is too large (at most 1000000)");
            }
            for (long s = from; s <= to; s++) {
                seeds.add(s);
            }
        } else {
            for (ConfigValue element : valueOrList(full, path)) {
                seeds.add(seedValue(path, element));
            }
        }
        return List.copyOf(new LinkedHashSet<>(seeds));
    }

    private static long seedValue(String path, ConfigValue v) {
        if (v.valueType() != ConfigValueType.NUMBER && v.valueType() != ConfigValueType.STRING) {
            throw new SpecException(path + ": expected an integer, a list of integers or { from = A, to = B }, got " + v.render());
        }
        try {
            return TrialParameters.SEED.parse(v.unwrapped());
        } catch (IllegalArgumentException e) {
            throw new SpecException(path + ": " + e.getMessage());
        }
    }

    private static String string(Config full, String path) {
        try {
            return full.getString(path);
        } catch (ConfigException e) {
            throw new SpecException(path + ": " + oneLine(e));
        }
    }

    private static boolean bool(Config full, String path) {
        try {
            return full.getBoolean(path);
        } catch (ConfigException e) {
            throw new SpecException(path + ": " + oneLine(e));
        }
    }

    private static double number(Config full, String path) {
        try {
            return full.getDouble(path);
        } catch (ConfigException e) {
            throw new SpecException(path + ": " + oneLine(e));
        }
    }

    private static int integer(Config full, String path) {
        try {
            return full.getInt(path);
        } catch (ConfigException e) {
            throw new SpecException(path + ": " + oneLine(e));
        }
    }

    /** Typesafe's message without its origin prefix, on one line. */
    private static String oneLine(ConfigException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
