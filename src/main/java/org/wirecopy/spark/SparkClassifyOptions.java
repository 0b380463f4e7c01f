package org.wirecopy.spark;

import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

// "@serial exclude" below: JDK 17's javadoc asks for a comment on each private field of a serializable record
// (JDK-8275199, fixed in JDK 18), which source cannot give; a record's serial form is its components, documented by
// the @param tags.
/**
 * Which columns {@link SparkClassification} reads and writes, and its limits. Build with {@link #builder()}.
 *
 * <p>Immutable and thread-safe (and serializable: Spark ships it to the executors).
 *
 * @serial exclude
 * @param textColumn       the column of article text or HTML (string, or binary read as strict UTF-8); null when
 *                         {@code paragraphsColumn} is given instead
 * @param paragraphsColumn the column of an article already split into paragraphs (array of strings, as the
 *                         {@code paragraphs[].text} of wirecopy's canonical JSONL); null when {@code textColumn} is
 *                         given
 * @param idColumn         the article id column, or null (only used in error messages)
 * @param formatColumn     a column naming each row's input format (auto, text, lines, blocks, html), or null
 * @param format           the input format of rows without a format column or with a null value there
 * @param urlColumn        a column holding the page's URL (a signal of the page's kind), or null
 * @param malformedColumn  a column that is non-null when the reader could not parse the row (Spark's
 *                         {@code _corrupt_record} of JSON and CSV), or null: such rows get an error quoting it
 * @param dropInput        leave the text (or paragraphs) column out of the output: it is then not converted back
 *                         to Spark's format, which saves time on large articles
 * @param mainContent      whether to find the main content of HTML pages (paragraphs outside it are BOILERPLATE)
 * @param maxChars         rows with more characters (bytes, for a binary column) are refused with an error, not read
 * @param threadsPerTask   1: each Spark task classifies its rows on its own thread (the default: Spark's cores are
 *                         the parallelism); more: a task classifies on that many threads (for
 *                         {@code spark.task.cpus} > 1), in input order with bounded memory
 * @param resultColumn     the output column of paragraph structs
 * @param sharesColumn     the output column of the article's character share per label
 * @param errorColumn      the output column holding why a row could not be classified (null when it was)
 */
