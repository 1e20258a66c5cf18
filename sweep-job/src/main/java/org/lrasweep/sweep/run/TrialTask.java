package org.lrasweep.sweep.run;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.bytedeco.openblas.global.openblas;
import org.lrasweep.kernel.linalg.BlasCore;
import org.slf4j.LoggerFactory;
import org.lrasweep.kernel.train.CheckpointSink;
import org.lrasweep.kernel.train.TrialCheckpoint;
import org.lrasweep.kernel.train.TrialResult;
import org.lrasweep.kernel.train.TrialRunner;
import org.lrasweep.sweep.grid.TrialSpec;

/**
 * What an executor does with its partition of trials: runs each trial not yet committed on one
 * thread, and commits it to the journal at once, details first, then the row ({@link Journal}). A trial that throws an {@link Exception} is committed with status
 * {@code failed} and its message: it is a result (a bug, a setting the kernel rejects) and would
 * fail again anywhere. A JVM {@link Error} (out of memory, stack overflow, a native crash) says
 * more about the executor than the trial, so it fails the task and Spark retries it, elsewhere if
 * the executor is lost; the retry skips what was committed. On the task's last attempt the Error
 * is committed as {@code failed} too, so the sweep still ends ({@code run --retry-failed} reruns
 * it later). A failure to write stops the task like an Error.
 */
final class TrialTask implements VoidFunction<Iterator<List<TrialSpec>>> {
    /**
     * Test seam for injected faults; null in production. Static: effective only where tasks run in
     * the driver's JVM (local mode).
     */
    static volatile FaultInjector faultInjector;

    /**
     * Test seam that replaces training with a stand-in (scheduling tests of adaptive sweeps need
     * outcomes with known success probabilities); null in production. Local mode only, like
     * {@link #faultInjector}.
     */
    static volatile java.util.function.Function<org.lrasweep.kernel.train.TrialConfig, TrialResult> trainer;

    /**
     * Injected faults: a throw before a trial is that trial's failure; between its detail files and
     * its row, or after its commit, the task's.
     */
    interface FaultInjector {
        default void beforeTrial(String trialId, int attempt) {
        }

        default void afterDetails(String trialId, int attempt) {
        }

        default void afterCommit(String trialId, int attempt) {
        }

        /** After a periodic checkpoint of the trial was kept; a throw here kills the task mid-trial. */
        default void afterCheckpoint(String trialId, int iteration, int attempt) {
        }
    }

    private final String sweep;
    private final Journal journal;
    private final Checkpoints checkpoints;
    private final long checkpointNanos;
    private final String runId;
    private final Stage stage;
    private final int maxAttempts;
    private final boolean localMode;
    private final String codeVersion;
    private final LongAccumulator done;
    private final LongAccumulator solved;
    private final LongAccumulator failed;
    private final CollectionAccumulator<String> statuses;

    /**
     * @param maxAttempts attempts Spark gives a task (its {@code task.maxFailures}); the last commits an Error as failed
     * @param localMode   whether the tasks run in the driver's JVM (a local master)
     * @param checkpointNanos wall time between a running trial's periodic checkpoints (0: none)
     */
    TrialTask(String sweep, String runId, Stage stage, Journal journal, Checkpoints checkpoints, long checkpointNanos, int maxAttempts,
              boolean localMode, String codeVersion, LongAccumulator done, LongAccumulator solved,
              LongAccumulator failed, CollectionAccumulator<String> statuses) {
        this.sweep = sweep;
        this.journal = journal;
        this.checkpoints = checkpoints;
        this.checkpointNanos = checkpointNanos;
        this.runId = runId;
        this.stage = stage;
        this.maxAttempts = maxAttempts;
        this.localMode = localMode;
        this.codeVersion = codeVersion;
        this.done = done;
        this.solved = solved;
        this.failed = failed;
        this.statuses = statuses;
    }

