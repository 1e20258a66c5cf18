package org.lrasweep.sweep.run;

import org.lrasweep.kernel.train.TrialResult;

/**
 * What an executor commits for one trial: the kernel's result, or the failure that prevented one,
 * with where and when it ran.
 *
 * @param result        the result, or null when the trial threw
 * @param error         the failure's one-line description, or null
 * @param executorHost  host of the executor that ran it
 * @param executorId    Spark executor id ("driver" in local mode)
 * @param attempt       Spark task attempt number
 * @param codeVersion   project version and git commit of the job
 * @param blasCore      the OpenBLAS core the executor's products ran on
 * @param startedAt     epoch milliseconds
 * @param finishedAt    epoch milliseconds
 * @param extendedFrom  the trial whose final checkpoint it continued or whose result it inherited, or null
 */
public record TrialOutcome(TrialResult result, String error, String executorHost, String executorId, int attempt,
                           String codeVersion, String blasCore, long startedAt, long finishedAt, String extendedFrom) {
    /** An outcome that started from scratch or from the trial's own checkpoint. */
    public TrialOutcome(TrialResult result, String error, String executorHost, String executorId, int attempt,
                        String codeVersion, String blasCore, long startedAt, long finishedAt) {
        this(result, error, executorHost, executorId, attempt, codeVersion, blasCore, startedAt, finishedAt, null);
    }

    /** The status written to the trials table: the kernel's, or {@code failed}. */
    public String status() {
        return result == null ? "failed" : result.status().label();
    }
}
