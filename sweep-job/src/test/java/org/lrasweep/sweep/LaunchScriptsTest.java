package org.lrasweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster launch scripts' checks, run as a user would run them, with a stand-in
 * {@code spark-submit} on the PATH that prints a version banner and records its arguments: the
 * checks must fail at once with one line and exit 2, before anything is built or submitted.
 */
class LaunchScriptsTest {
    private static final Path SUBMIT = Path.of("..", "submit").toAbsolutePath().normalize();

    record Result(int status, String err, String submitted) {
    }

    /** Runs a script with only the system folders (and the stand-in, when given a version) on the PATH. */
    private static Result run(Path tmp, String sparkVersion, String scalaVersion, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path recorded = tmp.resolve("submitted.txt");
        if (sparkVersion != null) {
            Path fake = bin.resolve("spark-submit");
            Files.writeString(fake, "#!/bin/bash\nif [[ \"$1\" == --version ]]; then\n"
                    + "  echo \"Welcome to Spark version " + sparkVersion + "\" >&2\n"
                    + "  echo \"Using Scala version " + scalaVersion + ".16, OpenJDK 64-Bit Server VM, 17.0.15\" >&2\n"
                    + "  exit 0\nfi\nprintf '%s\\n' \"$@\" > " + recorded + "\n");
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path jar = Files.writeString(tmp.resolve("job.jar"), "stand-in");
        Path spec = Files.writeString(tmp.resolve("sweep.conf"), "name = s\n");
        List<String> command = new ArrayList<>(List.of("bash", SUBMIT.resolve(args[0]).toString()));
        for (int i = 1; i < args.length; i++) {
            command.add(args[i].replace("SPEC", spec.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("LRA_SWEEP_JOB_JAR", jar.toString());
        pb.environment().remove("SPARK_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), err, Files.exists(recorded) ? Files.readString(recorded) : null);
    }

    private static void assertOneLineError(Result r, String expected) {
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(null, r.submitted(), "nothing was submitted");
    }

    @Test
    void yarnAndKubernetesNeedASparkDistribution(@TempDir Path tmp) throws Exception {
        assertOneLineError(run(tmp, null, null, Map.of("HADOOP_CONF_DIR", tmp.toString()), "yarn.sh", "SPEC"),
                "submit/yarn.sh needs spark-submit of a Spark 4.1 or 4.2 (Scala 2.13) distribution on the PATH");
        assertOneLineError(run(tmp, null, null, Map.of("IMAGE", "img"), "k8s.sh", "https://k8s:6443", "SPEC"),
                "submit/k8s.sh needs spark-submit of a Spark 4.1 or 4.2 (Scala 2.13) distribution on the PATH");
    }

    @Test
    void aSparkSubmitOfAnotherVersionIsRefused(@TempDir Path tmp) throws Exception {
        assertOneLineError(run(tmp, "4.0.1", "2.13", Map.of("HADOOP_CONF_DIR", tmp.toString()), "yarn.sh", "SPEC"),
                "is Spark 4.0.1 for Scala 2.13; the job needs Spark 4.1 or 4.2 for Scala 2.13");
        assertOneLineError(run(tmp, "4.3.0", "2.13", Map.of("HADOOP_CONF_DIR", tmp.toString()), "yarn.sh", "SPEC"),
                "is Spark 4.3.0 for Scala 2.13");
        assertOneLineError(run(tmp, "4.1.3", "2.12", Map.of(), "standalone.sh", "spark://m:7077", "SPEC"),
                "is Spark 4.1.3 for Scala 2.12");
        assertOneLineError(run(tmp, "3.5.6", "2.12", Map.of(), "local.sh", "SPEC"), "is Spark 3.5.6 for Scala 2.12");
    }

    @Test
    void aSpark42DistributionIsAcceptedAsTheYarnTestRunsOne(@TempDir Path tmp) throws Exception {
        Result ok = run(tmp, "4.2.0", "2.13", Map.of("IMAGE", "img", "UPLOAD_PATH", "s3a://bucket/uploads"),
                "k8s.sh", "https://k8s:6443", "SPEC");
        assertEquals(0, ok.status(), ok.err());
    }

    @Test
    void kubernetesClusterModeShipsTheSpecThroughTheUploadPath(@TempDir Path tmp) throws Exception {
        assertOneLineError(run(tmp, "4.1.3", "2.13", Map.of("IMAGE", "img"), "k8s.sh", "https://k8s:6443", "SPEC"),
                "needs UPLOAD_PATH (spark.kubernetes.file.upload.path");
        Result ok = run(tmp, "4.1.3", "2.13", Map.of("IMAGE", "img", "UPLOAD_PATH", "s3a://bucket/uploads"),
                "k8s.sh", "https://k8s:6443", "SPEC", "seeds=[1,2]");
        assertEquals(0, ok.status(), ok.err());
        List<String> args = ok.submitted().lines().toList();
        assertTrue(args.contains("spark.kubernetes.file.upload.path=s3a://bucket/uploads"), args.toString());
        assertEquals(tmp.resolve("sweep.conf").toString(), args.get(args.indexOf("--files") + 1));
        assertEquals(List.of("run", "sweep.conf", "seeds=[1,2]"), args.subList(args.size() - 3, args.size()));
    }

    @Test
    void theKubernetesImagePutsTheJobJarWhereK8sShLooksForIt() throws IOException {
        String dockerfile = Files.readString(SUBMIT.resolve("k8s").resolve("Dockerfile"));
        String script = Files.readString(SUBMIT.resolve("k8s.sh"));
        assertTrue(dockerfile.contains("COPY sweep-job/target/lra-sweep-job.jar /opt/lra-sweep/lra-sweep-job.jar"), dockerfile);
        assertTrue(script.contains("local:///opt/lra-sweep/lra-sweep-job.jar"), "k8s.sh's default JOB_JAR_URL");
        assertTrue(dockerfile.contains("spark:4.1.3-scala2.13-java17"), "the Spark line the job is built for");
    }
}
