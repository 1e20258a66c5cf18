package org.lrasweep.sweep.run;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.grid.TrialSpec;
import org.lrasweep.sweep.spec.SpecParser;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * The sweeps an output holds, read from its run records: each distinct sweep (its name and the set
 * of trials its spec expands to, confirmation trials included) that a run was made of, with its
 * latest record. One output holds one sweep unless a run was told to add another ({@code run --add}).
 */
public final class OutputSweeps {
    private OutputSweeps() {
    }

    /**
     * One sweep of an output.
     *
     * @param name     the spec's name
     * @param record   the file name of its latest run record
     * @param text     that record's content
     * @param spec     the spec it records, its output the folder it was read from
     * @param trialIds the trials the spec expands to
     */
    public record Sweep(String name, String record, String text, SweepSpec spec, Set<String> trialIds) {
    }

    /** The output's sweeps, the one run most recently last. A record that no longer parses is passed over. */
    public static List<Sweep> of(FileSystem fs, String output) throws IOException {
        Path runs = new Path(output, "runs");
        List<FileStatus> records = new ArrayList<>(List.of(fs.exists(runs) ? fs.listStatus(runs) : new FileStatus[0]));
        records.sort(Comparator.comparing(f -> f.getPath().getName()));
        Map<List<Object>, Sweep> sweeps = new LinkedHashMap<>();
        for (FileStatus f : records) {
            if (!f.getPath().getName().endsWith(".conf")) {
                continue;
            }
            String text;
            try (var in = fs.open(f.getPath())) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            SweepSpec spec;
            try {
                spec = SpecParser.parse(ConfigFactory.parseString(text).getConfig("lra-sweep"), List.of("output=\"" + output + "\""));
            } catch (RuntimeException e) {
                continue;
            }
            Set<String> ids = ids(spec, GridExpander.expand(spec));
            // Records in time order: each sweep keeps its latest.
            sweeps.put(List.of(spec.name(), ids), new Sweep(spec.name(), f.getPath().getName(), text, spec, ids));
        }
        // Ordered by each sweep's latest run: the last is the one run most recently.
        List<Sweep> out = new ArrayList<>(sweeps.values());
        out.sort(Comparator.comparing(Sweep::record));
        return out;
    }

    /** The trials a spec expands to, with an adaptive sweep's confirmation trials. */
    static Set<String> ids(SweepSpec spec, List<TrialSpec> trials) {
        Set<String> ids = new HashSet<>();
        (spec.isAdaptive() ? AdaptiveRunner.withConfirmations(spec, trials) : trials).forEach(t -> ids.add(t.trialId()));
        return ids;
    }

    /**
     * Why a run of spec may not go into output without {@code --add}, in one line: the output holds
     * committed trials and no sweep of the same name and trials. Empty when it may.
     */
    public static Optional<String> refusal(FileSystem fs, String output, SweepSpec spec, List<TrialSpec> trials) throws IOException {
        Path journal = new Path(new Path(output, Journal.FOLDER), Tables.TRIALS);
        boolean holdsTrials = fs.exists(new Path(output, TableVersions.FOLDER))
                || fs.exists(journal) && fs.listStatus(journal).length > 0;
        if (!holdsTrials) {
            return Optional.empty();
        }
        List<Sweep> held = of(fs, output);
        Set<String> ids = ids(spec, trials);
        if (held.stream().anyMatch(s -> s.name().equals(spec.name()) && s.trialIds().equals(ids))) {
            return Optional.empty();
        }
        if (held.isEmpty()) {
            return Optional.of("output = " + output + " holds trials of a sweep whose run record cannot be read; run with --add to "
                    + "add this sweep to it, or choose another output");
        }
        Sweep last = held.get(held.size() - 1);
        long shared = ids.stream().filter(last.trialIds()::contains).count();
        String what = last.name().equals(spec.name()) ? "another grid of sweep '" + spec.name() + "'" : "sweep '" + spec.name() + "'";
        return Optional.of("output = " + output + " holds sweep '" + last.name() + "' (" + last.trialIds().size() + " trials"
                + (held.size() > 1 ? ", and " + (held.size() - 1) + " more" : "") + "); this spec is " + what + " (" + ids.size()
                + " trials, " + shared + " of them shared): run with --add to add it (summary, report and status then cover "
                + "both), or choose another output");
    }
}
