import org.wirecopy.classify.Classifier; import org.wirecopy.corpus.*; import org.wirecopy.text.Article; import org.wirecopy.network.ActivationKernel;
import java.lang.management.*; import java.nio.file.*; import java.util.*;
/** The bundled model's two activation kernels side by side in one JVM, one thread, alternating rounds of Classifier.classify over the dev, test and train articles: paragraphs per CPU second (medians) and the median per-round ratio RATIONAL/EXACT of thread CPU time. Run from the checkout: java -cp "target/wirecopy.jar:target/lib/*" src/bench/KernelAB.java [ROUNDS] */
public class KernelAB { public static void main(String[] a) throws Exception {
  Corpus c = CorpusReader.read(Path.of("training-data/dev.jsonl"), CorpusOptions.defaults()).plus(CorpusReader.read(Path.of("training-data/test.jsonl"), CorpusOptions.defaults())).plus(CorpusReader.read(Path.of("training-data/train.jsonl"), CorpusOptions.defaults()));
  List<Article> arts = new ArrayList<>(); long n=0; for (var x: c.articles()) { arts.add(Article.ofParagraphs(x.texts())); n+=x.paragraphs().size(); }
  Classifier[] cl = { Classifier.bundled().withActivations(ActivationKernel.EXACT), Classifier.bundled() };
  int rounds = a.length > 0 ? Integer.parseInt(a[0]) : 15; ThreadMXBean mx = ManagementFactory.getThreadMXBean();
  double[][] cpu = new double[2][rounds]; double[] ratio = new double[rounds];
  for (int r=-5;r<rounds;r++) for (int k=0;k<2;k++) { long c0=mx.getCurrentThreadCpuTime(); for (Article x: arts) cl[k].classify(x); if(r>=0) cpu[k][r]=(mx.getCurrentThreadCpuTime()-c0)/1e9; }
  for (int r=0;r<rounds;r++) ratio[r]=cpu[1][r]/cpu[0][r];
  Arrays.sort(ratio); for (int k=0;k<2;k++){ Arrays.sort(cpu[k]); System.out.printf("%s: %.0f paragraphs per CPU second (median of %d)%n", k==0?"EXACT":"RATIONAL", n/cpu[k][rounds/2], rounds); }
  System.out.printf("RATIONAL/EXACT CPU per round: median %.3f%n", ratio[rounds/2]);
}}
