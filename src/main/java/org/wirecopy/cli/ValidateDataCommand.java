package org.wirecopy.cli;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.DataProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code validate-data}: lists every problem in data files at once. */
@Command(name = "validate-data", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check data files and list every problem with file:line, field and fix; print counts when clean.")
final class ValidateDataCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Data files (JSONL, TSV or CSV).")
    List<Path> files;

    @Mixin
    DataOptions dataOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int problems = 0;
        for (Path f : files) {
            CorpusReader.Result r = CorpusReader.check(f, dataOptions.options());
            for (DataProblem p : r.problems()) out.println(p);
            problems += r.problems().size();
            Corpus c = r.corpus();
            if (r.ok() && c.articles().isEmpty()) {
                out.println(f + ": no articles");
                problems++;
            } else if (r.ok()) {
                out.println(f + ": ok, " + c.articles().size() + " articles, " + c.paragraphCount() + " paragraphs, "
                        + c.labelCounts());
            } else {
                out.println(f + ": " + r.problems().size() + " problems"
                        + (r.problems().size() >= CorpusReader.MAX_PROBLEMS ? " (listing stopped)" : ""));
            }
        }
        out.flush();
        return problems == 0 ? ExitCodes.OK : ExitCodes.DATA;
    }
}
