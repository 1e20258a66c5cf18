package org.lrasweep.sweep.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * How the adaptive sweeps of an output spent their selection pools, from its allocation table
 * ({@link org.lrasweep.sweep.run.AllocationTable}): where each configuration stopped and why, and
 * which configurations won their groups. Its success rates come from optional stopping: they
 * explain the allocation and support no claim.
 *
 * @param configurations each configuration's last allocation row, in the table's order
 * @param pools          per sweep, the seeds in its selection pool
 * @param complete       whether selection is over (every configuration stopped; not before the first wave is decided)
 */
public record Selection(List<Stopped> configurations, Map<String, Integer> pools, boolean complete) {
    /**
     * A configuration at the last wave it was live in.
     *
     * @param sweep    the sweep whose selection it was in
     * @param configId its id
     * @param group    its group
     * @param label    its label
     * @param wave     the last wave it ran
     * @param seedsRun seeds of the pool it ran
     * @param solved   of which solved
     * @param rate     solved / seeds that ran to an outcome, NaN if none
     * @param low      95% Wilson lower bound
     * @param high     upper bound
     * @param decision the last decision (continue while selection runs)
     * @param leader   the leader that dominated it, or null
     * @param winner   whether it won its group
     */
    public record Stopped(String sweep, String configId, String group, String label, int wave, int seedsRun, int solved, double rate, double low,
                          double high, String decision, String leader, boolean winner) {
    }

    /** The selection from the allocation table's rows. */
    public static Selection of(List<Row> allocation) {
        Map<String, Row> last = new LinkedHashMap<>();
        Map<String, Integer> pools = new TreeMap<>();
        for (Row r : allocation) {
            last.merge(r.<String>getAs("sweep") + "|" + r.getAs("config_id"), r,
                    (a, b) -> a.<Integer>getAs("wave") >= b.<Integer>getAs("wave") ? a : b);
            pools.put(r.getAs("sweep"), r.getAs("pool"));
        }
        List<Stopped> out = new ArrayList<>();
        for (Row r : last.values()) {
            Double rate = r.getAs("success_rate");
            out.add(new Stopped(r.getAs("sweep"), r.getAs("config_id"), r.getAs("group"), r.getAs("label"), r.getAs("wave"),
                    r.getAs("seeds_run"), r.getAs("solved"), rate == null ? Double.NaN : rate, r.getAs("wilson_low"),
                    r.getAs("wilson_high"), r.getAs("decision"), r.getAs("leader"), r.getAs("winner")));
        }
        return of(out, pools);
    }

    private static Selection of(List<Stopped> configurations, Map<String, Integer> pools) {
        boolean complete = !configurations.isEmpty() && configurations.stream().noneMatch(c -> "continue".equals(c.decision()));
        return new Selection(configurations, pools, complete);
    }

    /** Each sweep's own selection, by sweep name (one entry when one sweep ran into the output). */
    public Map<String, Selection> bySweep() {
        Map<String, List<Stopped>> parts = new TreeMap<>();
        configurations.forEach(c -> parts.computeIfAbsent(c.sweep(), k -> new ArrayList<>()).add(c));
        Map<String, Selection> out = new LinkedHashMap<>();
        parts.forEach((sweep, list) -> out.put(sweep, of(list, Map.of(sweep, pools.get(sweep)))));
        return out;
    }

    /** The largest of the sweeps' pools (the one pool when one sweep ran). */
    public int pool() {
        return pools.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Selection trials run. */
    public long trialsRun() {
        return configurations.stream().mapToLong(Stopped::seedsRun).sum();
    }

    /** Selection trials a fixed grid would have run: every configuration on the whole pool of its sweep. */
    public long fullPool() {
        return configurations.stream().mapToLong(c -> pools.get(c.sweep())).sum();
    }

    /** The group winners. */
    public List<Stopped> winners() {
        return configurations.stream().filter(Stopped::winner).toList();
    }
}
