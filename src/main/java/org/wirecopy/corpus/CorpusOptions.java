package org.wirecopy.corpus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a corpus file: its format, which columns hold what (for TSV, CSV and flat JSONL rows), how to map raw
 * labels, and which labels are allowed.
 *
 * <p>Immutable and thread-safe (the builder is not thread-safe).
 *
 * @param format        file format, {@link CorpusFormat#AUTO} by default
 * @param textColumn    column with the paragraph text, {@code text} by default
 * @param labelColumn   column with the label, {@code label} by default
 * @param idColumn      column with the article id; null means every row is its own one-paragraph article
 * @param indexColumn   column with the paragraph's index in its article; null keeps file order
 * @param labelMap      raw label to label (e.g. {@code OBJ=REPORTING}); empty for none
 * @param labels        allowed labels after mapping; null allows any
 * @param requireLabels whether every paragraph must have a label (false for text to classify)
 * @param charset       the files' encoding, UTF-8 by default (decoding errors are always reported); it must encode
 *                      line feed as the single byte 0x0A and ASCII as one byte per char (UTF-8, ISO-8859-x,
 *                      windows-125x...), since lines are split on bytes: UTF-16 and UTF-32 are refused
 * @param defaultLabel  the (raw) label of every paragraph that has none (every line of a {@link CorpusFormat#LINES}
 *                      file; all rows of unlabelled data known to be of one kind), or null
 */
public record CorpusOptions(CorpusFormat format, String textColumn, String labelColumn, String idColumn,
                            String indexColumn, Map<String, String> labelMap, Set<String> labels,
                            boolean requireLabels, java.nio.charset.Charset charset, String defaultLabel) {

    /**
     * Checks the components and copies the label map and set into unmodifiable ones.
     *
     * @param format        file format; not null
     * @param textColumn    column with the paragraph text; not null
     * @param labelColumn   column with the label; not null
     * @param idColumn      column with the article id, or null
     * @param indexColumn   column with the paragraph's index, or null
     * @param labelMap      raw label to label; not null
     * @param labels        allowed labels after mapping; null allows any
     * @param requireLabels whether every paragraph must have a label
     * @param charset       the files' encoding; must be ASCII-compatible
     * @param defaultLabel  the raw label of every paragraph that has none, or null
     * @throws IllegalArgumentException when {@code charset} does not encode ASCII and line feed as single bytes
     */
    public CorpusOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(textColumn, "textColumn");
        Objects.requireNonNull(labelColumn, "labelColumn");
        labelMap = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelMap));
        if (labels != null) labels = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(labels));
        Objects.requireNonNull(charset, "charset");
        checkLineCompatible(charset);
    }

    /**
     * Refuses charsets in which lines cannot be split on the byte 0x0A (UTF-16, UTF-32, EBCDIC): they would read as
     * binary or garbage.
     */
    static void checkLineCompatible(java.nio.charset.Charset charset) {
        boolean ok;
        try {
            ok = charset.canEncode()
                    && java.util.Arrays.equals("\n".getBytes(charset), new byte[]{'\n'})
                    && java.util.Arrays.equals("id,\"{".getBytes(charset), new byte[]{'i', 'd', ',', '"', '{'});
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw new IllegalArgumentException("encoding " + charset.name() + " is not supported for data files: "
                    + "lines are split on the byte 0x0A, so the encoding must be ASCII-compatible (UTF-8, ISO-8859-1, "
                    + "windows-1252, ...); convert the file first, e.g. iconv -f " + charset.name()
                    + " -t UTF-8 in > out");
        }
    }

    /**
     * Canonical JSONL or rows with {@code text}/{@code label} columns, the three standard labels.
     *
     * @return the default options
     */
    public static CorpusOptions defaults() {
        return builder().build();
    }

    /** {@return a builder with the defaults of {@link #defaults()}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a copy that accepts any label} */
    public CorpusOptions anyLabel() {
        return new CorpusOptions(format, textColumn, labelColumn, idColumn, indexColumn, labelMap, null,
                requireLabels, charset, defaultLabel);
    }

    /**
     * A copy that allows exactly these labels.
     *
     * @param allowed the labels after mapping
     * @return the copy
     */
    public CorpusOptions withLabels(Collection<String> allowed) {
        return new CorpusOptions(format, textColumn, labelColumn, idColumn, indexColumn, labelMap,
                new LinkedHashSet<>(allowed), requireLabels, charset, defaultLabel);
    }

    /**
     * A copy that does or does not require labels.
     *
     * @param require whether every paragraph must have a label
     * @return the copy
     */
    public CorpusOptions requiringLabels(boolean require) {
        return new CorpusOptions(format, textColumn, labelColumn, idColumn, indexColumn, labelMap, labels, require,
                charset, defaultLabel);
    }

    /**
     * A copy in which paragraphs without a label get {@code label}.
     *
     * @param label the raw label (mapped like any other), or null for none
     * @return the copy
     */
    public CorpusOptions withDefaultLabel(String label) {
        return new CorpusOptions(format, textColumn, labelColumn, idColumn, indexColumn, labelMap, labels,
                requireLabels, charset, label);
    }

    /**
     * Parses a label mapping such as {@code OBJ=REPORTING,SUBJ=COMMENTARY}.
     *
     * @param spec comma-separated {@code RAW=LABEL} pairs; null or blank for none
     * @return raw label to label, in the order given (a repeated raw label keeps the last)
     * @throws IllegalArgumentException naming the bad entry
     */
    public static Map<String, String> parseLabelMap(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) return m;
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", -1);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("bad label mapping entry '" + part
                        + "'; write RAW=LABEL pairs separated by commas, e.g. OBJ=REPORTING,SUBJ=COMMENTARY");
            }
            m.put(kv[0].strip(), kv[1].strip());
        }
        return m;
    }

    /** Builder with the defaults of {@link #defaults()}. Not thread-safe: one builder per thread. */
    public static final class Builder {
        private CorpusFormat format = CorpusFormat.AUTO;
        private String textColumn = "text";
        private String labelColumn = "label";
        private String idColumn;
        private String indexColumn;
        private Map<String, String> labelMap = new LinkedHashMap<>();
        private Set<String> labels = new LinkedHashSet<>(Corpus.STANDARD_LABELS);
        private boolean labelsSet;
        private boolean requireLabels = true;
        private java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.UTF_8;
        private String defaultLabel;

        /**
         * Sets the file format.
         *
         * @param f the format ({@link CorpusFormat#AUTO} decides by file name)
         * @return this builder
         */
        public Builder format(CorpusFormat f) {
            this.format = f;
            return this;
        }

        /**
         * Sets the column with the paragraph text.
         *
         * @param c the column name, not blank
         * @return this builder
         */
        public Builder textColumn(String c) {
            this.textColumn = c;
            return this;
        }

        /**
         * Sets the column with the label.
         *
         * @param c the column name, not blank
         * @return this builder
         */
        public Builder labelColumn(String c) {
            this.labelColumn = c;
            return this;
        }

        /**
         * Sets the column with the article id.
         *
         * @param c the column name, or null for one article per row
         * @return this builder
         */
        public Builder idColumn(String c) {
            this.idColumn = c;
            return this;
        }

        /**
         * Sets the column with the paragraph's index in its article.
         *
         * @param c the column name, or null to keep file order
         * @return this builder
         */
        public Builder indexColumn(String c) {
            this.indexColumn = c;
            return this;
        }

        /**
         * Sets the raw-label mapping (copied); unless {@link #labels} is called, its targets become the allowed
         * labels.
         *
         * @param m raw label to label; not null
         * @return this builder
         */
        public Builder labelMap(Map<String, String> m) {
            this.labelMap = new LinkedHashMap<>(m);
            return this;
        }

        /**
         * Allowed labels; null for any. Without this, a label map allows its targets, else the standard three.
         *
         * @param allowed the labels after mapping, or null for any
         * @return this builder
         */
        public Builder labels(Collection<String> allowed) {
            this.labels = allowed == null ? null : new LinkedHashSet<>(allowed);
            this.labelsSet = true;
            return this;
        }

        /**
         * Sets whether every paragraph must have a label (true by default).
         *
         * @param r false for text to classify
         * @return this builder
         */
        public Builder requireLabels(boolean r) {
            this.requireLabels = r;
            return this;
        }

        /**
         * The files' encoding; UTF-8 by default.
         *
         * @param c an ASCII-compatible encoding (checked by {@link #build()})
         * @return this builder
         */
        public Builder charset(java.nio.charset.Charset c) {
            this.charset = c;
            return this;
        }

        /**
         * The raw label of every paragraph that has none.
         *
         * @param l the raw label, or null for none
         * @return this builder
         */
        public Builder defaultLabel(String l) {
            this.defaultLabel = l;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException when the text or label column is blank or the encoding is not
         *                                  ASCII-compatible
         */
        public CorpusOptions build() {
            Set<String> allowed = labels;
            if (!labelsSet && !labelMap.isEmpty()) allowed = new LinkedHashSet<>(labelMap.values());
            List<String> blank = new ArrayList<>();
            if (textColumn.isBlank()) blank.add("textColumn");
            if (labelColumn.isBlank()) blank.add("labelColumn");
            if (!blank.isEmpty()) throw new IllegalArgumentException("corpus options: " + blank + " must not be blank");
            return new CorpusOptions(format, textColumn, labelColumn, idColumn, indexColumn, labelMap, allowed,
                    requireLabels, charset, defaultLabel);
        }
    }
}
