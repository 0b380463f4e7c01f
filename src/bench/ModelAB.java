import org.wirecopy.classify.Classifier; import org.wirecopy.model.ModelIO; import org.wirecopy.corpus.*; import org.wirecopy.text.Article;
import java.nio.file.*; import java.util.*;
/** Two models side by side in one JVM on the dev and test articles, one thread, alternating rounds: paragraphs/s (medians) and the ratio. Run: java -cp "target/wirecopy.jar:target/lib/*" src/bench/ModelAB.java OLD.zip NEW.zip */
public class ModelAB { public static void main(String[] a) throws Exception {
  Corpus c = CorpusReader.read(Path.of("training-data/dev.jsonl"), CorpusOptions.defaults()).plus(CorpusReader.read(Path.of("training-data/test.jsonl"), CorpusOptions.defaults()));
  List<Article> arts = new ArrayList<>(); long n=0; for (var x: c.articles()) { arts.add(Article.ofParagraphs(x.texts())); n+=x.paragraphs().size(); }
  Classifier[] cl = { new Classifier(ModelIO.load(Path.of(a[0]))), new Classifier(ModelIO.load(Path.of(a[1]))) };
  double[][] t = new double[2][9];
  for (int r=-3;r<9;r++) for (int k=0;k<2;k++) { long t0=System.nanoTime(); for (Article x: arts) cl[k].classify(x); double s=(System.nanoTime()-t0)/1e9; if(r>=0) t[k][r]=s; }
  for (int k=0;k<2;k++){ Arrays.sort(t[k]); System.out.printf("%s: %.0f paragraphs/s (median of 9)%n", a[k], n/t[k][4]); }
  System.out.printf("ratio new/old: %.2f%n", t[0][4]/t[1][4]);
}}
