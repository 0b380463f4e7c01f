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
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.LabelledArticle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * In-process figures of the Java API with the bundled model (see docs/performance.md for how to run them and for the
 * numbers):
 *
 * <ul>
 *   <li>{@code corpus1Thread}, {@code corpus2Threads}: {@link Classifier#classifyParagraphs} over the articles of
 *   {@code training-data/} (all splits, 570 articles, 7,773 paragraphs), each thread walking them in order from its
 *   own starting point. The {@code paragraphs} line of the result is paragraphs per second (all threads together);
 *   the primary figure is articles per second.</li>
 *   <li>{@code article20}: the latency of classifying one 20-paragraph article; JMH prints p50, p90, p99 and more.</li>
 * </ul>
 *
 * One shared {@link Classifier}, as an application would hold it.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ClassifierBenchmark {

    /** The classifier and the articles, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Data {
        Classifier classifier;
        List<List<String>> articles;
        List<String> article20;

        @Setup
        public void load() throws IOException {
            classifier = Classifier.loadDefault();
            articles = new ArrayList<>();
            Path dir = TestData.root().resolve("training-data");
            for (String split : List.of("train", "dev", "test")) {
                Corpus c = CorpusReader.read(dir.resolve(split + ".jsonl"), CorpusOptions.defaults());
                for (LabelledArticle a : c.articles()) articles.add(a.texts());
            }
            article20 = twentyParagraphs(articles);
        }
    }

    /**
     * The first 20 paragraphs of the first article that has at least 20 (the corpus's median article has about 13,
     * so this is a long post, as blog posts that quote wire copy are).
     */
    static List<String> twentyParagraphs(List<List<String>> articles) {
        for (List<String> a : articles) if (a.size() >= 20) return List.copyOf(a.subList(0, 20));
        throw new IllegalStateException("no article with 20 paragraphs in training-data/");
    }

    /** Per-thread position in the article list, and the paragraph count JMH reports as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Cursor {
        public long paragraphs;
        int next;

        @Setup(Level.Trial)
        public void start(Data data) {
            // threads start at different articles so that they do not walk the list in lockstep
            next = (int) (Thread.currentThread().getId() * 97 % data.articles.size());
        }

        @Setup(Level.Iteration)
        public void reset() {
            paragraphs = 0;
        }
    }

    private static ClassifiedArticle classifyNext(Data data, Cursor cursor) {
        List<String> a = data.articles.get(cursor.next);
        cursor.next = (cursor.next + 1) % data.articles.size();
        ClassifiedArticle r = data.classifier.classifyParagraphs(a);
        cursor.paragraphs += a.size();
        return r;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public ClassifiedArticle corpus1Thread(Data data, Cursor cursor) {
        return classifyNext(data, cursor);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public ClassifiedArticle corpus2Threads(Data data, Cursor cursor) {
        return classifyNext(data, cursor);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public ClassifiedArticle article20(Data data) {
        return data.classifier.classifyParagraphs(data.article20);
    }
}
