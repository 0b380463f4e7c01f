package org.wirecopy.study;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.text.StringEscapeUtils;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes per-group tables: CSV or JSONL ({@code group, articles, paragraphs}, then per label {@code mean_L, lower_L,
 * upper_L}), or an aligned text table with percentages. Thread-safe (stateless).
 */
public final class GroupTableWriter {

    private GroupTableWriter() {
    }

    /** Writes {@code groups} in {@code format}; {@code by} names the grouping in the header. */
    public static void write(Writer out, SummaryFormat format, String by, List<GroupSummary> groups)
            throws IOException {
        if (groups.isEmpty()) return;
        List<String> labels = List.copyOf(groups.get(0).meanShares().keySet());
        if (format == SummaryFormat.CSV) {
            StringBuilder b = new StringBuilder(StringEscapeUtils.escapeCsv(by)).append(",articles,paragraphs");
            for (String l : labels) b.append(",mean_").append(l).append(",lower_").append(l).append(",upper_").append(l);
            out.write(b.append('\n').toString());
            for (GroupSummary g : groups) {
                b.setLength(0);
                b.append(StringEscapeUtils.escapeCsv(g.group())).append(',').append(g.articles()).append(',')
                        .append(g.paragraphs());
                for (String l : labels) {
                    b.append(',').append(SummaryWriter.round(g.meanShares().get(l))).append(',')
                            .append(SummaryWriter.round(g.lower().get(l))).append(',')
                            .append(SummaryWriter.round(g.upper().get(l)));
                }
                out.write(b.append('\n').toString());
            }
        } else {
            JsonFactory json = new JsonFactory();
            for (GroupSummary g : groups) {
                StringWriter sw = new StringWriter();
                try (JsonGenerator j = json.createGenerator(sw)) {
                    j.writeStartObject();
                    j.writeStringField(by, g.group());
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

    /** An aligned text table: group, articles, paragraphs, and per label the mean share with its 95% interval. */
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
