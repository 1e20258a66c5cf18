package org.lrasweep.sweep;

import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/** The local file system under another URI scheme, for test file systems that misbehave as real ones do. */
abstract class LocalUnderScheme extends RawLocalFileSystem {
    @Override
    public abstract String getScheme();

    @Override
    public java.net.URI getUri() {
        return java.net.URI.create(getScheme() + ":///");
    }

    @Override
    public java.io.File pathToFile(Path path) {
        checkPath(path);
        if (!path.isAbsolute()) {
            path = new Path(getWorkingDirectory(), path);
        }
        return new java.io.File(path.toUri().getPath());
    }

    /** Plain statuses: the local ones load their permissions through java.io.File, which takes file: URIs only. */
    private static FileStatus plain(FileStatus s) {
        return new FileStatus(s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(), s.getPath());
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return plain(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        return java.util.Arrays.stream(super.listStatus(f)).map(LocalUnderScheme::plain).toArray(FileStatus[]::new);
    }
}
