package org.wirecopy.testing;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.Classifier;

/**
 * Child-JVM entry point: classifies a generated article with the bundled model and prints
 * {@code ok <paragraphs> <labels>} (the first 20 labels). Arguments: number of plain-text lines, and optionally
 * the size in chars of one extra huge paragraph.
 */
public final class ClassifyMain {

    private ClassifyMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(Integer.parseInt(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 0));
    }

    /** The line {@link #main} prints, computed in this JVM (the oracle for a child JVM on another class path). */
    public static String run(int lines, int huge) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append(i % 3 == 0 ? "WASHINGTON (AP) - Officials said on Tuesday the plan was delayed, item "
                    : i % 3 == 1 ? "What a mess this is, honestly, item " : "Advertisement ").append(i).append(".\n");
        }
        Classifier c = Classifier.loadDefault();
        ClassifiedArticle r = c.classify(b.toString());
        b = null;
        int size = r.size();
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < Math.min(20, size); i++) labels.append(r.paragraphs().get(i).label().charAt(0));
        if (huge > 0) {
            StringBuilder big = new StringBuilder();
            while (big.length() < huge) big.append("What a mess this budget is, honestly. ");
            size += c.classify(big.toString()).size();
        }
        return "ok " + size + " " + labels;
    }
}
