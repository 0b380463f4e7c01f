package org.wirecopy.cli;

import org.junit.jupiter.api.Test;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.study.ArticleSummary;
import org.wirecopy.study.SummaryFormat;
import org.wirecopy.study.SummaryWriter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV numbers are plain decimals: a score of 0.000446 is not written 4.46E-4. */
class CsvNumbersTest {

    static final List<String> LABELS = List.of("REPORTING", "COMMENTARY", "BOILERPLATE");

    static ClassifiedArticle article() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("REPORTING", 0.000446);
        scores.put("COMMENTARY", 0.999);
        scores.put("BOILERPLATE", 0.000554);
        Map<String, Double> other = new LinkedHashMap<>();
        other.put("REPORTING", 0.9999);
        other.put("COMMENTARY", 0.00005);
        other.put("BOILERPLATE", 0.00005);
        return new ClassifiedArticle(LABELS, List.of(
                new ClassifiedParagraph(0, "I think so, and this sentence is long enough.", 0, 45, "COMMENTARY", scores),
                new ClassifiedParagraph(1, "x", 47, 48, "REPORTING", other)));
    }

    @Test
    void paragraphAndSummaryCsvHoldNoScientificNotation() throws Exception {
        StringWriter out = new StringWriter();
        ResultWriter w = ResultWriter.of(OutputFormat.csv, new PrintWriter(out), LABELS);
        w.begin();
        w.article("a", Map.of(), article(), null);
        w.end();
        String csv = out.toString();
        assertTrue(csv.contains(",0.000446,0.999,0.000554,"), csv);
        assertFalse(csv.matches("(?s).*\\d[eE]-?\\d.*"), csv);

        StringWriter sw = new StringWriter();
        SummaryWriter summary = new SummaryWriter(sw, SummaryFormat.CSV, LABELS, List.of());
        summary.write(ArticleSummary.of("a", Map.of(), article()));
        summary.finish();
        assertFalse(sw.toString().matches("(?s).*\\d[eE]-?\\d.*"), sw.toString());
        assertTrue(sw.toString().contains(",0.0"), sw.toString());
    }
}
