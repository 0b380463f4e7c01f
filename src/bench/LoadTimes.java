import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.Classifier;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold load of the bundled model in a fresh JVM, as an app does it: prints, on one line, the milliseconds of
 * Classifier.bundled(), of the first classify(text) of FILE after it, and the thread CPU milliseconds of both.
 * src/bench/startup.sh compiles it once and runs it in fresh JVMs, alternating two builds; not a benchmark alone.
 *
 *     java -cp "CLASSES:target/wirecopy.jar:target/lib/*" LoadTimes docs/examples/sample-post.txt
 */
public final class LoadTimes {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Classifier c = Classifier.bundled();
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        ClassifiedArticle a = c.classify(text);
        long t2 = System.nanoTime();
        long c2 = mx.getCurrentThreadCpuTime();
        if (a.paragraphs().isEmpty()) throw new IllegalStateException("no paragraphs");
        System.out.printf("%.1f %.1f %.1f %.1f%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (c1 - c0) / 1e6, (c2 - c1) / 1e6);
    }
}
