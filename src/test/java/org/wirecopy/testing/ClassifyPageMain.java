package org.wirecopy.testing;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.Classifier;
import org.wirecopy.text.InputFormat;

/**
 * Child-JVM entry point: classifies a generated HTML page with the bundled model and prints
 * {@code ok <paragraphs> <tags>}. Arguments: the number of paragraphs and the number of inline elements in each
 * (each paragraph is {@code <p>} with that many {@code <b>} elements inside); see {@link #page}.
 */
public final class ClassifyPageMain {

    private ClassifyPageMain() {
    }

    public static void main(String[] args) {
        int paragraphs = Integer.parseInt(args[0]);
        int inline = Integer.parseInt(args[1]);
        String html = page(paragraphs, inline);
        ClassifiedArticle r = Classifier.bundled().classify(html, InputFormat.HTML);
        System.out.println("ok " + r.size() + " " + tags(paragraphs, inline));
    }

    /** The page: html, head, title and body tags, then the paragraphs, each about 100 characters of text. */
    public static String page(int paragraphs, int inline) {
        StringBuilder b = new StringBuilder("<html><head><title>A long page</title></head><body>");
        for (int i = 0; i < paragraphs; i++) {
            b.append("<p>Officials said on Tuesday that measure ").append(i).append(" had stalled again");
            for (int k = 0; k < inline; k++) b.append(" <b>w").append(k).append("</b>");
            b.append(", aides said.</p>\n");
        }
        return b.append("</body></html>").toString();
    }

    /** The number of start tags of {@link #page}. */
    public static int tags(int paragraphs, int inline) {
        return 4 + paragraphs * (1 + inline);
    }
}
