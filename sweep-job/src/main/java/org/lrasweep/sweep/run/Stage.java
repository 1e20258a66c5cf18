package org.lrasweep.sweep.run;

/**
 * Why a trial ran, in the trials table's {@code stage} column: every trial of a fixed grid is
 * {@code grid}; an adaptive sweep runs {@code selection} trials on its seed pool and then
 * {@code confirmation} trials of each group's winner on fresh seeds. Only confirmation trials carry
 * the inferential claims of an adaptive sweep: selection estimates come from optional stopping.
 */
public enum Stage {
    GRID("grid"), SELECTION("selection"), CONFIRMATION("confirmation");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** The name in the {@code stage} column. */
    public String label() {
        return label;
    }
}
