package org.wirecopy.cli;

import org.wirecopy.study.ArticleSummary;
import org.wirecopy.study.GroupKey;
import org.wirecopy.study.GroupSummary;
import org.wirecopy.study.GroupTableWriter;
import org.wirecopy.study.SummaryFormat;
import org.wirecopy.study.SummaryReader;
import org.wirecopy.study.Summarizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code summarize}: per-group shares with bootstrap intervals from the rows of {@code classify --summary}. */
@Command(name = "summarize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Aggregate the per-article rows written by classify --summary: per group, the number of "
                + "articles and paragraphs, the mean character share of every label and its bootstrap 95%% interval "
                + "(articles resampled, seeded)."})
final class SummarizeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--group-by", paramLabel = "KEY", defaultValue = "style",
            description = "style, source, month (YYYY-MM of the date, published, datetime or month field), all, or "
                    + "any field (dir, file...). Articles without it form the group '(none)'. "
                    + "Default: ${DEFAULT-VALUE}.")
    String groupBy;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "2000",
            description = "Bootstrap resamples per group. Default: ${DEFAULT-VALUE}.")
    int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Bootstrap seed. "
            + "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the table to FILE (CSV or JSONL by extension) instead of a text table on stdout.")
    Path output;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also plot the mean share of --label per group with its interval (PNG or SVG by extension).")
    Path plot;

    @Option(names = "--label", paramLabel = "LABEL", defaultValue = "REPORTING",
            description = "The label --plot shows. Default: ${DEFAULT-VALUE}.")
    String label;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "--plot shows the N groups with the most articles. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--over", paramLabel = "KEY",
            description = "Shares over time: split each --group-by group by KEY too (month, or any field); the table "
                    + "gets one row per group and KEY, and --plot draws one line per group across KEY.")
    String over;

    @Parameters(arity = "1..*", paramLabel = "SUMMARY", description = "Files written by classify --summary "
            + "(CSV or JSONL).")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        Summarizer summarizer = new Summarizer(resamples, seed);
        if (top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
        GroupKey key = new GroupKey(groupBy);
        SummaryFormat format = output == null ? null : SummaryFormat.of(output);
        Outputs.check(inputs, "--output", output);
        List<ArticleSummary> rows = new ArrayList<>();
        for (Path p : inputs) {
            org.wirecopy.io.SafeFiles.requireReadable(p, "summary file");
            rows.addAll(SummaryReader.read(p));
        }
        PrintWriter err = spec.commandLine().getErr();
        if (rows.isEmpty()) {
            err.println("error: no articles in " + inputs + "; classify with --summary first");
            return ExitCodes.DATA;
        }
        boolean fieldSeen = groupBy.equalsIgnoreCase("all") || rows.stream().anyMatch(r -> !key.apply(r)
                .equals(GroupKey.NONE));
        if (!fieldSeen) {
            err.println("warning: no article has " + (groupBy.equalsIgnoreCase("month")
                    ? "a date (fields " + GroupKey.DATE_FIELDS + ")" : "the field '" + groupBy + "'")
                    + "; every article is in the group " + GroupKey.NONE);
        }
        if (over != null) return over(rows, summarizer, key, err);
        List<GroupSummary> groups = summarizer.summarize(rows, key);
        if (plot != null) {
            org.wirecopy.study.StudyPlots.save(org.wirecopy.study.StudyPlots.groupChart(groups, label, groupBy, top),
                    plot);
            err.println("wrote " + plot);
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(GroupTableWriter.text(groupBy, groups));
            out.flush();
        } else {
            org.wirecopy.io.SafeFiles.writeAtomically(output, stream -> {
                var w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                GroupTableWriter.write(w, format, groupBy, groups);
                w.flush();
            });
            err.println("wrote " + groups.size() + " groups of " + rows.size() + " articles to " + output);
        }
        return ExitCodes.OK;
    }

    /** {@code --over}: one row per group and period, and a line per group. */
    private int over(List<ArticleSummary> rows, Summarizer summarizer, GroupKey key, PrintWriter err)
            throws java.io.IOException {
        GroupKey period = new GroupKey(over);
        if (period.spec().equalsIgnoreCase(groupBy)) {
            throw new IllegalArgumentException("--over " + over + " is also --group-by; give two different keys "
                    + "(e.g. --group-by page --over month)");
        }
        long undated = rows.stream().filter(r -> period.apply(r).equals(GroupKey.NONE)).count();
        if (undated > 0) {
            err.println("warning: " + undated + " of " + rows.size() + " articles have no " + (over.equalsIgnoreCase(
                    "month") ? "date (fields " + GroupKey.DATE_FIELDS + ")" : "field '" + over + "'")
                    + "; they are in the period " + GroupKey.NONE + " of the table and left out of the plot");
        }
        List<org.wirecopy.study.PeriodShares> cells = org.wirecopy.study.PeriodShares.of(summarizer, rows, key,
                period);
        if (plot != null) {
            org.wirecopy.study.StudyPlots.save(org.wirecopy.study.StudyPlots.periodChart(cells, label, groupBy, over,
                    top), plot);
            err.println("wrote " + plot);
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(GroupTableWriter.textOver(groupBy, over, cells));
            out.flush();
        } else {
            SummaryFormat format = SummaryFormat.of(output);
            org.wirecopy.io.SafeFiles.writeAtomically(output, stream -> {
                var w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                GroupTableWriter.writeOver(w, format, groupBy, over, cells);
                w.flush();
            });
            err.println("wrote " + cells.size() + " rows (" + groupBy + " by " + over + ") of " + rows.size()
                    + " articles to " + output);
        }
        return ExitCodes.OK;
    }
}
