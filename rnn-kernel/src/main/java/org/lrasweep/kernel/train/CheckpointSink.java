package org.lrasweep.kernel.train;

/**
 * Where a running trial's checkpoints go ({@link TrialRunner}): one every {@link #periodNanos()}
 * of wall time while it runs, so that a killed run loses at most that much, and one when it ends,
 * from which a trial under a looser stopping rule continues or inherits.
 */
public interface CheckpointSink {
    /** No checkpoints at all. */
    CheckpointSink NONE = new CheckpointSink() {
        @Override
        public long periodNanos() {
            return 0;
        }

        @Override
        public void periodic(TrialCheckpoint state) {
        }

        @Override
        public void last(TrialCheckpoint state) {
        }
    };

    /** Wall time between periodic checkpoints, in nanoseconds; 0 for none. */
    long periodNanos();

    /** Keeps a running trial's state in place of its previous periodic one. */
    void periodic(TrialCheckpoint state);

    /** Keeps the state in which the trial ended. */
    void last(TrialCheckpoint state);
}
