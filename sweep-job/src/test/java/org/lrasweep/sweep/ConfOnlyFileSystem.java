package org.lrasweep.sweep;

/**
 * The local file system under the scheme {@code viaconf://}, known only to a configuration that sets
 * {@code fs.viaconf.impl} (no service registration): a stand-in for settings a user gives Spark as
 * {@code spark.hadoop.*}, such as an S3 endpoint, which Hadoop's defaults do not hold.
 */
public class ConfOnlyFileSystem extends LocalUnderScheme {
    @Override
    public String getScheme() {
        return "viaconf";
    }
}
