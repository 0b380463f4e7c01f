package org.wirecopy.spark;

import org.apache.spark.sql.SparkSession;

/** One small local Spark session for the tests of this package: 2 cores, no UI, 2 shuffle partitions. */
final class SparkSessions {

    private static SparkSession session;

    private SparkSessions() {
    }

    static synchronized SparkSession local() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("wirecopy-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
