package org.wirecopy.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.CorpusFormat;
import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.model.ModelFormatException;
import org.wirecopy.model.ModelIO;
import org.wirecopy.text.Article;
import org.wirecopy.text.ArticleInputException;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;
import org.wirecopy.text.Paragraph;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzz tests (Jazzer). Under {@code mvn test} each replays its seed corpus in
 * {@code src/test/resources/org/wirecopy/fuzz/ReaderFuzzTestInputs/<method>/} (bounded: a few seconds); with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration} (see docs/hardening.md). Any exception other than the
 * documented input errors, or a broken invariant, is a finding.
 */
class ReaderFuzzTest {

    /** Any bytes as an article, in every format: a clean error or paragraphs that are slices of the input. */
    @FuzzTest(maxDuration = "60s")
    void articleReader(byte[] data) {
        String text;
        try {
            text = ArticleReader.decode(data, "fuzz");
        } catch (ArticleInputException expected) {
            return;
        }
        for (InputFormat f : new InputFormat[]{InputFormat.LINES, InputFormat.BLOCKS, InputFormat.TEXT}) {
            Article a = ArticleReader.read(text, f);
            for (Paragraph p : a.paragraphs()) {
                assertEquals(text.substring(p.start(), p.end()), p.text(), f + " paragraph " + p.index());
                assertTrue(!p.normalizedText().isEmpty(), "blank paragraph " + p.index());
            }
        }
        if (data.length < 4096) {
            // HTML and auto-detection: small inputs only, the HTML reader is being rewritten for deep trees
            ArticleReader.read(text, InputFormat.HTML);
            ClassifiedArticle r = Classifier.bundled().classify(text);
            assertTrue(r.size() >= 0);
        }
    }

    /** Any bytes as a corpus in every format: only located data problems, never another exception. */
    @FuzzTest(maxDuration = "60s")
    void corpusReaders(byte[] data) throws IOException {
        for (CorpusFormat f : new CorpusFormat[]{CorpusFormat.JSONL, CorpusFormat.TSV, CorpusFormat.CSV,
                CorpusFormat.LINES}) {
            readAll(data, f, CorpusOptions.builder().format(f).build().anyLabel().withDefaultLabel("COMMENTARY"));
        }
        // unlabelled JSONL, as classify reads it: the usual article line takes CanonicalJsonl's path
        readAll(data, CorpusFormat.JSONL, CorpusOptions.builder().format(CorpusFormat.JSONL).requireLabels(false)
                .build());
    }

    /** Reads {@code data} as a corpus: articles with paragraphs, problems located in "fuzz", or a format error. */
    private static void readAll(byte[] data, CorpusFormat f, CorpusOptions o) throws IOException {
        try {
            CorpusReader.stream(new ByteArrayInputStream(data), "fuzz", f, o, new CorpusReader.Sink() {
                @Override
                public void article(LabelledArticle a) {
                    assertTrue(!a.paragraphs().isEmpty());
                }

                @Override
                public void problem(DataProblem p) {
                    assertTrue(p.line() >= 0 && p.toString().startsWith("fuzz:"), p.toString());
                }
            });
        } catch (CorpusFormatException expected) {
            assertTrue(!expected.problems().isEmpty());
        }
    }

    /** Any bytes as a model file: a model or a {@link ModelFormatException}, never another exception. */
    @FuzzTest(maxDuration = "60s")
    void modelLoading(byte[] data) throws IOException {
        try {
            ModelIO.fromBytes(data, "fuzz.zip");
        } catch (ModelFormatException expected) {
            assertTrue(expected.getMessage().startsWith("fuzz.zip"), expected.getMessage());
        }
    }
}
