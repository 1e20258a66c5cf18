package org.lrasweep.sweep.run;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The driver's Hadoop configuration carried to Spark tasks, so that a task opens the output with the
 * settings the user gave ({@code spark.hadoop.*}: an S3 endpoint, credentials, HDFS client options),
 * which an executor's {@code new Configuration()} would not hold.
 */
public final class HadoopConf {
    private HadoopConf() {
    }

    /** The driver's Hadoop settings as a serializable map. */
    public static Map<String, String> of(SparkSession spark) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> e : spark.sparkContext().hadoopConfiguration()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** A configuration with the settings of {@link #of}, on top of the local defaults. */
    public static Configuration restore(Map<String, String> settings) {
        Configuration conf = new Configuration();
        settings.forEach(conf::set);
        return conf;
    }
}
