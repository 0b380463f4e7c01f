package org.wirecopy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.CrossValidator;
import org.wirecopy.eval.Evaluator;
import org.wirecopy.eval.Folds;
import org.wirecopy.model.ModelIO;
import org.wirecopy.network.Architecture;
import org.wirecopy.train.NetworkLearner;
import org.wirecopy.train.Trainer;
import org.wirecopy.train.TrainingConfig;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, progress: the library tells listeners (events counted here); the CLI draws a bar only on a terminal or
 * with {@code --progress}, and prints no bar when stderr is not a terminal (as under the test runner).
 */
class ProgressTest {

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void saveModel() throws Exception {
        model = dir.resolve("tiny.zip");
        ModelIO.save(TestData.tinyModel(), model);
    }

    @Test
    void evaluatorTellsItsListenerAfterEveryArticle() throws Exception {
        Corpus corpus = TestData.tinyCorpus();
        List<Integer> seen = new ArrayList<>();
        Evaluator.evaluate(new Classifier(TestData.tinyModel()), corpus, seen::add);
        assertEquals(IntStream.rangeClosed(1, corpus.articles().size()).boxed().toList(), seen);
    }

    @Test
    void trainingAndCrossValidationTellTheirListeners() throws Exception {
        TrainingConfig config = TestData.smallConfig(Architecture.BILSTM, 3).toBuilder().epochs(3).build();
        List<Trainer.Progress> epochs = new ArrayList<>();
        new Trainer(config).onProgress(epochs::add).train(TestData.tinyCorpus(), null);
        assertEquals(List.of(1, 2, 3), epochs.stream().map(Trainer.Progress::epoch).toList());
        assertTrue(epochs.stream().allMatch(p -> p.maxEpochs() == 3 && p.loss() > 0
                && Double.isNaN(p.devMacroF1())), "no dev set, no dev F1: " + epochs);

        Corpus corpus = TestData.tinyCorpus();
        Folds folds = Folds.of(corpus, 3, 7);
        List<Integer> foldStarts = new ArrayList<>();
        List<Trainer.Progress> foldEpochs = new ArrayList<>();
        CrossValidator.run(new NetworkLearner(config.toBuilder().epochs(2).build(), 0).withProgress(foldEpochs::add),
                corpus, folds, foldStarts::add);
        assertEquals(List.of(0, 1, 2), foldStarts);
        assertEquals(List.of(1, 2, 1, 2, 1, 2), foldEpochs.stream().map(Trainer.Progress::epoch).toList());
    }

    @Test
    void theBarCountsUpAndEndsItsLine() {
        StringWriter w = new StringWriter();
        try (ProgressDisplay bar = ProgressDisplay.bar(new PrintWriter(w), "work", 4, "items", 20)) {
            assertTrue(bar.active());
            for (int i = 1; i <= 4; i++) bar.stepTo(i);
            bar.extra("loss 0.5");
        }
        String s = w.toString();
        assertTrue(s.startsWith("\r") && s.endsWith(System.lineSeparator()), s);
        String last = s.substring(s.lastIndexOf('\r') + 1);
        assertTrue(last.contains("work") && last.contains("100%") && last.contains("4/4") && last.contains("loss 0.5"),
                last);
        try (ProgressDisplay off = ProgressDisplay.none()) {
            off.stepTo(3);
            off.extra("x");
            assertFalse(off.active());
        }
    }

    @Test
    void withoutATerminalTheVerbsPrintNoBarAndWithProgressTheyDo() throws Exception {
        assertFalse(ProgressDisplay.stderrIsTerminal(), "the test runner's stderr is not a terminal");
        String data = TestData.resource("tiny-corpus.jsonl").toString();
        CliTest.Run plain = CliTest.run("evaluate", "--model", model.toString(), "--data", data);
        assertEquals(0, plain.code(), plain.err());
        assertFalse(plain.err().contains("\r"), plain.err());
        CliTest.Run bar = CliTest.run("evaluate", "--model", model.toString(), "--data", data, "--progress");
        assertEquals(0, bar.code(), bar.err());
        assertTrue(bar.err().contains("\revaluate") && bar.err().contains("100%"), bar.err());
        assertEquals(plain.out(), bar.out(), "the bar goes to stderr only");

        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Files.writeString(a, "WASHINGTON (AP) - The House delayed a vote on Tuesday, officials said.\nWhat a mess.\n");
        Files.writeString(b, "Advertisement\nI think this is wrong.\n");
        CliTest.Run many = CliTest.run("classify", "--model", model.toString(), "--format", "csv", a.toString(),
                b.toString());
        assertEquals(0, many.code(), many.err());
        assertFalse(many.err().contains("\r"), many.err());
        CliTest.Run manyBar = CliTest.run("classify", "--model", model.toString(), "--format", "csv", "--progress",
                a.toString(), b.toString());
        assertEquals(0, manyBar.code(), manyBar.err());
        assertTrue(manyBar.err().contains("\rclassify") && manyBar.err().contains("2/2"), manyBar.err());
        assertEquals(many.out(), manyBar.out());

        // a JSONL corpus is followed by the bytes read: the bar counts KB, plain lines give the share read and an ETA
        CliTest.Run corpus = CliTest.run("classify", "--model", model.toString(), "--format", "csv", "--progress",
                data);
        assertEquals(0, corpus.code(), corpus.err());
        String last = corpus.err().substring(corpus.err().lastIndexOf('\r') + 1);
        assertTrue(last.contains("100%") && last.contains(" KB"), corpus.err());
        CliTest.Run lines = CliTest.run("classify", "--model", model.toString(), "--format", "csv",
                "--progress-seconds", "0.000001", data);
        assertEquals(0, lines.code(), lines.err());
        assertFalse(lines.err().contains("\r"), lines.err());
        assertTrue(lines.err().matches("(?s).*\\d+% of the input read, ETA \\d+ s.*"), lines.err());

        String[] cv = {"cross-validate", "--data", data, "--folds", "2", "--epochs", "2", "--hash-bits", "10",
                "--hidden", "8", "--recurrent", "4"};
        CliTest.Run cvPlain = CliTest.run(cv);
        assertEquals(0, cvPlain.code(), cvPlain.err());
        assertFalse(cvPlain.err().contains("\r"), cvPlain.err());
        assertTrue(cvPlain.err().contains("fold 2/2"), "plain lines instead: " + cvPlain.err());
        String[] cvBar = java.util.Arrays.copyOf(cv, cv.length + 1);
        cvBar[cv.length] = "--progress";
        CliTest.Run cvWithBar = CliTest.run(cvBar);
        assertEquals(0, cvWithBar.code(), cvWithBar.err());
        assertTrue(cvWithBar.err().contains("\rcross-validate") && cvWithBar.err().contains("4/4"), cvWithBar.err());
        assertFalse(cvWithBar.err().contains("fold 2/2  ("), "no plain fold lines under a bar: " + cvWithBar.err());
    }
}
