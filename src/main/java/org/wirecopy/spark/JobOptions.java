package org.wirecopy.spark;

import org.wirecopy.text.InputFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The command line of {@link WirecopyJob}, parsed and checked.
 *
 * <p>Immutable and thread-safe.
 *
 * @param input          the input path (any Hadoop file system: file:, hdfs:, s3a:, gs:, abfs:...)
 * @param output         the output folder (made by the job; refused when it exists unless {@code overwrite})
 * @param inputFormat    jsonl, parquet or text-folder
 * @param outputFormat   parquet or jsonl
 * @param model          a model file (any Hadoop path) or null for the bundled model
 * @param summaryBy      what to group the per-group summary by (style, source, month, all or a field) or null
 * @param textColumn     the column of article text or HTML, or null to find it (paragraphs, then text)
 * @param idColumn       the id column, or null to find it ({@code id}; a text folder's {@code path})
 * @param groupColumn    for flat rows (one paragraph per row): the column holding the article id, or null
 * @param orderColumn    for flat rows: the column holding the paragraph's position, or null (then input order is not
 *                       kept: give it)
 * @param textFormat     how article text is laid out (auto, text, lines, blocks, html)
 * @param mainContent    find the main content of HTML pages (paragraphs outside it are BOILERPLATE); off is about
 *                       four times faster on pages whose article is already cut out
 * @param explode        write one row per paragraph instead of one per article
 * @param keepInput      keep the article's text or paragraphs column in the output
 * @param maxChars       the largest article read, in characters
 * @param partitions     repartition the input into this many partitions (0: as read)
 * @param threadsPerTask threads of one task (see {@link SparkClassifyOptions#threadsPerTask()})
 * @param overwrite      replace an existing output folder
 */
public record JobOptions(String input, String output, String inputFormat, String outputFormat, String model,
                         String summaryBy, String textColumn, String idColumn, String groupColumn, String orderColumn,
                         InputFormat textFormat, boolean mainContent, boolean explode, boolean keepInput,
                         long maxChars, int partitions,
                         int threadsPerTask, boolean overwrite) {

    /** The usage text. */
    static final String USAGE = String.join("\n",
            "usage: spark-submit --class org.wirecopy.spark.WirecopyJob [--jars ...] wirecopy.jar \\",
            "         --input PATH --output PATH [options]",
            "  --input PATH             articles: JSONL, Parquet, or a folder of HTML/text files (any Hadoop path)",
            "  --output PATH            output folder: articles/ (or paragraphs/), summary-by-KEY.csv",
            "  --input-format F         jsonl | parquet | text-folder (default: jsonl)",
            "  --output-format F        parquet | jsonl (default: parquet)",
            "  --model M                a model file from wirecopy train (any Hadoop path; default: bundled)",
            "  --summary-by KEY         per-group shares with 95% intervals: style | source | month | all | FIELD",
            "  --text-column C          the article text/HTML column (default: paragraphs[].text, else text)",
            "  --id-column C            the article id column (default: id; path for a text folder)",
            "  --group-column C         flat rows, one paragraph per row: the article id column (with --order-column)",
            "  --order-column C         flat rows: the paragraph position column",
            "  --text-format F          auto | text | lines | blocks | html (default: auto)",
            "  --no-main-content        HTML: do not look for the page's main content (faster on cut-out articles)",
            "  --explode                write one row per paragraph",
            "  --keep-input             keep the input text/paragraphs column in the output",
            "  --max-chars N            refuse (as a bad row) articles over N characters (default: 16777216)",
            "  --partitions N           repartition the input into N partitions (default: as read)",
            "  --threads-per-task N     threads per Spark task (default: 1; for spark.task.cpus > 1)",
            "  --overwrite              replace the output folder if it exists");

    /**
     * Checks the options.
     *
     * @param input          the input path; not null
     * @param output         the output folder; not null
     * @param inputFormat    jsonl, parquet or text-folder
     * @param outputFormat   parquet or jsonl
     * @param model          a model file, or null
     * @param summaryBy      the summary's grouping, or null
     * @param textColumn     the text column, or null
     * @param idColumn       the id column, or null
     * @param groupColumn    for flat rows, the article id column, or null; given with {@code orderColumn}
     * @param orderColumn    for flat rows, the position column, or null; given with {@code groupColumn}
     * @param textFormat     how article text is laid out; not null
     * @param mainContent    find the main content of HTML pages
     * @param explode        write one row per paragraph
     * @param keepInput      keep the article's text or paragraphs column
     * @param maxChars       the largest article read, in characters
     * @param partitions     the number of partitions, at least 0 (0: as read)
     * @param threadsPerTask threads of one task
     * @param overwrite      replace an existing output folder
     * @throws IllegalArgumentException naming the bad option (as the command line spells it)
     */
    public JobOptions {
        Objects.requireNonNull(input, "--input is required");
        Objects.requireNonNull(output, "--output is required");
        if (!List.of("jsonl", "parquet", "text-folder").contains(inputFormat)) {
            throw new IllegalArgumentException("--input-format must be jsonl, parquet or text-folder, got "
                    + inputFormat);
        }
        if (!List.of("parquet", "jsonl").contains(outputFormat)) {
            throw new IllegalArgumentException("--output-format must be parquet or jsonl, got " + outputFormat);
        }
        if ((groupColumn == null) != (orderColumn == null)) {
            throw new IllegalArgumentException("--group-column and --order-column go together (flat rows: one "
                    + "paragraph per row)");
        }
        if (partitions < 0) throw new IllegalArgumentException("--partitions must be >= 0, got " + partitions);
        Objects.requireNonNull(textFormat, "textFormat");
    }

    /**
     * Parses a command line.
     *
     * @param args the arguments after the jar, e.g. {@code --input a.jsonl --output out}
     * @return the options
     * @throws IllegalArgumentException naming the bad option and what it takes
     */
    public static JobOptions parse(String... args) {
        String input = null;
        String output = null;
        String inputFormat = "jsonl";
        String outputFormat = "parquet";
        String model = null;
        String summaryBy = null;
        String textColumn = null;
        String idColumn = null;
        String groupColumn = null;
        String orderColumn = null;
        InputFormat textFormat = InputFormat.AUTO;
        boolean explode = false;
        boolean mainContent = true;
        boolean keepInput = false;
        long maxChars = SparkClassifyOptions.DEFAULT_MAX_CHARS;
        int partitions = 0;
        int threads = 1;
        boolean overwrite = false;
        List<String> a = new ArrayList<>(List.of(args));
        for (int i = 0; i < a.size(); i++) {
            String opt = a.get(i);
            String name = opt;
            String value = null;
            int eq = opt.indexOf('=');
            if (opt.startsWith("--") && eq > 0) {
                name = opt.substring(0, eq);
                value = opt.substring(eq + 1);
            }
            switch (name) {
                case "--explode" -> explode = true;
                case "--no-main-content" -> mainContent = false;
                case "--keep-input" -> keepInput = true;
                case "--overwrite" -> overwrite = true;
                case "--input", "--output", "--input-format", "--output-format", "--model", "--summary-by",
                     "--text-column", "--id-column", "--group-column", "--order-column", "--text-format",
                     "--max-chars", "--partitions", "--threads-per-task" -> {
                    if (value == null) {
                        if (i + 1 >= a.size()) throw new IllegalArgumentException(name + " needs a value");
                        value = a.get(++i);
                    }
                    switch (name) {
                        case "--input" -> input = value;
                        case "--output" -> output = value;
                        case "--input-format" -> inputFormat = value.toLowerCase(Locale.ROOT);
                        case "--output-format" -> outputFormat = value.toLowerCase(Locale.ROOT);
                        case "--model" -> model = value;
                        case "--summary-by" -> summaryBy = value;
                        case "--text-column" -> textColumn = value;
                        case "--id-column" -> idColumn = value;
                        case "--group-column" -> groupColumn = value;
                        case "--order-column" -> orderColumn = value;
                        case "--text-format" -> textFormat = InputFormat.parse(value);
                        case "--max-chars" -> maxChars = number(name, value);
                        case "--partitions" -> partitions = (int) number(name, value);
                        default -> threads = (int) number(name, value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + opt + "\n" + USAGE);
            }
        }
        if (input == null || output == null) {
            throw new IllegalArgumentException("--input and --output are required\n" + USAGE);
        }
        return new JobOptions(input, output, inputFormat, outputFormat, model, summaryBy, textColumn, idColumn,
                groupColumn, orderColumn, textFormat, mainContent, explode, keepInput, maxChars, partitions, threads,
                overwrite);
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, got '" + value + "'", e);
        }
    }
}
