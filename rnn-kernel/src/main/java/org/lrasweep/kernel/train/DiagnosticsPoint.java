package org.lrasweep.kernel.train;

/** The per-step diagnostics of the last training iteration before a check. */
public record DiagnosticsPoint(int iteration, StepDiagnostics steps) {
}
