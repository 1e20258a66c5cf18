package org.lrasweep.sweep.analysis;

import org.lrasweep.sweep.run.ProfileCheck;

/**
 * A configuration's gradient flow at one kind of check: per time step, the medians over its trials
 * of the local loss and the Whh and Wxh update norms at that check of each trial.
 *
 * @param check           which check of each trial ({@link ProfileCheck})
 * @param medianIteration the median over the trials of that check's iteration
 * @param trials          how many trials the medians are over
 * @param steps           index = time step: {median local loss, median Whh norm, median Wxh norm} (NaN where none)
 */
public record GradientProfile(ProfileCheck check, double medianIteration, long trials, double[][] steps) {
}