    @Override
    public void call(Iterator<List<TrialSpec>> partition) throws IOException {
        // One BLAS thread per task: local[N] runs N tasks in one JVM, and a trial must not depend on threads.
        openblas.blas_set_num_threads(1);
        String blasCore = BlasCore.name();
        warnOnceIfBlasFallsBack();
        TaskContext context = TaskContext.get();
        int attempt = context == null ? 0 : context.attemptNumber();
        String executorId = SparkEnv.get() == null ? "unknown" : SparkEnv.get().executorId();
        String host = host();
        while (partition.hasNext()) {
            for (TrialSpec spec : partition.next()) {
                if (journal.isCommitted(spec.trialId())) {
                    continue;
                }
                long started = System.currentTimeMillis();
                TrialResult result = null;
                String error = null;
                String extendedFrom = null;
                FaultInjector hook = faultInjector;
                try {
                    if (hook != null) {
                        hook.beforeTrial(spec.trialId(), attempt);
                    }
                    var standIn = trainer;
                    if (standIn != null) {
                        result = standIn.apply(spec.config());
                    } else {
                        Checkpoints.Start start = checkpoints.startOrFail(spec, LOG::warn).orElse(null);
                        if (start != null) {
                            LOG.info(start.describe(spec));
                            extendedFrom = start.fromTrial().equals(spec.trialId()) ? null : start.fromTrial();
                        }
                        result = TrialRunner.run(spec.config(), start == null ? null : start.checkpoint(),
                                sink(spec, attempt, hook), p -> { });
                    }
                } catch (Checkpoints.IoFailure e) {
                    // The storage failed, not the trial: the task fails and Spark retries it.
                    throw e.getCause();
                } catch (Exception e) {
                    error = describe(e);
                } catch (Error e) {
                    if (attempt + 1 < maxAttempts) {
                        if (localMode) {
                            throw new AttemptFailed(describe(e), e.getStackTrace());
                        }
                        throw e;
                    }
                    error = describe(e) + " (on the last of " + maxAttempts + " attempts)";
                }
                TrialOutcome outcome = new TrialOutcome(result, error, host, executorId, attempt, codeVersion, blasCore,
                        started, System.currentTimeMillis(), extendedFrom);
                String commitId = Journal.newCommitId();
                journal.writeDetails(spec, commitId, result);
                if (hook != null) {
                    hook.afterDetails(spec.trialId(), attempt);
                }
                if (journal.writeRow(sweep, runId, stage, spec, commitId, outcome)) {
                    done.add(1);
                    statuses.add(outcome.status());
                    if ("solved".equals(outcome.status())) {
                        solved.add(1);
                    } else if ("failed".equals(outcome.status())) {
                        failed.add(1);
                    }
                }
                checkpoints.committed(spec);
                if (hook != null) {
                    hook.afterCommit(spec.trialId(), attempt);
                }
            }
        }
    }

    /** The trial's checkpoint sink, with the test seam's kill after each periodic checkpoint. */
    private CheckpointSink sink(TrialSpec spec, int attempt, FaultInjector hook) {
        CheckpointSink kept = checkpoints.sinkFor(spec, checkpointNanos);
        if (hook == null) {
            return kept;
        }
        return new CheckpointSink() {
            @Override
            public long periodNanos() {
                return kept.periodNanos();
            }

            @Override
            public void periodic(TrialCheckpoint state) {
                kept.periodic(state);
                hook.afterCheckpoint(spec.trialId(), state.iteration(), attempt);
            }

            @Override
            public void last(TrialCheckpoint state) {
                kept.last(state);
            }
        };
    }

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(TrialTask.class);

    /** A task attempt ended by an Error, without the Error itself (which Spark would treat as fatal to the JVM). */
    static final class AttemptFailed extends RuntimeException {
        AttemptFailed(String message, StackTraceElement[] where) {
            super(message);
            setStackTrace(where);
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean BLAS_CHECKED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Logs, once per executor JVM, when OpenBLAS fell back to generic kernels on this CPU. */
    private static void warnOnceIfBlasFallsBack() {
        if (BLAS_CHECKED.compareAndSet(false, true)) {
            BlasCore.fallbackWarning().ifPresent(w -> LoggerFactory.getLogger(TrialTask.class).warn(w));
        }
    }

    private static String describe(Throwable e) {
        return (e.getClass().getSimpleName() + ": " + e.getMessage()).replaceAll("\\s+", " ");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
