package org.wirecopy.eval.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.eval.Evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.wirecopy.eval.report.ReportFixtures.a1;
import static org.wirecopy.eval.report.ReportFixtures.a2;

class MarkdownReportTest {

    private static final Pattern DELIMITER_ROW = Pattern.compile("\\|(:?-{3,}:?\\|)+");

    @TempDir
    Path dir;

    @Test
    void perLabelTableHasTheRightNumbers() throws IOException {
        String md = written(ReportFixtures.twoStylesOneSource());
        assertContainsLines(md,
                "| label | precision | recall | F1 | support | predicted | PR-AUC |",
                "|---|---:|---:|---:|---:|---:|---:|",
                "| REPORTING | 0.6667 | 0.6667 | 0.6667 | 3 | 3 | 0.9167 |",
                "| COMMENTARY | 0.6667 | 0.6667 | 0.6667 | 3 | 3 | 0.9167 |",
                "| BOILERPLATE | 1.0000 | 1.0000 | 1.0000 | 2 | 2 | 1.0000 |");
        assertContainsLines(md,
                "| accuracy | 0.7500 |",
                "| macro-F1 | 0.7778 |");
        assertContainsLines(md,
                "| gold / predicted | REPORTING | COMMENTARY | BOILERPLATE |",
                "|---|---:|---:|---:|",
                "| REPORTING | 2 | 1 | 0 |",
                "| COMMENTARY | 1 | 2 | 0 |",
                "| BOILERPLATE | 0 | 0 | 2 |");
    }

    @Test
    void perStyleTableAndPlotAppearOnlyWhenTheArticlesHaveStyles() throws IOException {
        String md = written(ReportFixtures.twoStylesOneSource());
        assertTrue(md.contains("## By style\n"), md);
        assertContainsLines(md,
                "| style | articles | paragraphs | accuracy | macro-F1 | F1 REPORTING | F1 COMMENTARY "
                        + "| F1 BOILERPLATE |",
                "|---|---:|---:|---:|---:|---:|---:|---:|",
                "| politics | 1 | 4 | 0.7500 | 0.7778 | 0.6667 | 0.6667 | 1.0000 |",
                "| tech-blog | 1 | 4 | 0.7500 | 0.7778 | 0.6667 | 0.6667 | 1.0000 |");
        assertTrue(md.contains("![F1 per label by style](f1-by-style.png)"), md);
        assertFalse(md.contains("By source"), "one source only");
        assertFalse(md.contains("f1-by-source.png"));

        String plain = written(ReportFixtures.noFields());
        assertFalse(plain.contains("## By "), plain);
        assertFalse(plain.contains("f1-by-"), plain);
        assertTrue(plain.contains("![Confusion matrix](confusion.png)"), plain);
    }

    @Test
    void provenanceIsEchoed() throws IOException {
        String md = written(ReportFixtures.twoStylesOneSource());
        assertContainsLines(md, "| seed | 42 |");
        assertContainsLines(md, "| training data SHA-256 | `" + ReportFixtures.sha256("train") + "` |");
        assertContainsLines(md, "| wirecopy version | 0.1.0 |");
        assertContainsLines(md, "| data SHA-256 | `" + ReportFixtures.sha256("test") + "` |");
        assertTrue(md.contains("```json\n{\n  \"seed\" : 42,\n  \"epochs\" : 5\n}\n```\n"), md);
        assertFalse(md.contains("Warning"), md);
    }

    @Test
    void evaluatingOnTheTrainingDataIsFlagged() {
        String md = MarkdownReport.evaluation(ReportFixtures.twoStylesOneSource(), ReportFixtures.provenance(),
                new DataDescription("train.jsonl", ReportFixtures.sha256("train")), List.of());
        assertTrue(md.contains("**Warning:** this data has the SHA-256 of the model's training data"), md);
    }

    @Test
    void crossValidationTableShowsEachFoldAndMeanPlusMinusStd() throws IOException {
        ReportWriter.write(ReportFixtures.twoFolds(), null, ReportFixtures.data(), dir);
        String md = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# Cross-validation report: bilstm\n"), md);
        assertContainsLines(md,
                "| figure | fold 0 | fold 1 | mean ± std |",
                "|---|---:|---:|---:|",
                "| articles | 1 | 1 |  |",
                "| paragraphs | 4 | 4 |  |",
                "| accuracy | 0.7500 | 0.5000 | 0.6250 ± 0.1768 |",
                "| macroF1 | 0.7778 | 0.3889 | 0.5833 ± 0.2750 |");
        assertContainsLines(md, "| f1.BOILERPLATE | 1.0000 | 0.0000 | 0.5000 ± 0.7071 |");
        assertTrue(md.contains("## Pooled predictions of all folds\n"), md);
        assertContainsLines(md, "| accuracy | 0.6250 |");
        assertTrue(md.contains("![Reliability diagram](reliability.png)"), md);
        assertValidTables(md);
    }

    @Test
    void tablesAreValidGithubMarkdownWhateverTheNamesContain() throws IOException {
        Evaluation ev = new Evaluation(ReportFixtures.LABELS, List.of(
                a1(Map.of("style", "op|ed *hot*")),
                a2(Map.of("style", "news_wire"))));
        ReportWriter.write(ev, ReportFixtures.provenance(), new DataDescription("März | zeitung_2024.jsonl",
                ReportFixtures.sha256("test")), dir);
        String md = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);

        assertContainsLines(md, "| data | März \\| zeitung\\_2024.jsonl |");
        assertTrue(md.contains("| op\\|ed \\*hot\\* | 1 | 4 |"), md);
        assertValidTables(md);
        assertValidTables(written(ReportFixtures.twoStylesOneSource()));
    }

    private String written(Evaluation ev) throws IOException {
        Path out = dir.resolve("r" + System.nanoTime());
        ReportWriter.write(ev, ReportFixtures.provenance(), ReportFixtures.data(), out);
        return Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
    }

    /** The lines appear in {@code md}, one after the other. */
    private static void assertContainsLines(String md, String... lines) {
        assertTrue(md.contains(String.join("\n", lines) + "\n"), () -> "missing\n" + String.join("\n", lines)
                + "\nin\n" + md);
    }

    /**
     * Every table (a run of lines starting with '|') has a blank line before and after, a delimiter row second,
     * and the same number of cells in every row.
     */
    private static void assertValidTables(String md) {
        List<String> lines = md.lines().toList();
        int tables = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("|")) continue;
            int start = i;
            List<String> table = new ArrayList<>();
            while (i < lines.size() && lines.get(i).startsWith("|")) table.add(lines.get(i++));
            tables++;
            assertTrue(start > 0 && lines.get(start - 1).isEmpty(), "blank line before table at line " + (start + 1));
            assertTrue(i == lines.size() || lines.get(i).isEmpty(), "blank line after table at line " + (start + 1));
            assertTrue(table.size() >= 2, "table at line " + (start + 1) + " has a delimiter row");
            assertTrue(DELIMITER_ROW.matcher(table.get(1)).matches(), "delimiter row: " + table.get(1));
            int cells = cells(table.get(0));
            for (String row : table) {
                if (!row.endsWith("|") || row.endsWith("\\|")) fail("row does not end with a pipe: " + row);
                assertEquals(cells, cells(row), "cells in row " + row);
            }
        }
        assertTrue(tables > 0, "no table in\n" + md);
    }

    /** Cells of a row that starts and ends with a pipe: unescaped pipes minus one. */
    private static int cells(String row) {
        int pipes = 0;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\') i++;
            else if (c == '|') pipes++;
        }
        return pipes - 1;
    }
}
