package org.lrasweep.sweep;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local SparkSession shared by all tests of a class (what spark-testing-base's
 * SharedJavaSparkContext does for JUnit 4; it has no Spark 4 build). Two cores, three attempts per
 * task so retries can be tested, no UI, loopback only. Tests receive it as a parameter.
 */
public final class SparkSessionExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SparkSessionExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        SparkSession spark = SparkSession.builder()
                .master("local[2,3]")
                .appName(context.getRequiredTestClass().getSimpleName())
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        context.getStore(NS).put("spark", spark);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SparkSession spark = context.getStore(NS).remove("spark", SparkSession.class);
        if (spark != null) {
            spark.stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return e.getStore(NS).get("spark", SparkSession.class);
    }
}
