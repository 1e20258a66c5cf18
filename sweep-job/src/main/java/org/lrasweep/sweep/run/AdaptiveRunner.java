package org.lrasweep.sweep.run;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.sweep.adaptive.AdaptiveSettings;
import org.lrasweep.sweep.adaptive.Allocation;
import org.lrasweep.sweep.adaptive.WaveCounts;
import org.lrasweep.sweep.grid.Labels;
import org.lrasweep.sweep.grid.TrialId;
import org.lrasweep.sweep.grid.TrialSpec;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * The driver loop of an adaptive sweep ({@link AdaptiveSettings}). Each turn compacts the journal,
 * replays the selection from the committed trials ({@link Allocation#replay}), rewrites the
 * allocation table and runs the current wave's missing trials as one Spark job (stage
 * {@code selection}). When no configuration is live, each group's winner runs the confirmation
 * seeds as one more job (stage {@code confirmation}). Nothing but the committed trials carries
 * state from one turn, or one driver, to the next: a resubmitted driver continues at the same wave
 * with the same decisions and reruns nothing committed.
 */
public final class AdaptiveRunner {
    /** Test seam: called with the wave number after each selection wave's job; a throw stands for a driver dying between waves. */
    static volatile IntConsumer afterWave;

    private AdaptiveRunner() {
    }

    /** The sweep's configurations on the whole pool, then on the confirmation seeds: every trial it may run. */
    public static List<TrialSpec> withConfirmations(SweepSpec spec, List<TrialSpec> pool) {
        List<TrialSpec> all = new ArrayList<>(pool);
        for (TrialSpec template : templates(pool).values()) {
            spec.adaptive().confirmSeeds().forEach(s -> all.add(withSeed(template, s)));
        }
        return all;
    }

    static SweepRunner.Outcome run(SweepRunner.RunContext run, List<TrialSpec> poolTrials) throws IOException {
        SweepSpec spec = run.spec();
        AdaptiveSettings settings = spec.adaptive();
        List<Long> pool = spec.seeds();
        Map<String, TrialSpec> templates = templates(poolTrials);
        Set<String> before = run.store().committed();
        run.record(null, poolTrials.size(), 0, 0, Map.of());
        run.compact();
        if (poolTrials.stream().anyMatch(t -> before.contains(t.trialId()))) {
            run.log().printf("sweep '%s': resuming: the committed trials decide the waves already run, as they did before%n",
                    spec.name());
        }
        long ran = 0;
        Allocation a;
        while (true) {
            a = replay(spec, poolTrials, TableVersions.current(run.fs(), run.output()).isEmpty() ? null
                    : TrialsTable.read(run.spark(), run.output()));
            AllocationTable.write(run.spark(), run.output(), spec.name(), a);
            if (a.complete()) {
                break;
            }
            Set<String> committed = run.store().committed();
            List<TrialSpec> pending = design(spec, poolTrials, a).stream().filter(t -> !committed.contains(t.trialId())).toList();
            if (pending.isEmpty()) {
                throw new IllegalStateException("wave " + a.wave() + " is incomplete in the tables but every trial of it is in the "
                        + "journal of " + run.output() + " (run 'compact' on it, then run again)");
            }
            int waves = (pool.size() + settings.wave() - 1) / settings.wave();
            run.log().printf("sweep '%s': wave %d of at most %d: %d live configurations on the first %d seeds, %d trials to run; "
                    + "%d trials saved so far%n", spec.name(), a.wave(), waves, a.live().size(), a.prefix(), pending.size(), a.saved());
            ran += SweepRunner.execute(run, SweepRunner.longestFirst(pending), Stage.SELECTION,
                    String.format("wave %d/%d, %d live, %d saved", a.wave(), waves, a.live().size(), a.saved())).count();
            run.compact();
            IntConsumer hook = afterWave;
            if (hook != null) {
                hook.accept(a.wave());
            }
        }
        List<TrialSpec> design = design(spec, poolTrials, a);
        Set<String> committed = run.store().committed();
        List<TrialSpec> pending = design.stream().filter(t -> !committed.contains(t.trialId())).toList();
        a.winners().forEach((group, id) -> run.log().printf("sweep '%s': winner of [%s]: %s (%s)%n", spec.name(), group,
                Labels.label(templates.get(id).config().values()), id));
        if (!pending.isEmpty()) {
            run.log().printf("sweep '%s': confirming %d winners on %d fresh seeds: %d trials%n", spec.name(), a.winners().size(),
                    settings.confirmSeeds().size(), pending.size());
            ran += SweepRunner.execute(run, SweepRunner.longestFirst(pending), Stage.CONFIRMATION, "confirmation").count();
            run.compact();
        }
        Map<String, Long> statuses = SweepRunner.statusCounts(run.spark(), run.output(), design);
        int alreadyCommitted = (int) design.stream().filter(t -> before.contains(t.trialId())).count();
        run.record(Instant.now(), design.size(), alreadyCommitted, ran, statuses);
        String note = String.format("adaptive: %d of the pool's %d selection trials (%d saved), %d group winners confirmed on %d seeds",
                a.allocated(), templates.size() * pool.size(), a.saved(), a.winners().size(), settings.confirmSeeds().size());
        return new SweepRunner.Outcome(run.output(), design.size(), alreadyCommitted, ran, statuses, run.wallSeconds(), run.runId(),
                note);
    }

    /**
     * Where the selection stands, replayed from a trials table ({@link TrialsTable}; null before the
     * first compaction: nothing committed).
     *
     * @param poolTrials the sweep's configurations on the whole pool, in spec order
     */
    public static Allocation replay(SweepSpec spec, List<TrialSpec> poolTrials, Dataset<Row> trials) {
        AdaptiveSettings settings = spec.adaptive();
        List<Allocation.Candidate> candidates = new ArrayList<>();
        templates(poolTrials).forEach((id, t) -> candidates.add(new Allocation.Candidate(id, settings.group(t.config().values()),
                Labels.method(t.config().values()), Labels.label(t.config().values()))));
        Map<String, Map<Integer, Allocation.Count>> counts = trials == null ? Map.of() : WaveCounts.of(trials, spec.seeds(),
                settings.wave(), candidates.stream().map(Allocation.Candidate::configId).toList());
        return Allocation.replay(candidates, counts, settings, spec.seeds().size());
    }

    /**
     * The trials the sweep asks for as the selection stands: each stopped configuration's pool
     * seeds up to where it stopped, each live one's up to the current wave, and once selection is
     * over every winner's confirmation seeds.
     */
    public static List<TrialSpec> design(SweepSpec spec, List<TrialSpec> poolTrials, Allocation a) {
        AdaptiveSettings settings = spec.adaptive();
        List<Long> pool = spec.seeds();
        Map<String, TrialSpec> templates = templates(poolTrials);
        Map<String, Integer> seeds = new LinkedHashMap<>();
        a.rows().forEach(r -> seeds.put(r.c().configId(), Math.min(r.wave() * settings.wave(), pool.size())));
        a.live().forEach(id -> seeds.put(id, a.prefix()));
        List<TrialSpec> out = new ArrayList<>();
        seeds.forEach((id, n) -> pool.subList(0, n).forEach(s -> out.add(withSeed(templates.get(id), s))));
        for (String winner : a.winners().values()) {
            settings.confirmSeeds().forEach(s -> out.add(withSeed(templates.get(winner), s)));
        }
        return out;
    }

    /** The first trial of each configuration, by config id, in spec order. */
    private static Map<String, TrialSpec> templates(List<TrialSpec> trials) {
        Map<String, TrialSpec> out = new LinkedHashMap<>();
        trials.forEach(t -> out.putIfAbsent(TrialId.configId(t.config()), t));
        return out;
    }

    private static TrialSpec withSeed(TrialSpec template, long seed) {
        return TrialSpec.of(template.config().values().with(TrialParameters.SEED, seed).toConfig());
    }
}
