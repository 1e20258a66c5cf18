package org.lrasweep.kernel.linalg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bytedeco.openblas.global.openblas_full;

/**
 * Which OpenBLAS kernels this JVM's matrix products run on (OpenBLAS picks them for the CPU at
 * load time), for provenance, and whether they are a slow generic fallback: an OpenBLAS older than
 * the CPU does not recognize it and drops to kernels without AVX2, several times slower (seen:
 * Prescott on a recent Intel Xeon, 5x).
 */
public final class BlasCore {
    /** OpenBLAS cores whose kernels use no AVX2 (lower case, as {@code openblas_get_corename} names them). */
    static final Set<String> WITHOUT_AVX2 = Set.of("katmai", "coppermine", "northwood", "prescott", "banias", "atom", "core2",
            "penryn", "dunnington", "nehalem", "sandybridge", "athlon", "opteron", "opteron_sse3", "barcelona", "bobcat",
            "bulldozer", "piledriver", "nano");

    private static String name;

    private BlasCore() {
    }

    /** The core OpenBLAS runs on in this JVM ({@code Cooperlake}, {@code Haswell}, ...). */
    public static synchronized String name() {
        if (name == null) {
            name = openblas_full.openblas_get_corename().getString();
        }
        return name;
    }

    /** One line for a log when the core is a generic fallback on this CPU, else empty. */
    public static Optional<String> fallbackWarning() {
        List<String> cpuinfo;
        try {
            cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        String model = cpuinfo.stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("this CPU");
        boolean avx2 = cpuinfo.stream().filter(l -> l.startsWith("flags")).findFirst()
                .map(l -> (" " + l.substring(l.indexOf(':') + 1) + " ").contains(" avx2 ")).orElse(false);
        return fallbackWarning(name(), model, avx2, System.getenv("OPENBLAS_CORETYPE"));
    }

    /**
     * The warning for a core on a CPU: only when the CPU has AVX2 and the core's kernels do not, and
     * nobody chose that core on purpose with {@code OPENBLAS_CORETYPE}.
     */
    static Optional<String> fallbackWarning(String core, String cpuModel, boolean cpuHasAvx2, String forcedCoreType) {
        if (!cpuHasAvx2 || !WITHOUT_AVX2.contains(core.toLowerCase(Locale.ROOT))
                || (forcedCoreType != null && forcedCoreType.equalsIgnoreCase(core))) {
            return Optional.empty();
        }
        return Optional.of("OpenBLAS runs its generic " + core + " kernels on " + cpuModel + ", a CPU with AVX2: every matrix "
                + "product runs several times slower than this CPU allows. Remedy: set OPENBLAS_CORETYPE=Haswell (or SkylakeX "
                + "where the CPU has AVX-512) for the driver and every executor (spark.executorEnv.OPENBLAS_CORETYPE), or run "
                + "an OpenBLAS that knows this CPU.");
    }
}
