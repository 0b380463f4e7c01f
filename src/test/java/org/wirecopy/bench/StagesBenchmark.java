package org.wirecopy.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SparseVector;
import org.wirecopy.model.Model;
import org.wirecopy.network.Ensemble;
import org.wirecopy.text.Article;
import org.wirecopy.text.Paragraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stages of {@link Classifier#classify} one at a time, one thread, bundled model, over the articles of
 * {@code training-data/} (see docs/performance.md): {@code normalise} (paragraph text to {@link Article}, entity
 * decoding and normalising), {@code features} (cues, n-gram hashing, input vectors) and {@code forwardPass} (the
 * network on vectors computed once). The {@code paragraphs} line of each result is paragraphs per second.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class StagesBenchmark {

    /** Articles as texts, as paragraphs and as input vectors, with the model's extractor and network. */
    @State(Scope.Benchmark)
    public static class Data {
        List<List<String>> texts;
        List<List<Paragraph>> paragraphs;
        List<List<SparseVector>> vectors;
        FeatureExtractor features;
        Ensemble network;

        @Setup
        public void load() throws IOException {
            Model model = Classifier.defaultModel();
            features = new FeatureExtractor(model.features(), model.vectors());
            network = new Ensemble(model.network(), model.weights(), model.features().inputSize(),
                    model.labels().size());
            texts = new ArrayList<>();
            paragraphs = new ArrayList<>();
            vectors = new ArrayList<>();
            Path dir = TestData.root().resolve("training-data");
            for (String split : List.of("train", "dev", "test")) {
                Corpus c = CorpusReader.read(dir.resolve(split + ".jsonl"), CorpusOptions.defaults());
                for (LabelledArticle a : c.articles()) {
                    texts.add(a.texts());
                    List<Paragraph> ps = Article.ofParagraphs(a.texts()).paragraphs();
                    paragraphs.add(ps);
                    vectors.add(features.extract(ps));
                }
            }
        }
    }

    /** Position in the article list and paragraphs done, reported as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Cursor {
        public long paragraphs;
        int next;

        @Setup(Level.Iteration)
        public void reset() {
            paragraphs = 0;
        }

        int take(int size, int articles) {
            int i = next;
            next = (next + 1) % articles;
            paragraphs += size;
            return i;
        }
    }

    @Benchmark
    public Article normalise(Data d, Cursor c) {
        int i = c.take(d.texts.get(c.next).size(), d.texts.size());
        return Article.ofParagraphs(d.texts.get(i));
    }

    @Benchmark
    public List<SparseVector> features(Data d, Cursor c) {
        int i = c.take(d.paragraphs.get(c.next).size(), d.paragraphs.size());
        return d.features.extract(d.paragraphs.get(i));
    }

    @Benchmark
    public float[][] forwardPass(Data d, Cursor c) {
        int i = c.take(d.vectors.get(c.next).size(), d.vectors.size());
        return d.network.scores(d.vectors.get(i));
    }
}
