package org.wirecopy.golden;

import org.wirecopy.text.Paragraph;
import org.wirecopy.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed, invented articles for the golden-file tests: three lengths, every kind of paragraph (headlines, lead-ins,
 * agency datelines, quotes, opinion, site furniture, blockquotes and headings).
 */
public final class GoldenArticles {

    private GoldenArticles() {
    }

    static final String[] SENTENCES = {
        "Harbor budget slips again",
        "Here is how the wire service put it this morning:",
        "PORTSMOUTH, May 4 (Reuters) - The harbor board delayed a vote on its budget on Tuesday, officials said.",
        "\"We need more time,\" the board chair told reporters after the meeting.",
        "I have read this budget three times and it still makes no sense to me.",
        "Advertisement",
        "Share this: Facebook | X | Email",
        "WASHINGTON (AP) \u2014 Lawmakers said on Wednesday they expected a vote within weeks.",
        "Update: the board now says the vote is next month. Color me unsurprised.",
        "Photo: staff photographer",
        "The agency's analysts said revenue fell 4.2% in the quarter, the third decline in a row.",
        "So much for the promised turnaround &mdash; again.",
        "12 comments",
        "From the Courier:",
        "The council, which met for six hours, also approved a new parking plan for the waterfront district.",
    };

    /** The article of {@code n} paragraphs as texts. */
    public static List<String> texts(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(SENTENCES[(i * 7 + n) % SENTENCES.length]);
        return out;
    }

    /** The article of {@code n} paragraphs with HTML cues (blockquote depth, headings) on some paragraphs. */
    public static List<Paragraph> paragraphs(int n) {
        List<Paragraph> out = new ArrayList<>();
        int offset = 0;
        List<String> t = texts(n);
        for (int i = 0; i < n; i++) {
            String s = t.get(i);
            int quote = i % 4 == 2 ? 1 + i % 2 : 0;
            int heading = i == 0 ? 1 : i % 9 == 5 ? 3 : 0;
            out.add(new Paragraph(i, s, TextNormalizer.normalize(s), offset, offset + s.length(), quote, heading));
            offset += s.length() + 1;
        }
        return out;
    }

    /** The lengths of the golden articles. */
    public static final int[] LENGTHS = {1, 6, 40};
}
