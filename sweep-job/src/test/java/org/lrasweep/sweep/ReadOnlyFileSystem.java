package org.lrasweep.sweep;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under the scheme {@code ro://}, refusing every write as a read-only mount
 * would (tests run as root here, so permission bits cannot stand in for one), and counting the
 * refusals so that a test can say a command tried none.
 */
public class ReadOnlyFileSystem extends LocalUnderScheme {
    /** Writes refused since the JVM started. */
    public static final AtomicInteger REFUSED = new AtomicInteger();

    @Override
    public String getScheme() {
        return "ro";
    }

    private static <T> T refuse(Path p) throws IOException {
        REFUSED.incrementAndGet();
        throw new AccessControlException("read-only file system: " + p);
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
                                     long blockSize, Progressable progress) throws IOException {
        return refuse(f);
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        return refuse(f);
    }

    @Override
    public FSDataOutputStream createNonRecursive(Path f, FsPermission permission, java.util.EnumSet<org.apache.hadoop.fs.CreateFlag> flags,
                                                 int bufferSize, short replication, long blockSize, Progressable progress)
            throws IOException {
        return refuse(f);
    }

    @Override
    public FSDataOutputStream append(Path f, int bufferSize, Progressable progress) throws IOException {
        return refuse(f);
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        return refuse(src);
    }

    @Override
    public boolean delete(Path p, boolean recursive) throws IOException {
        return refuse(p);
    }

    @Override
    public boolean mkdirs(Path f, FsPermission permission) throws IOException {
        return exists(f) && getFileStatus(f).isDirectory() ? true : refuse(f);
    }

    @Override
    public boolean mkdirs(Path f) throws IOException {
        return mkdirs(f, FsPermission.getDirDefault());
    }

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
        refuse(p);
    }

    @Override
    public void setTimes(Path p, long mtime, long atime) throws IOException {
        refuse(p);
    }
}
