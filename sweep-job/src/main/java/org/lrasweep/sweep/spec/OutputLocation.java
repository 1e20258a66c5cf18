package org.lrasweep.sweep.spec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Checks of a sweep's output location, made before Spark starts so that a bad one costs a line and
 * nothing else. Every command: the URI's scheme must name a Hadoop file system ({@link #checkScheme}).
 * A run: the location must be writable, and a remote one reachable ({@link #checkWritable}). Reading
 * commands ({@code plan}, {@code status}, {@code report --to}) write nothing and need neither.
 */
public final class OutputLocation {
    private OutputLocation() {
    }

    /** Whether output is a Hadoop URI of a scheme other than {@code file}. */
    public static boolean remote(String output) {
        return output.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !output.startsWith("file:");
    }

    /**
     * Rejects an output whose scheme no Hadoop file system serves here ({@code foo://x}), and a local
     * path that cannot be a folder (a file stands at it or above it).
     */
    static void checkScheme(String output) {
        if (!remote(output)) {
            Path path = local(output);
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new SpecException("output = " + output + ": exists and is not a directory");
            }
            Path existing = nearestExisting(path);
            if (existing == null || !Files.isDirectory(existing)) {
                throw new SpecException("output = " + output + ": cannot be a folder (" + existing + " is not a directory)");
            }
            return;
        }
        String scheme = URI.create(output.replace(" ", "%20")).getScheme().toLowerCase(Locale.ROOT);
        try {
            FileSystem.getFileSystemClass(scheme, hadoop());
        } catch (UnsupportedFileSystemException e) {
            throw new SpecException("output = " + output + ": no Hadoop file system for the scheme '" + scheme
                    + "' (file, hdfs, s3a, gs, abfs, ... : README, \"Storage\")");
        } catch (IOException | RuntimeException e) {
            // Known to Hadoop, its class absent (hadoop-aws for s3a): a reading command need not touch it; a run is refused below.
        }
    }

    /**
     * Rejects an output a run could not write: a local folder where no file can be created (probed
     * with a file deleted at once: permission bits prove nothing to root); a remote one whose file
     * system class is missing or which cannot be reached. Hadoop settings given to Spark as
     * {@code spark.hadoop.*} system properties (spark-submit's {@code --conf}) apply to the probe.
     */
    public static void checkWritable(String output) {
        checkScheme(output);
        if (!remote(output)) {
            Path existing = nearestExisting(local(output));
            try {
                Files.delete(Files.createTempFile(existing, ".lra-sweep-probe", ""));
            } catch (IOException | SecurityException e) {
                throw new SpecException("output = " + output + ": not writable (cannot create files in " + existing + ")");
            }
            return;
        }
        Configuration conf = hadoop();
        // One attempt, a short wait: an unreachable name node or endpoint should cost seconds, not Hadoop's minutes of retries.
        conf.setInt("ipc.client.connect.max.retries", 0);
        conf.setInt("ipc.client.connect.max.retries.on.timeouts", 0);
        conf.setInt("ipc.client.connect.timeout", 5000);
        conf.setInt("dfs.client.failover.max.attempts", 0);
        conf.setInt("fs.s3a.attempts.maximum", 1);
        conf.setInt("fs.s3a.retry.limit", 1);
        conf.set("fs.s3a.connection.establish.timeout", "5s");
        conf.set("fs.s3a.connection.timeout", "10s");
        conf.setInt("ftp.timeout", 5000);
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(output);
        try (FileSystem fs = FileSystem.newInstance(path.toUri(), conf)) {
            fs.exists(path);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new SpecException("output = " + output + ": unreachable (" + reason(e) + ")");
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ClassNotFoundException) {
            return "its file system class " + root.getMessage() + " is not on the classpath (README, \"Storage\")";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static Path nearestExisting(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }

    private static Path local(String output) {
        return Path.of(output.startsWith("file:") ? URI.create(output).getPath() : output).toAbsolutePath();
    }

    /** Hadoop's defaults plus the {@code spark.hadoop.*} settings Spark would apply (for checks made before it starts). */
    public static Configuration hadoop() {
        Configuration conf = new Configuration();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.hadoop."))
                .forEach(k -> conf.set(k.substring("spark.hadoop.".length()), System.getProperty(k)));
        return conf;
    }
}
