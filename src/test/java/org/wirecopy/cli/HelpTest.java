package org.wirecopy.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every verb's --help prints usage on stdout and nothing on stderr (picocli warns there about bad '%' formats). */
class HelpTest {

    @Test
    void everyVerbsHelpWritesNothingToStderr() {
        List<String> verbs = new ArrayList<>(WirecopyCli.commandLine(null).getSubcommands().keySet());
        assertTrue(verbs.size() >= 10 && verbs.contains("summarize"), verbs.toString());
        verbs.add(0, null);
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (String v : verbs) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                String[] args = v == null ? new String[]{"--help"} : new String[]{v, "--help"};
                int code = WirecopyCli.run(new PrintWriter(out), new PrintWriter(err), args);
                assertEquals(0, code, v + ": " + err);
                assertEquals("", err.toString(), v + " --help wrote to stderr");
                assertTrue(out.toString().contains("Usage:"), v + ": " + out);
                assertTrue(!out.toString().contains("%n"), v + ": an unformatted %n in the help");
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "--help wrote to System.err");
    }

    @Test
    void aVerbBuiltAloneHelpsAndFailsAsInTheFullCommandLine() {
        // WirecopyCli.run builds only the verb named first; 'help VERB' builds every verb
        assertEquals(WirecopyCli.VERBS, new ArrayList<>(WirecopyCli.commandLine(null).getSubcommands().keySet()));
        for (String v : WirecopyCli.VERBS) {
            if (v.equals("help")) {
                assertEquals(WirecopyCli.VERBS, new ArrayList<>(WirecopyCli.commandLine(v).getSubcommands().keySet()));
                continue;
            }
            assertEquals(List.of(v), new ArrayList<>(WirecopyCli.commandLine(v).getSubcommands().keySet()), v);
            String[] alone = runCli(v, "--help");
            String[] full = runCli("help", v);
            assertEquals(full[0], alone[0], v + " --help differs from help " + v);
            assertEquals(full[1], alone[1], v);
            // an error names the verb's own help, as it did when every verb was built
            String[] bad = runCli(v, "--no-such-option");
            assertEquals("2", bad[2], v);
            assertTrue(bad[1].startsWith("error: ") && bad[1].contains("; see 'wirecopy " + v + " --help'"), bad[1]);
        }
        // a misspelt verb is looked up among all of them
        String[] typo = runCli("clasify", "x");
        assertEquals("2", typo[2]);
        assertTrue(typo[1].contains("see 'wirecopy --help'"), typo[1]);
    }

    @Test
    void helpTellsFitThresholdsFromTheUncertaintyThresholds() {
        // train --fit-thresholds changes labels (a rule stored in the model); classify --thresholds,
        // --min-confidence and tune-threshold only flag paragraphs as uncertain
        String train = runCli("train", "--help")[0].replaceAll("\\s+", " ");
        assertTrue(train.contains("Not classify --thresholds, which only flags uncertain paragraphs."), train);
        String classify = runCli("classify", "--help")[0].replaceAll("\\s+", " ");
        assertTrue(classify.contains("as uncertain (see tune-threshold); no label changes."), classify);
        assertTrue(classify.contains("own label's value; no label changes (a decision rule that changes labels is "
                + "fitted by train --fit-thresholds and stored in the model)."), classify);
        String tune = runCli("tune-threshold", "--help")[0].replaceAll("\\s+", " ");
        assertTrue(tune.contains("and keep their label. (train --fit-thresholds fits a rule that changes labels "
                + "instead.)"), tune);
        String evaluate = runCli("evaluate", "--help")[0].replaceAll("\\s+", " ");
        assertTrue(evaluate.contains("for a model trained with train --fit-thresholds, the label its fitted decision "
                + "gives, mapped."), evaluate);
        String inspect = runCli("inspect", "--help")[0].replaceAll("\\s+", " ");
        assertTrue(inspect.contains("the decision rule fitted by train --fit-thresholds"), inspect);
    }

    /** stdout, stderr and the exit code of one run. */
    private static String[] runCli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WirecopyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[]{out.toString(), err.toString(), String.valueOf(code)};
    }

    @Test
    void crossValidationFoldLinesGiveAnEtaFromTheFoldsDone() {
        assertEquals("fold 1/5" + System.lineSeparator(), CrossValidateCommand.foldLine(0, 5, 0.2));
        // two folds in 60 s: 30 s per fold, three left
        assertEquals("fold 3/5  (60 s so far, 30 s per fold, ETA 90 s)" + System.lineSeparator(),
                CrossValidateCommand.foldLine(2, 5, 60));
    }
}
