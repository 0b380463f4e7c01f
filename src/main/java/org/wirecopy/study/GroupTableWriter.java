package org.wirecopy.study;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.text.StringEscapeUtils;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes per-group tables: CSV or JSONL ({@code group, articles, paragraphs}, then per label {@code mean_L, lower_L,
 * upper_L}), or an aligned text table with percentages; over time, a period column follows the group's
 * ({@link PeriodShares}). Thread-safe (stateless).
 */
public final class GroupTableWriter {

    private GroupTableWriter() {
    }

    /**
     * Writes {@code groups} in {@code format}; {@code by} names the grouping in the header.
     *
     * @param out    where the rows go (not closed)
     * @param format CSV (with a header) or JSONL
     * @param by     the grouping's name, e.g. {@code source}
     * @param groups the groups, in row order
     * @throws IOException when writing fails
     */
    public static void write(Writer out, SummaryFormat format, String by, List<GroupSummary> groups)
            throws IOException {
        List<List<String>> keys = new ArrayList<>();
        for (GroupSummary g : groups) keys.add(List.of(g.group()));
        rows(out, format, List.of(by), keys, groups);
    }

    /**
     * Writes shares over time in {@code format}: columns {@code by} (the group) and {@code over} (the period), then
     * the columns of {@link #write(Writer, SummaryFormat, String, List)}; one row per group and period.
     *
     * @param out    where the rows go (not closed)
     * @param format CSV (with a header) or JSONL
     * @param by     the grouping's name
     * @param over   the period's name, e.g. {@code month}; not {@code by}
     * @param cells  the group and period cells, in row order
     * @throws IllegalArgumentException when {@code by} and {@code over} are the same
     * @throws IOException when writing fails
     */
    public static void writeOver(Writer out, SummaryFormat format, String by, String over, List<PeriodShares> cells)
            throws IOException {
        if (by.equals(over)) throw new IllegalArgumentException("group and period are both '" + by + "'");
        List<List<String>> keys = new ArrayList<>();
        List<GroupSummary> groups = new ArrayList<>();
        for (PeriodShares c : cells) {
            keys.add(List.of(c.group(), c.period()));
            groups.add(c.summary());
        }
        rows(out, format, List.of(by, over), keys, groups);
    }

    private static void rows(Writer out, SummaryFormat format, List<String> keyNames, List<List<String>> keys,
                             List<GroupSummary> groups) throws IOException {
        if (groups.isEmpty()) return;
        List<String> labels = List.copyOf(groups.get(0).meanShares().keySet());
        if (format == SummaryFormat.CSV) {
            StringBuilder b = new StringBuilder();
            for (String k : keyNames) b.append(StringEscapeUtils.escapeCsv(k)).append(',');
            b.append("articles,paragraphs");
            for (String l : labels) b.append(",mean_").append(l).append(",lower_").append(l).append(",upper_").append(l);
            out.write(b.append('\n').toString());
            for (int i = 0; i < groups.size(); i++) {
                GroupSummary g = groups.get(i);
                b.setLength(0);
                for (String k : keys.get(i)) b.append(StringEscapeUtils.escapeCsv(k)).append(',');
                b.append(g.articles()).append(',').append(g.paragraphs());
                for (String l : labels) {
                    b.append(',').append(SummaryWriter.plain(g.meanShares().get(l))).append(',')
                            .append(SummaryWriter.plain(g.lower().get(l))).append(',')
                            .append(SummaryWriter.plain(g.upper().get(l)));
                }
                out.write(b.append('\n').toString());
            }
        } else {
            JsonFactory json = new JsonFactory();
            for (int i = 0; i < groups.size(); i++) {
                GroupSummary g = groups.get(i);
                StringWriter sw = new StringWriter();
                try (JsonGenerator j = json.createGenerator(sw)) {
                    j.writeStartObject();
                    for (int k = 0; k < keyNames.size(); k++) j.writeStringField(keyNames.get(k), keys.get(i).get(k));
                    j.writeNumberField("articles", g.articles());
                    j.writeNumberField("paragraphs", g.paragraphs());
                    for (String l : labels) {
                        j.writeNumberField("mean_" + l, SummaryWriter.round(g.meanShares().get(l)));
                        j.writeNumberField("lower_" + l, SummaryWriter.round(g.lower().get(l)));
                        j.writeNumberField("upper_" + l, SummaryWriter.round(g.upper().get(l)));
                    }
                    j.writeEndObject();
                }
                out.write(sw.toString());
                out.write('\n');
            }
        }
        out.flush();
    }

    /**
     * An aligned text table of shares over time: one row per group and period, as {@link #text}.
     *
     * @param by    the grouping's name
     * @param over  the period's name
     * @param cells the group and period cells, in row order
     * @return the table, or {@code "no articles"} with a line end when there is no cell
     */
    public static String textOver(String by, String over, List<PeriodShares> cells) {
        if (cells.isEmpty()) return "no articles\n";
        List<GroupSummary> named = new ArrayList<>();
        for (PeriodShares c : cells) {
            GroupSummary g = c.summary();
            named.add(new GroupSummary(c.group() + "  " + c.period(), g.articles(), g.paragraphs(), g.meanShares(),
                    g.lower(), g.upper()));
        }
        return text(by + "  " + over, named);
    }

    /**
     * An aligned text table: group, articles, paragraphs, and per label the mean share with its 95% interval.
     *
     * @param by     the grouping's name, the first column's header
     * @param groups the groups, in row order (names over 60 chars are shortened)
     * @return the table, or {@code "no articles"} with a line end when there is no group
     */
    public static String text(String by, List<GroupSummary> groups) {
        if (groups.isEmpty()) return "no articles\n";
        List<String> labels = List.copyOf(groups.get(0).meanShares().keySet());
        int w = by.length();
        for (GroupSummary g : groups) w = Math.max(w, Math.min(60, g.group().length()));
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-" + w + "s %8s %10s", by, "articles", "paragraphs"));
        for (String l : labels) b.append(String.format(Locale.ROOT, "  %-22s", l + " % [95% CI]"));
        b.append('\n');
        for (GroupSummary g : groups) {
            String name = g.group().length() > 60 ? g.group().substring(0, 57) + "..." : g.group();
            b.append(String.format(Locale.ROOT, "%-" + w + "s %8d %10d", name, g.articles(), g.paragraphs()));
            for (String l : labels) {
                b.append(String.format(Locale.ROOT, "  %5.1f [%5.1f, %5.1f]     ", 100 * g.meanShares().get(l),
                        100 * g.lower().get(l), 100 * g.upper().get(l)));
            }
            b.setLength(b.length() - 5);
            b.append('\n');
        }
        return b.toString();
    }
}
