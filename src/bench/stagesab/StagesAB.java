import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of wirecopy in one JVM, each through its own class loader, their rounds interleaved (A B, B A, ...), so
 * that a busy machine disturbs both alike: microseconds of thread CPU per paragraph of the feature extractor, the
 * forward pass and Classifier.classify, medians, and the median per-round ratio B/A with its quartiles. See
 * stages-ab.sh.
 *
 * <p>Arguments: A (classes dir or jar), B, lib dir, helper classes dir, input JSONL, rounds, articles.
 */
public class StagesAB {
    public static void main(String[] a) throws Exception {
        int rounds = Integer.parseInt(a[5]);
        int articles = Integer.parseInt(a[6]);
        List<URL> libs = new ArrayList<>();
        try (var ds = Files.newDirectoryStream(Path.of(a[2]), "*.jar")) {
            for (Path p : ds) libs.add(p.toUri().toURL());
        }
        Object[] h = new Object[2];
        Method[] r = new Method[2];
        for (int i = 0; i < 2; i++) {
            List<URL> u = new ArrayList<>();
            u.add(Path.of(a[3]).toUri().toURL());
            u.add(Path.of(a[i]).toUri().toURL());
            u.addAll(libs);
            ClassLoader cl = new URLClassLoader(u.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> c = cl.loadClass("StagesHelper");
            h[i] = c.getConstructor(String.class, int.class).newInstance(a[4], articles);
            r[i] = c.getMethod("round");
        }
        double[][][] t = new double[2][3][rounds];
        double[] check = new double[2];
        for (int k = -rounds / 2; k < rounds; k++) {
            for (int i = 0; i < 2; i++) {
                int w = (k & 1) == 0 ? i : 1 - i;
                double[] x = (double[]) r[w].invoke(h[w]);
                check[w] = x[3];
                if (k >= 0) for (int s = 0; s < 3; s++) t[w][s][k] = x[s];
            }
        }
        String[] names = {"features", "forward", "classify"};
        System.out.printf("%d rounds (after %d warm-up), us of thread CPU per paragraph%n", rounds, rounds / 2);
        for (int s = 0; s < 3; s++) {
            double[] ratio = new double[rounds];
            for (int k = 0; k < rounds; k++) ratio[k] = t[1][s][k] / t[0][s][k];
            double[] x = t[0][s].clone(), y = t[1][s].clone();
            Arrays.sort(x);
            Arrays.sort(y);
            Arrays.sort(ratio);
            System.out.printf("%-9s A %7.3f  B %7.3f   B/A per round: median %.3f, quartiles %.3f-%.3f%n", names[s],
                    x[rounds / 2], y[rounds / 2], ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4]);
        }
        System.out.println("same scores (checksum of every score's bits): " + (check[0] == check[1] ? "yes" : "NO"));
    }
}
