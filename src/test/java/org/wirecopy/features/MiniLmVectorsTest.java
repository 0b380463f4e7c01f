package org.wirecopy.features;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vectors shipped in training-data/: format, size, tokenizer and that similar texts get similar vectors. */
class MiniLmVectorsTest {

    private static final List<String> FILES = List.of("minilm-vectors.bin", "minilm-vectors-128.bin");

    private static StaticVectors load(String name) throws IOException {
        Path file = TestData.root().resolve("training-data").resolve(name);
        assertTrue(Files.exists(file), file + " is missing: make it with org.wirecopy.distill.Distill (docs/vectors.md)");
        return StaticVectors.read(Files.readAllBytes(file));
    }

    @Test
    void shippedFilesHaveTheBertVocabularyTheirDimsAndStaySmall() throws IOException {
        for (String name : FILES) {
            StaticVectors v = load(name);
            assertEquals(30522, v.size(), name);
            assertEquals(name.contains("128") ? 128 : 64, v.dims(), name);
            long bytes = Files.size(TestData.root().resolve("training-data").resolve(name));
            assertTrue(bytes <= 300_000 + 30522L * (v.dims() + 8) + 30522L * 12, name + " is " + bytes + " bytes");
            assertTrue(v.description().startsWith("all-MiniLM-L6-v2"), v.description());
            assertEquals(0f, v.weight(v.wordPiece().id("[CLS]")), "special tokens weigh 0");
            assertEquals(0f, v.weight(v.wordPiece().id("[unused0]")), "unused tokens weigh 0");
            assertTrue(v.weight(v.wordPiece().id("the")) < v.weight(v.wordPiece().id("senate")),
                    "a frequent token weighs less than a rare one");
        }
    }

    @Test
    void tokenizesAsTheBertReadmeShows() throws IOException {
        // The example of google-research/bert's README (uncased vocabulary).
        assertEquals(List.of("john", "johan", "##son", "'", "s", "house"),
                load("minilm-vectors.bin").wordPiece().tokenize("John Johanson's house"));
    }

    @Test
    void textsOnOneTopicAreNearerThanTextsOnAnother() throws IOException {
        String[] texts = {
                "Shares fell sharply on Wall Street as investors worried about interest rates.",
                "Stock prices dropped across markets after the central bank signalled higher borrowing costs.",
                "Click here to subscribe to our newsletter and follow us on social media.",
                "Sign up for our daily email and share this story with your friends."};
        for (String name : FILES) {
            StaticVectors v = load(name);
            float[][] e = new float[texts.length][];
            for (int i = 0; i < texts.length; i++) {
                e[i] = v.embed(texts[i]);
                assertEquals(1.0, dot(e[i], e[i]), 1e-5, "unit length");
            }
            double markets = dot(e[0], e[1]);
            double prompts = dot(e[2], e[3]);
            for (int i = 0; i < 2; i++) {
                for (int j = 2; j < 4; j++) {
                    double across = dot(e[i], e[j]);
                    assertTrue(markets > across && prompts > across, name + ": within-topic similarities " + markets
                            + " and " + prompts + " must exceed the across-topic " + across + " of " + i + "," + j);
                }
            }
        }
    }

    @Test
    void wordPieceAgreesWithTheTextbookGreedyLoopOnEveryDevParagraph() throws IOException {
        StaticVectors v = load("minilm-vectors.bin");
        WordPiece wp = v.wordPiece();
        java.util.Set<String> vocab = new java.util.HashSet<>(wp.vocabulary());
        org.wirecopy.corpus.Corpus dev = org.wirecopy.corpus.CorpusReader.read(
                TestData.root().resolve("training-data/dev.jsonl"), org.wirecopy.corpus.CorpusOptions.defaults());
        int paragraphs = 0;
        for (org.wirecopy.corpus.LabelledArticle a : dev.articles()) {
            for (String text : a.texts()) {
                String t = org.wirecopy.text.TextNormalizer.normalize(text) + " Überraschung naïve 東京 x́yz";
                assertEquals(textbook(t, vocab), wp.tokenize(t), t);
                paragraphs++;
            }
        }
        assertTrue(paragraphs > 500, paragraphs + " paragraphs");
    }

    /** BERT's reference loop: for each word, try the longest substring first, shrinking one char at a time. */
    private static List<String> textbook(String text, java.util.Set<String> vocab) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (char c : WordPiece.basicNormalize(text)) {
            if (c == ' ' || WordPiece.isPunctuation(c)) {
                if (w.length() > 0) words.add(w.toString());
                w.setLength(0);
                if (c != ' ') words.add(String.valueOf(c));
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) words.add(w.toString());
        List<String> out = new java.util.ArrayList<>();
        for (String word : words) {
            List<String> pieces = new java.util.ArrayList<>();
            int start = 0;
            boolean bad = word.length() > WordPiece.MAX_WORD_CHARS;
            while (!bad && start < word.length()) {
                String found = null;
                for (int end = word.length(); end > start; end--) {
                    String sub = (start > 0 ? "##" : "") + word.substring(start, end);
                    if (vocab.contains(sub)) {
                        found = sub;
                        start = end;
                        break;
                    }
                }
                if (found == null) bad = true;
                else pieces.add(found);
            }
            if (bad) out.add(WordPiece.UNK);
            else out.addAll(pieces);
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
