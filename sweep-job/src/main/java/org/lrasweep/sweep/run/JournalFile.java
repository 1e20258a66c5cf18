package org.lrasweep.sweep.run;

import java.io.Serializable;
import java.util.Optional;

/**
 * A journal file's name read back: {@code <trial_id>.parquet} (a row published exclusively, or a
 * file of a layout before commit ids) or {@code <trial_id>.<commit_id>.parquet}.
 *
 * @param trialId  the trial
 * @param commitId the attempt's commit id, or null where the name has none
 * @param name     the file name
 */
public record JournalFile(String trialId, String commitId, String name) implements Serializable {
    /** The journal file a name denotes; empty for temporary, hidden and foreign files. */
    public static Optional<JournalFile> parse(String name) {
        if (!name.endsWith(".parquet") || name.startsWith("_") || name.startsWith(".")) {
            return Optional.empty();
        }
        String stem = name.substring(0, name.length() - ".parquet".length());
        int dot = stem.indexOf('.');
        return Optional.of(dot < 0 ? new JournalFile(stem, null, name)
                : new JournalFile(stem.substring(0, dot), stem.substring(dot + 1), name));
    }

    /** The name of a trial's file in a table: with the commit id unless the row is published exclusively. */
    static String name(String trialId, String commitId) {
        return commitId == null ? trialId + ".parquet" : trialId + "." + commitId + ".parquet";
    }
}
