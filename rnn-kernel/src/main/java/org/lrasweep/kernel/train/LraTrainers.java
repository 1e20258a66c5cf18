package org.lrasweep.kernel.train;

/** Creates the trainer of an LRA variant. */
public final class LraTrainers {
    private LraTrainers() {
    }

    public static LraTrainer create(LraSettings settings) {
        return settings.variant() == LraSettings.Variant.RELEASED
                ? new LraReleasedTrainer(settings) : new LraLocalTrainer(settings);
    }
}
