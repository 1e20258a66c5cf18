package org.lrasweep.sweep.run;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Puts a finished folder in place of an old one, so that a reader sees the old folder, the new one
 * or, for a moment, none, never half of one. Two drivers finishing at once both write into folders
 * of their own, and one of the two results stays.
 */
public final class FolderSwap {
    private FolderSwap() {
    }

    /** A fresh folder beside target to write into: {@code _tmp-<name>-<uuid>}, which readers ignore. */
    public static Path fresh(Path target) {
        return new Path(target.getParent(), "_tmp-" + target.getName() + "-" + UUID.randomUUID());
    }

    /** Replaces target with fresh (deleted instead when another driver's folder took the place first). */
    public static void replace(FileSystem fs, Path fresh, Path target) throws IOException {
        fs.delete(target, true);
        // A rename onto an existing folder would move fresh inside it.
        if (fs.exists(target) || !fs.rename(fresh, target)) {
            if (fs.exists(target)) {
                fs.delete(fresh, true);
                return;
            }
            throw new IOException("could not move " + fresh + " to " + target);
        }
    }
}
