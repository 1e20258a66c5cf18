package org.lrasweep.kernel.task;

import java.util.List;

/** The registry of tasks by configuration name. */
public final class Tasks {
    private static final List<Task> ALL = List.of(
            new TemporalOrder(), new TemporalOrder3Bit(), new RandomPermutation(), new Adding());

    private Tasks() {
    }

    /** Every task name, in a stable order. */
    public static List<String> names() {
        return ALL.stream().map(Task::name).toList();
    }

    /**
     * The task with this name.
     *
     * @throws IllegalArgumentException naming the unknown task and the known ones
     */
    public static Task byName(String name) {
        for (Task t : ALL) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("task = " + name + ": unknown (known: " + String.join(", ", names()) + ")");
    }
}
