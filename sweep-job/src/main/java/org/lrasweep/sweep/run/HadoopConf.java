package org.lrasweep.sweep.run;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The driver's Hadoop settings carried to where a {@code new Configuration()} would miss them:
 * into Spark tasks, and into the journal's and checkpoints' own file system handles on the driver.
 * A user's {@code spark.hadoop.*} settings (an S3 endpoint, credentials, HDFS client options) live
 * in the session's Hadoop configuration only, not in Hadoop's XML defaults.
 */
public final class HadoopConf {
    private HadoopConf() {
    }

    /** The settings of the session's Hadoop configuration that differ from Hadoop's defaults here. */
    public static Map<String, String> of(SparkSession spark) {
        return diff(spark.sparkContext().hadoopConfiguration());
    }

    /**
     * The active session's settings ({@link #of}); without a session, the {@code spark.hadoop.*}
     * system properties spark-submit sets, as Spark would apply them.
     */
    public static Map<String, String> current() {
        if (SparkSession.getActiveSession().isDefined()) {
            return of(SparkSession.getActiveSession().get());
        }
        return diff(org.lrasweep.sweep.spec.OutputLocation.hadoop());
    }

    private static Map<String, String> diff(Configuration conf) {
        Configuration defaults = new Configuration();
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> e : conf) {
            if (!e.getValue().equals(defaults.getRaw(e.getKey()))) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** A configuration: Hadoop's defaults with settings on top. */
    public static Configuration restore(Map<String, String> settings) {
        Configuration conf = new Configuration();
        settings.forEach(conf::set);
        return conf;
    }
}
