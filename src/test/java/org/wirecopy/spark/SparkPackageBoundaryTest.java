package org.wirecopy.spark;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The architecture rule of the Spark integration (the repository has no ArchUnit; this reads the sources): no main
 * class outside {@code org.wirecopy.spark} names that package or Spark, so the core library and the CLI never load
 * Spark, which is a provided dependency.
 */
class SparkPackageBoundaryTest {

    @Test
    void nothingOutsideTheSparkPackageUsesItOrSpark() throws IOException {
        Path main = TestData.root().resolve("src/main/java");
        Path own = main.resolve("org/wirecopy/spark");
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.startsWith(own)) continue;
                checked++;
                String src = Files.readString(f, StandardCharsets.UTF_8);
                if (src.contains("org.wirecopy.spark") || src.contains("org.apache.spark")) {
                    offenders.add(main.relativize(f).toString());
                }
            }
        }
        assertTrue(checked > 100, "only " + checked + " source files found under " + main);
        assertEquals(List.of(), offenders, "these classes use org.wirecopy.spark or Spark; only org.wirecopy.spark "
                + "may (Spark is provided, the core must run without it)");
    }
}
