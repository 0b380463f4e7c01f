import org.wirecopy.classify.Classifier; import org.wirecopy.model.ModelIO; import org.wirecopy.corpus.*; import org.wirecopy.text.Article;
import java.lang.management.*; import java.nio.file.*; import java.util.*;
/** Two models side by side in one JVM on the dev and test articles, one thread, alternating rounds: paragraphs/s (medians of wall and of thread CPU time) and the ratios. Thread CPU time is the figure to keep on a shared machine. MODEL.zip#N reads the first N networks of a seed ensemble (Classifier.withNetworks). Run: java -cp "target/wirecopy.jar:target/lib/*" src/bench/ModelAB.java OLD.zip NEW.zip [ROUNDS]; the bundled ensemble beside its first network: ... ModelAB.java M.zip#1 M.zip with M = src/main/resources/org/wirecopy/default-model */
public class ModelAB { public static void main(String[] a) throws Exception {
  Corpus c = CorpusReader.read(Path.of("training-data/dev.jsonl"), CorpusOptions.defaults()).plus(CorpusReader.read(Path.of("training-data/test.jsonl"), CorpusOptions.defaults()));
  List<Article> arts = new ArrayList<>(); long n=0; for (var x: c.articles()) { arts.add(Article.ofParagraphs(x.texts())); n+=x.paragraphs().size(); }
  Classifier[] cl = { classifier(a[0]), classifier(a[1]) };
  int rounds = a.length > 2 ? Integer.parseInt(a[2]) : 9; ThreadMXBean mx = ManagementFactory.getThreadMXBean();
  double[][] t = new double[2][rounds], cpu = new double[2][rounds];
  for (int r=-3;r<rounds;r++) for (int k=0;k<2;k++) { long t0=System.nanoTime(), c0=mx.getCurrentThreadCpuTime(); for (Article x: arts) cl[k].classify(x); if(r>=0) { t[k][r]=(System.nanoTime()-t0)/1e9; cpu[k][r]=(mx.getCurrentThreadCpuTime()-c0)/1e9; } }
  for (int k=0;k<2;k++){ Arrays.sort(t[k]); Arrays.sort(cpu[k]); System.out.printf("%s: %.0f paragraphs/s wall, %.0f per CPU second (medians of %d)%n", a[k], n/t[k][rounds/2], n/cpu[k][rounds/2], rounds); }
  System.out.printf("ratio new/old: %.2f wall, %.2f CPU%n", t[0][rounds/2]/t[1][rounds/2], cpu[0][rounds/2]/cpu[1][rounds/2]);
}
  static Classifier classifier(String arg) throws Exception { int hash = arg.lastIndexOf('#');
    if (hash < 0) return new Classifier(ModelIO.load(Path.of(arg)));
    return new Classifier(ModelIO.load(Path.of(arg.substring(0, hash)))).withNetworks(Integer.parseInt(arg.substring(hash + 1))); }
}