public record SparkClassifyOptions(String textColumn, String paragraphsColumn, String idColumn, String formatColumn,
                                   InputFormat format, String urlColumn, String malformedColumn,
                                   boolean dropInput, boolean mainContent, long maxChars,
                                   int threadsPerTask, String resultColumn, String sharesColumn, String errorColumn)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default limit of one row: 16 MiB of text. */
    public static final long DEFAULT_MAX_CHARS = 16L * 1024 * 1024;

    /**
     * Checks the options.
     *
     * @param textColumn       the text column, or null when {@code paragraphsColumn} is given
     * @param paragraphsColumn the paragraphs column, or null when {@code textColumn} is given
     * @param idColumn         the article id column, or null
     * @param formatColumn     a column naming each row's input format, or null
     * @param format           the input format of rows without one; not null
     * @param urlColumn        the URL column, or null
     * @param malformedColumn  the column of Spark's unparseable records, or null
     * @param dropInput        leave the text or paragraphs column out of the output
     * @param mainContent      whether to find the main content of HTML pages
     * @param maxChars         the largest row, 1..{@link ArticleReader#MAX_INPUT_BYTES}
     * @param threadsPerTask   1..256
     * @param resultColumn     the output column of paragraph structs, a name
     * @param sharesColumn     the output column of shares, a name
     * @param errorColumn      the output column of errors, a name
     * @throws IllegalArgumentException when not exactly one input column is given, a value is out of range, or the
     *                                  output columns are blank or not distinct
     */
    public SparkClassifyOptions {
        if ((textColumn == null) == (paragraphsColumn == null)) {
            throw new IllegalArgumentException("give exactly one of textColumn (article text or HTML) and "
                    + "paragraphsColumn (array of paragraph texts); got " + textColumn + " and " + paragraphsColumn);
        }
        Objects.requireNonNull(format, "format");
        if (maxChars < 1 || maxChars > ArticleReader.MAX_INPUT_BYTES) {
            throw new IllegalArgumentException("maxChars must be in 1.." + ArticleReader.MAX_INPUT_BYTES
                    + " (the library's limit of one article), got " + maxChars);
        }
        if (threadsPerTask < 1 || threadsPerTask > 256) {
            throw new IllegalArgumentException("threadsPerTask must be in 1..256, got " + threadsPerTask);
        }
        requireName(resultColumn, "resultColumn");
        requireName(sharesColumn, "sharesColumn");
        requireName(errorColumn, "errorColumn");
        List<String> outputs = List.of(resultColumn, sharesColumn, errorColumn);
        if (outputs.stream().distinct().count() != 3) {
            throw new IllegalArgumentException("resultColumn, sharesColumn and errorColumn must differ, got "
                    + outputs);
        }
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException(what + " must be a column name");
    }

    /**
     * {@return the input columns this configuration reads (text or paragraphs, then id, format, url and malformed
     * when given)}
     */
    public List<String> inputColumns() {
        List<String> out = new ArrayList<>();
        out.add(textColumn != null ? textColumn : paragraphsColumn);
        if (idColumn != null) out.add(idColumn);
        if (formatColumn != null) out.add(formatColumn);
        if (urlColumn != null) out.add(urlColumn);
        if (malformedColumn != null) out.add(malformedColumn);
        return out;
    }

    /** {@return the output columns: result, shares, error} */
    public List<String> outputColumns() {
        return List.of(resultColumn, sharesColumn, errorColumn);
    }

    /** {@return options reading the column {@code text}, other settings default} */
    public static SparkClassifyOptions defaults() {
        return builder().build();
    }

    /** {@return a builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder; defaults: text column {@code text}, format auto, main content on, 16 MiB per row, one thread
     * per task, output columns {@code classified}, {@code shares}, {@code error}. Not thread-safe. */
    public static final class Builder {
        private String textColumn = "text";
        private String paragraphsColumn;
        private String idColumn;
        private String formatColumn;
        private InputFormat format = InputFormat.AUTO;
        private String urlColumn;
        private String malformedColumn;
        private boolean dropInput;
        private boolean mainContent = true;
        private long maxChars = DEFAULT_MAX_CHARS;
        private int threadsPerTask = 1;
        private String resultColumn = "classified";
        private String sharesColumn = "shares";
        private String errorColumn = "error";

        private Builder() {
        }

        /**
         * Reads article text or HTML from this column (and no paragraphs column).
         *
         * @param c the column's name; not null
         * @return this builder
         */
        public Builder textColumn(String c) {
            textColumn = Objects.requireNonNull(c, "textColumn");
            paragraphsColumn = null;
            return this;
        }

        /**
         * Reads articles already split into paragraphs (array of strings) from this column (and no text column).
         *
         * @param c the column's name; not null
         * @return this builder
         */
        public Builder paragraphsColumn(String c) {
            paragraphsColumn = Objects.requireNonNull(c, "paragraphsColumn");
            textColumn = null;
            return this;
        }

        /**
         * Sets the article id column, used only in error messages.
         *
         * @param c the column's name, or null for none
         * @return this builder
         */
        public Builder idColumn(String c) {
            idColumn = c;
            return this;
        }

        /**
         * Sets the column naming each row's input format.
         *
         * @param c the column's name, or null for none
         * @return this builder
         */
        public Builder formatColumn(String c) {
            formatColumn = c;
            return this;
        }

        /**
         * Sets the input format of rows that do not name one.
         *
         * @param f the format (checked by {@link #build()}: not null)
         * @return this builder
         */
        public Builder format(InputFormat f) {
            format = f;
            return this;
        }

        /**
         * Sets the column of page URLs.
         *
         * @param c the column's name, or null for none
         * @return this builder
         */
        public Builder urlColumn(String c) {
            urlColumn = c;
            return this;
        }

        /**
         * Sets the column that marks rows the reader could not parse (e.g. {@code _corrupt_record}).
         *
         * @param c the column's name, or null for none
         * @return this builder
         */
        public Builder malformedColumn(String c) {
            malformedColumn = c;
            return this;
        }

        /**
         * Sets whether the text or paragraphs column is left out of the output.
         *
         * @param drop true to leave it out
         * @return this builder
         */
        public Builder dropInput(boolean drop) {
            dropInput = drop;
            return this;
        }

        /**
         * Sets whether to find the main content of HTML pages.
         *
         * @param on true (the default) to mark paragraphs outside it BOILERPLATE
         * @return this builder
         */
        public Builder mainContent(boolean on) {
            mainContent = on;
            return this;
        }

        /**
         * Sets the largest row read.
         *
         * @param n characters (bytes for a binary column), 1..{@link ArticleReader#MAX_INPUT_BYTES} (checked by
         *          {@link #build()})
         * @return this builder
         */
        public Builder maxChars(long n) {
            maxChars = n;
            return this;
        }

        /**
         * Sets the threads of one Spark task.
         *
         * @param n 1..256 (checked by {@link #build()})
         * @return this builder
         */
        public Builder threadsPerTask(int n) {
            threadsPerTask = n;
            return this;
        }

        /**
         * Sets the output column of paragraph structs.
         *
         * @param c a column name, not blank (checked by {@link #build()})
         * @return this builder
         */
        public Builder resultColumn(String c) {
            resultColumn = c;
            return this;
        }

        /**
         * Sets the output column of character shares.
         *
         * @param c a column name, not blank (checked by {@link #build()})
         * @return this builder
         */
        public Builder sharesColumn(String c) {
            sharesColumn = c;
            return this;
        }

        /**
         * Sets the output column of errors.
         *
         * @param c a column name, not blank (checked by {@link #build()})
         * @return this builder
         */
        public Builder errorColumn(String c) {
            errorColumn = c;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException when not exactly one input column is given, a value is out of range, or the
     *                                  output columns are blank or not distinct
         */
        public SparkClassifyOptions build() {
            return new SparkClassifyOptions(textColumn, paragraphsColumn, idColumn, formatColumn, format, urlColumn,
                    malformedColumn, dropInput, mainContent, maxChars, threadsPerTask, resultColumn, sharesColumn,
                    errorColumn);
        }
    }
}
