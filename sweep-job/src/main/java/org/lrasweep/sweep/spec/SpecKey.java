package org.lrasweep.sweep.spec;

import java.util.List;

/** The trial settings a spec may set, with their types and scopes. */
public enum SpecKey {
    TASK("task", Type.STRING),
    LENGTH("length", Type.INT),
    ALGORITHM("algorithm", Type.STRING),
    HIDDEN("hidden", Type.INT),
    BATCH("batch", Type.INT),
    TEST_SIZE("test-size", Type.INT),
    CHECK_EVERY("check-every", Type.INT),
    PATIENCE("patience", Type.INT),
    MAX_ITERATIONS("max-iterations", Type.INT),
    SOLVED_ERROR("solved-error", Type.DOUBLE),
    BPTT_LEARNING_RATE("bptt.learning-rate", Type.DOUBLE),
    BPTT_CLIP("bptt.clip", Type.DOUBLE),
    BPTT_ALPHA("bptt.alpha", Type.DOUBLE),
    LRA_VARIANT("lra.variant", Type.STRING),
    LRA_LEARNING_RATE("lra.learning-rate", Type.DOUBLE),
    LRA_BETA("lra.beta", Type.DOUBLE),
    LRA_K("lra.k", Type.INT),
    LRA_C("lra.c", Type.DOUBLE),
    LRA_NORMALIZE("lra.normalize", Type.STRING),
    LRA_ALPHA("lra.alpha", Type.DOUBLE),
    LRA_LOCAL_LOSS("lra.local-loss", Type.STRING);

    /** Value types of spec keys. */
    public enum Type { INT, DOUBLE, STRING }

    public final String key;
    public final Type type;

    SpecKey(String key, Type type) {
        this.key = key;
        this.type = type;
    }

    /** The keys every algorithm's trials expand over. */
    public static List<SpecKey> common() {
        return List.of(TASK, LENGTH, HIDDEN, BATCH, TEST_SIZE, CHECK_EVERY, PATIENCE, MAX_ITERATIONS, SOLVED_ERROR);
    }

    /** The keys scoped to one algorithm ({@code bptt} or {@code lra}). */
    public static List<SpecKey> scopedTo(String algorithm) {
        return switch (algorithm) {
            case "bptt" -> List.of(BPTT_LEARNING_RATE, BPTT_CLIP, BPTT_ALPHA);
            case "lra" -> List.of(LRA_VARIANT, LRA_LEARNING_RATE, LRA_BETA, LRA_K, LRA_C, LRA_NORMALIZE, LRA_ALPHA, LRA_LOCAL_LOSS);
            default -> throw new IllegalArgumentException("algorithm " + algorithm);
        };
    }
}
