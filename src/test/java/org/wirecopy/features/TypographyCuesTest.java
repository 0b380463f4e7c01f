package org.wirecopy.features;

import org.junit.jupiter.api.Test;
import org.wirecopy.text.Article;
import org.wirecopy.text.Paragraph;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Curly and straight marks, and a paragraph whose marks differ from the rest of its article. Invented text only. */
class TypographyCuesTest {

    private static float[][] cues(String... texts) {
        List<Paragraph> ps = Article.ofParagraphs(List.of(texts)).paragraphs();
        float[][] out = new float[ps.size()][TypographyCues.COUNT];
        TypographyCues.compute(ps, out, 0);
        return out;
    }

    @Test
    void aParagraphIsCurlyStraightOrNeither() {
        assertEquals(1, TypographyCues.kind("The mayor\u2019s \u201cplan\u201d"));
        assertEquals(-1, TypographyCues.kind("The mayor's \"plan\""));
        assertEquals(0, TypographyCues.kind("No marks at all."));
        assertEquals(0, TypographyCues.kind("One ' and one \u2019."));
        assertEquals(1, TypographyCues.kind("Character references: the mayor&#8217;s &ldquo;plan&rdquo;"));
        assertEquals(-1, TypographyCues.kind("Character references: the mayor&#39;s &quot;plan&quot;"));
        assertEquals(0, TypographyCues.kind("Fish &amp; chips & a &#8212; dash"));
    }

    @Test
    void aCurlyParagraphInAnArticleTypedStraightStandsOut() {
        float[][] c = cues("I don't buy it, and here's why.", "The council\u2019s vote was 6-3, officials said.",
                "That's the \"plan\" they're selling.", "No marks here.");
        assertArrayEquals(new float[]{0, 1, 0, 0.5f}, c[0], "one of its two others with marks is curly");
        assertArrayEquals(new float[]{1, 0, 1, 0}, c[1], "the curly paragraph among straight ones");
        assertArrayEquals(new float[]{0, 1, 0, 0.5f}, c[2], "one of its two others with marks is curly");
        assertArrayEquals(new float[]{0, 0, 0, 0}, c[3]);
    }

    @Test
    void anArticleCurledThroughoutSaysNothingAboutWhoWroteWhat() {
        float[][] c = cues("I don\u2019t buy it.", "The council\u2019s vote was 6-3.", "That\u2019s the plan.");
        for (float[] row : c) assertArrayEquals(new float[]{1, 0, 0, 0}, row);
        assertArrayEquals(new float[]{0, 1, 0, 0}, cues("It's alone.")[0], "no other paragraph: nothing to stand out from");
    }
}
