package org.wirecopy.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.corpus.CorpusOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Quality floors on real wire copy: the Reuters-21578 stories of ../shared (evaluation data, never copied into the
 * repository). The full figures are in docs/source-matching.md (src/bench/match-benchmark.sh).
 */
class ReutersMatchTest {

    @TempDir
    Path dir;

    @Test
    void pastedReutersParagraphsAreFoundAndEditorialsAreNot() throws IOException {
        Path shared = Fixtures.shared();
        Path reuters = shared.resolve("data/reuters-21578/paragraphs.jsonl");
        Path webis = shared.resolve("data/webis-editorials-16/paragraphs.jsonl");
        assumeTrue(Fixtures.exists(reuters) && Fixtures.exists(webis), "skipped: the Reuters-21578 and Webis data "
                + "are not at " + shared + "/data (put ../shared beside the checkout or set WIRECOPY_SHARED)");
        SourceIndex index = SourceIndex.open(SourceIndexWriter.build(reuters, CorpusOptions.builder()
                .idColumn("newid").indexColumn("para_idx").build(), dir.resolve("r.idx"), IndexConfig.defaults())
                .file());
        SourceMatcher matcher = new SourceMatcher(index, MatchConfig.defaults());
        ObjectMapper json = new ObjectMapper();
        List<String[]> paragraphs = new ArrayList<>(); // story id, text
        try (BufferedReader in = Files.newBufferedReader(reuters, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                String text = n.get("text").asText();
                if (text.split("\\s+").length >= 12) paragraphs.add(new String[]{n.get("newid").asText(), text});
            }
        }
        SplittableRandom r = new SplittableRandom(1);
        int n = 300, verbatim = 0, swapped = 0;
        for (int i = 0; i < n; i++) {
            String[] p = paragraphs.get(r.nextInt(paragraphs.size()));
            if (found(matcher.matchParagraph(p[1]), p[0])) verbatim++;
            String[] words = p[1].split(" ");
            int k = r.nextInt(words.length);
            words[k] = "zanzibar";
            if (found(matcher.matchParagraph(String.join(" ", words)), p[0])) swapped++;
        }
        assertTrue(verbatim >= 0.98 * n, verbatim + " of " + n + " verbatim paragraphs found");
        assertTrue(swapped >= 0.98 * n, swapped + " of " + n + " paragraphs with a word swapped found");
        int falseMatches = 0, unrelated = 0;
        try (BufferedReader in = Files.newBufferedReader(webis, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null && unrelated < 2000; unrelated++) {
                if (matcher.matchParagraph(json.readTree(line).get("text").asText()).matched()) falseMatches++;
            }
        }
        assertTrue(falseMatches <= 2, falseMatches + " false matches in " + unrelated + " editorial paragraphs");
    }

    /** Whether the story is among the best matches (the same text is in several Reuters stories). */
    private static boolean found(ParagraphMatch m, String story) {
        if (!m.matched()) return false;
        double best = m.matches().get(0).coverage();
        return m.matches().stream().anyMatch(s -> s.coverage() == best && s.story().id().equals(story));
    }
}
