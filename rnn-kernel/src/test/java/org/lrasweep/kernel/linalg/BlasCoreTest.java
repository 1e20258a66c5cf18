package org.lrasweep.kernel.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlasCoreTest {
    @Test
    void theCoreIsNamedByOpenBlas() {
        String core = BlasCore.name();
        assertFalse(core.isBlank());
        assertTrue(core.chars().allMatch(Character::isLetterOrDigit), core);
    }

    @Test
    void aGenericCoreOnAnAvx2CpuWarnsNamingTheCpuTheCoreAndTheRemedy() {
        Optional<String> w = BlasCore.fallbackWarning("Prescott", "Intel(R) Xeon(R) Platinum 8581C", true, null);
        assertTrue(w.isPresent());
        assertTrue(w.get().contains("generic Prescott kernels on Intel(R) Xeon(R) Platinum 8581C"), w.get());
        assertTrue(w.get().contains("OPENBLAS_CORETYPE=Haswell"), w.get());
        assertEquals(1, w.get().lines().count());
    }

    @Test
    void noWarningForARealKernelAnOldCpuOrAChosenCore() {
        assertEquals(Optional.empty(), BlasCore.fallbackWarning("Cooperlake", "AMD EPYC", true, null));
        assertEquals(Optional.empty(), BlasCore.fallbackWarning("Haswell", "AMD EPYC", true, "Haswell"));
        assertEquals(Optional.empty(), BlasCore.fallbackWarning("Core2", "Intel Core 2 Duo", false, null));
        assertEquals(Optional.empty(), BlasCore.fallbackWarning("Prescott", "Intel Xeon", true, "prescott"));
    }
}
