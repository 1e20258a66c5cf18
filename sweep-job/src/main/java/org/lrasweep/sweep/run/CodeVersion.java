package org.lrasweep.sweep.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The job's version as recorded with every trial: {@code <project version>+<git commit>[.dirty]}. */
public final class CodeVersion {
    private CodeVersion() {
    }

    public static String current() {
        Properties p = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream("/lra-sweep-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String version = p.getProperty("version", "unknown");
        String commit = p.getProperty("commit", "");
        if (commit.isBlank() || commit.startsWith("${")) {
            return version;
        }
        return version + "+" + commit + ("true".equals(p.getProperty("dirty")) ? ".dirty" : "");
    }
}
