package org.lrasweep.sweep.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A real Hadoop cluster in one process for submit/yarn-test.sh: HDFS (a name node and a data node)
 * and YARN (a resource manager and one node manager that launches containers as processes), from
 * hadoop-client-minicluster. It writes the client configuration ({@code core-site.xml},
 * {@code yarn-site.xml}) into the folder given as its argument, then a file
 * {@code ready} (three lines: the HDFS URI, the resource manager's address, the name node's web
 * address), and runs until it is killed.
 */
public final class MiniHadoopCluster {
    private MiniHadoopCluster() {
    }

    /** {@code MiniHadoopCluster CONF_DIR WORK_DIR NODE_MEMORY_MB NODE_VCORES}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: MiniHadoopCluster CONF_DIR WORK_DIR NODE_MEMORY_MB NODE_VCORES");
            System.exit(2);
        }
        Path confDir = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Files.createDirectories(confDir);
        Files.createDirectories(work);

        YarnConfiguration conf = new YarnConfiguration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("hdfs").toString());
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf, work.resolve("hdfs").toFile()).numDataNodes(1).build();
        hdfs.waitActive();
        conf.set("fs.defaultFS", hdfs.getURI().toString());

        conf.setInt(YarnConfiguration.NM_PMEM_MB, Integer.parseInt(args[2]));
        conf.setInt(YarnConfiguration.NM_VCORES, Integer.parseInt(args[3]));
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, Integer.parseInt(args[2]));
        // Containers are JVMs sized by Spark; YARN's memory policing would only kill them for the
        // virtual memory a JVM reserves.
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // A fuller disk than YARN's default 90% must not mark the only node unhealthy.
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
        conf.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 2);
        // Containers are handed out on node heartbeats: YARN's default second between them would add
        // seconds to every executor start and replacement of a test that is all starts.
        conf.setLong(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 200);
        // The capacity scheduler's configuration file is not in the shaded jar: one queue, "default",
        // the one submit/yarn.sh names unless QUEUE says otherwise.
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        // Application masters (drivers, in cluster mode) may take the whole node: two sweeps submitted
        // at once must run at once, not queue behind each other.
        conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
        conf.set("yarn.scheduler.capacity.root.default.user-limit-factor", "1");
        conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
        conf.set("yarn.scheduler.capacity.node-locality-delay", "-1");

        MiniYARNCluster yarn = new MiniYARNCluster("lra-sweep", 1, 1, 1);
        yarn.init(conf);
        yarn.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            yarn.stop();
            hdfs.shutdown(true);
        }));
        // start() can return before the resource manager has put its bound port in the configuration.
        Configuration client = yarn.getConfig();
        for (int i = 0; i < 600 && client.get(YarnConfiguration.RM_ADDRESS, ":0").endsWith(":0"); i++) {
            Thread.sleep(100);
        }
        // What a client needs, as a cluster's own client configuration gives it: the file system and
        // the resource manager's addresses. The cluster's full configuration names test-only classes
        // (a static topology mapping) that no client has.
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", hdfs.getURI().toString());
        write(core, confDir.resolve("core-site.xml"));
        Configuration site = new Configuration(false);
        for (var entry : client) {
            if (entry.getKey().startsWith("yarn.resourcemanager.") && entry.getKey().endsWith(".address")) {
                site.set(entry.getKey(), client.get(entry.getKey()));
            }
        }
        write(site, confDir.resolve("yarn-site.xml"));
        // ready: the file system, the resource manager, and the name node's web address (WebHDFS),
        // which the test polls with curl instead of starting a JVM for each look.
        Files.writeString(confDir.resolve("ready"), hdfs.getURI() + "\n" + client.get(YarnConfiguration.RM_ADDRESS) + "\n"
                + hdfs.getNameNode().getHttpAddress().getHostString() + ":" + hdfs.getNameNode().getHttpAddress().getPort() + "\n");
        System.out.println("mini cluster up: " + hdfs.getURI() + ", resource manager at " + client.get(YarnConfiguration.RM_ADDRESS));
        Thread.currentThread().join();
    }

    private static void write(Configuration conf, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            conf.writeXml(out);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
