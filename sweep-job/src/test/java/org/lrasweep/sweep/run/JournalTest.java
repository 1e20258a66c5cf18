package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.kernel.train.TrialConfig;
import org.lrasweep.sweep.grid.TrialSpec;

/** The journal's commit protocols on the local file system, without Spark. */
class JournalTest {
    private static TrialSpec trial(long seed) {
        ParamValues v = ParamValues.defaults().with(TrialParameters.SEED, seed);
        return TrialSpec.of(TrialConfig.from(v));
    }

    private static TrialOutcome failed(int attempt) {
        return new TrialOutcome(null, "IllegalStateException: test", "host", "driver", attempt, "test", "core", 1000L, 2000L);
    }

    private static Set<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).collect(Collectors.toSet());
        }
    }

    @Test
    void anExclusiveProtocolCommitsATrialOnceAndTheSecondAttemptLosesCleanly(@TempDir Path tmp) throws IOException {
        Journal journal = new Journal(tmp.toUri().toString(), CommitProtocol.LINK);
        TrialSpec t = trial(1);
        assertTrue(journal.commit("s", "run-a", Stage.GRID, t, failed(0)));
        assertFalse(journal.commit("s", "run-b", Stage.GRID, t, failed(1)), "the row is in place: the second attempt commits nothing");
        assertEquals(Set.of(t.trialId() + ".parquet"), names(tmp.resolve("journal/trials")));
        assertEquals(2, names(tmp.resolve("journal/curves")).size(), "each attempt's details under its own commit id");
        assertTrue(journal.isCommitted(t.trialId()));
        assertEquals(Set.of(t.trialId()), journal.committed());
        assertFalse(journal.isCommitted(trial(2).trialId()));
        journal.withdraw(t.trialId());
        assertEquals(Set.of(), names(tmp.resolve("journal/trials")));
        assertEquals(Set.of(), names(tmp.resolve("journal/curves")));
        assertFalse(journal.isCommitted(t.trialId()));
    }

    @Test
    void withUniqueNamesBothAttemptsLandAndNoTemporaryFileIsLeft(@TempDir Path tmp) throws IOException {
        Journal journal = new Journal(tmp.toUri().toString(), CommitProtocol.UNIQUE_NAMES);
        TrialSpec t = trial(1);
        assertTrue(journal.commit("s", "run-a", Stage.GRID, t, failed(0)));
        assertTrue(journal.commit("s", "run-b", Stage.GRID, t, failed(1)));
        Set<String> rows = names(tmp.resolve("journal/trials"));
        assertEquals(2, rows.size());
        assertTrue(rows.stream().allMatch(n -> n.startsWith(t.trialId() + ".") && n.split("\\.").length == 3), rows.toString());
        assertEquals(Set.of(t.trialId()), journal.committed());
        for (String table : List.of("trials", "curves", "gradients")) {
            assertTrue(names(tmp.resolve("journal").resolve(table)).stream().noneMatch(n -> n.startsWith("_tmp-")), table);
        }
    }

    @Test
    void journalNamesReadBack() {
        assertEquals(new JournalFile("0123456789abcdef", null, "0123456789abcdef.parquet"),
                JournalFile.parse("0123456789abcdef.parquet").orElseThrow());
        assertEquals("c0ffee", JournalFile.parse("0123456789abcdef.c0ffee.parquet").orElseThrow().commitId());
        assertTrue(JournalFile.parse("_tmp-0123456789abcdef.parquet-x").isEmpty());
        assertTrue(JournalFile.parse(".0123456789abcdef.parquet.crc").isEmpty());
    }
}
