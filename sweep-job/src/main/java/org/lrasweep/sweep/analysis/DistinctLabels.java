package org.lrasweep.sweep.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lrasweep.kernel.param.Param;

/**
 * Labels that tell apart every configuration of a panel (a task and length): a configuration's
 * label names its method and main settings ({@link Configuration#label()}); where two
 * configurations of one panel share it (a grid over {@code hidden}, over the budget, over any
 * setting the label leaves out), each gets the settings in which they differ appended, so that no
 * table row or figure line stands for two configurations.
 */
final class DistinctLabels {
    private DistinctLabels() {
    }

    /** Each configuration's distinct label, by configuration id. */
    static Map<String, String> of(List<Configuration> configurations) {
        Map<String, Configuration> byId = new LinkedHashMap<>();
        configurations.forEach(c -> byId.putIfAbsent(c.id(), c));
        Map<List<Object>, List<Configuration>> groups = new LinkedHashMap<>();
        for (Configuration c : byId.values()) {
            groups.computeIfAbsent(List.of(c.task(), c.length(), c.label()), k -> new ArrayList<>()).add(c);
        }
        Map<String, String> labels = new HashMap<>();
        for (List<Configuration> group : groups.values()) {
            for (Configuration c : group) {
                List<String> differences = new ArrayList<>();
                for (Param<?> p : Configuration.parameters()) {
                    Object mine = c.get(p);
                    if (group.stream().anyMatch(o -> !Objects.equals(o.get(p), mine))) {
                        differences.add(p.key() + " " + p.canonical(mine));
                    }
                }
                labels.put(c.id(), differences.isEmpty() ? c.label() : c.label() + " [" + String.join(", ", differences) + "]");
            }
        }
        return labels;
    }
}
