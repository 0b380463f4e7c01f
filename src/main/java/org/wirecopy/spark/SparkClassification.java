package org.wirecopy.spark;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.wirecopy.classify.Classifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * wirecopy as DataFrame transformations: {@link #classify(Dataset)} adds to each article row its paragraphs (an array
 * of structs {@code index, label, scores (map label -> probability), start, end, text}), its character share per
 * label and an error column; {@link #explode(Dataset)} turns that into one row per paragraph.
 *
 * <pre>{@code
 * SparkClassification wirecopy = SparkClassification.bundled(spark, SparkClassifyOptions.defaults());
 * Dataset<Row> labelled = wirecopy.classify(articles);      // articles has a string column "text"
 * Dataset<Row> paragraphs = wirecopy.explode(labelled);
 * }</pre>
 *
 * <p>The model's bytes are broadcast once; each executor JVM reads them into one {@link Classifier} the first time a
 * task needs it and all its tasks share it ({@link ExecutorClassifiers}). Results equal the Java API's exactly: a text
 * row gets {@code classifier.classify(ArticleReader.read(text, format, url, mainContent))}, a paragraphs row
 * {@code classifier.classify(Article.ofParagraphs(texts))} (how {@code wirecopy classify} reads canonical JSONL).
 * A row that cannot be read (binary, over {@link SparkClassifyOptions#maxChars()}, invalid UTF-8, an unknown format,
 * HTML nested too deeply) gets null results and a message in the error column, and is counted in
 * {@link #badRows()}; the rest of its partition is classified as usual.
 *
 * <p>Thread-safe for use from the driver; the accumulator counts every evaluation of the transformation (Spark
 * counts again when a stage is recomputed or a task retried, so read it after one action).
 */
public final class SparkClassification {

    /** The struct of one classified paragraph. */
    public static final StructType PARAGRAPH = new StructType(new StructField[]{
            DataTypes.createStructField("index", DataTypes.IntegerType, false),
            DataTypes.createStructField("label", DataTypes.StringType, false),
            DataTypes.createStructField("scores", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType,
                    false), false),
            DataTypes.createStructField("start", DataTypes.IntegerType, false),
            DataTypes.createStructField("end", DataTypes.IntegerType, false),
            DataTypes.createStructField("text", DataTypes.StringType, false)});

    private final SparkSession spark;
    private final SparkClassifyOptions options;
    private final Broadcast<byte[]> model;
    private final String modelHash;
    private final List<String> labels;
    private final PartitionClassifier.Counters counters;

    private SparkClassification(SparkSession spark, byte[] modelBytes, SparkClassifyOptions options) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.options = Objects.requireNonNull(options, "options");
        this.modelHash = ExecutorClassifiers.hash(modelBytes);
        // read on the driver too: a bad model fails here, before any task, and the labels are known
        this.labels = ExecutorClassifiers.get(modelHash, () -> modelBytes).labels();
        this.model = new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).broadcast(modelBytes);
        var sc = spark.sparkContext();
        this.counters = new PartitionClassifier.Counters(sc.longAccumulator("wirecopy rows"),
                sc.longAccumulator("wirecopy bad rows"), sc.longAccumulator("wirecopy paragraphs"),
                sc.collectionAccumulator("wirecopy errors"));
    }

    /**
     * With the bundled default model.
     *
     * @param spark   the session; its context broadcasts the model
     * @param options which columns to read and write
     * @return the transformation
     * @throws IllegalStateException when the bundled model is not on the class path
     * @throws java.io.UncheckedIOException when it cannot be read or is not a valid model
     */
    public static SparkClassification bundled(SparkSession spark, SparkClassifyOptions options) {
        try (InputStream in = Classifier.class.getResourceAsStream(Classifier.DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled model " + Classifier.DEFAULT_MODEL_RESOURCE + " is not "
                        + "on the class path: ship wirecopy.jar with --jars or as the application jar");
            }
            return new SparkClassification(spark, in.readAllBytes(), options);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the bundled model: " + e.getMessage(), e);
        }
    }

    /**
     * With a model's bytes (a file written by {@code wirecopy train}).
     *
     * @param spark      the session; its context broadcasts the model
     * @param modelBytes the model file's bytes; not null
     * @param options    which columns to read and write
     * @return the transformation
     * @throws IllegalArgumentException when the bytes are not a valid model
     */
    public static SparkClassification of(SparkSession spark, byte[] modelBytes, SparkClassifyOptions options) {
        Objects.requireNonNull(modelBytes, "modelBytes");
        try {
            return new SparkClassification(spark, modelBytes, options);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * With the model file at {@code modelFile} on the driver's local disk.
     *
     * @param spark     the session; its context broadcasts the model
     * @param modelFile a model file, at most {@link org.wirecopy.model.ModelIO#MAX_MODEL_BYTES} bytes
     * @param options   which columns to read and write
     * @return the transformation
     * @throws IOException when the file is missing, not readable, too large or cannot be read
     * @throws IllegalArgumentException when it is not a valid model
     */
    public static SparkClassification of(SparkSession spark, Path modelFile, SparkClassifyOptions options)
            throws IOException {
        org.wirecopy.io.SafeFiles.requireReadable(modelFile, "model file");
        return of(spark, org.wirecopy.io.SafeFiles.readBounded(modelFile, org.wirecopy.model.ModelIO.MAX_MODEL_BYTES,
                "model file", "pass a model written by wirecopy train"), options);
    }

    /** {@return the model's labels, in score order} */
    public List<String> labels() {
        return labels;
    }

    /** {@return the SHA-256 of the model's bytes, in hex} */
    public String modelHash() {
        return modelHash;
    }

    /** {@return which columns are read and written} */
    public SparkClassifyOptions options() {
        return options;
    }

    /** {@return the rows that could not be classified so far (see the class comment on recomputation)} */
    public long badRows() {
        return counters.badRows().value();
    }

    /** {@return the rows read so far, bad ones included (see the class comment on recomputation)} */
    public long rows() {
        return counters.rows().value();
    }

    /** {@return the paragraphs classified so far (see the class comment on recomputation)} */
    public long paragraphs() {
        return counters.paragraphs().value();
    }

    /** {@return some of the bad rows' error messages (at most 10 per task), in no fixed order} */
    public List<String> errorSamples() {
        return List.copyOf(counters.errors().value());
    }

    /**
     * The schema {@link #classify(Dataset)} returns for an input schema.
     *
     * @param input the articles' schema
     * @return its columns (less the text or paragraphs column with {@code dropInput}), then result, shares and error
     * @throws IllegalArgumentException when a configured column is missing or of the wrong type, or an output column
     *                                  already exists
     */
    public StructType outputSchema(StructType input) {
        check(input);
        StructType kept = input;
        if (options.dropInput()) {
            String column = options.textColumn() != null ? options.textColumn() : options.paragraphsColumn();
            kept = new StructType(java.util.Arrays.stream(input.fields()).filter(f -> !f.name().equals(column))
                    .toArray(StructField[]::new));
        }
        return kept.add(options.resultColumn(), DataTypes.createArrayType(PARAGRAPH, false), true)
                .add(options.sharesColumn(), DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType,
                        false), true)
                .add(options.errorColumn(), DataTypes.StringType, true);
    }

    /**
     * Adds the result, shares and error columns to every row (lazily, as any transformation); with
     * {@link SparkClassifyOptions#dropInput()} the text or paragraphs column is left out.
     *
     * @param articles one article per row
     * @return the rows with the result, shares and error columns added, in the same order
     * @throws IllegalArgumentException when a configured column is missing or of the wrong type, or an output column
     *                                  already exists
     */
    public Dataset<Row> classify(Dataset<Row> articles) {
        StructType in = articles.schema();
        StructType out = outputSchema(in);
        List<String> names = Arrays.asList(in.fieldNames());
        PartitionClassifier f = new PartitionClassifier(model, modelHash, options,
                names.size() - (options.dropInput() ? 1 : 0),
                names.indexOf(options.textColumn() != null ? options.textColumn() : options.paragraphsColumn()),
                index(names, options.idColumn()), index(names, options.formatColumn()),
                index(names, options.urlColumn()), index(names, options.malformedColumn()), counters);
        return articles.mapPartitions(f, Encoders.row(out));
    }

    /**
     * One row per paragraph of a classified dataset: its other columns (not the article's text or paragraphs, nor
     * the result, shares and error columns) followed by the paragraph's {@code index, label, scores, start, end,
     * text}. Rows with an error have no paragraphs and are left out (they stay in {@link #classify}'s output).
     *
     * @param classified the output of {@link #classify}
     * @return one row per paragraph
     * @throws IllegalArgumentException when the dataset is not {@link #classify}'s output, or one of its kept columns
     *                                  is named as a paragraph field
     */
    public Dataset<Row> explode(Dataset<Row> classified) {
        List<String> names = Arrays.asList(classified.schema().fieldNames());
        if (!names.contains(options.resultColumn())) {
            throw new IllegalArgumentException("no column " + options.resultColumn() + ": explode the output of "
                    + "classify, got columns " + names);
        }
        List<String> dropped = new ArrayList<>(options.outputColumns());
        dropped.add(options.textColumn() != null ? options.textColumn() : options.paragraphsColumn());
        List<Column> kept = new ArrayList<>();
        for (String n : names) {
            if (dropped.contains(n)) continue;
            if (Arrays.asList(PARAGRAPH.fieldNames()).contains(n)) {
                throw new IllegalArgumentException("column " + n + " has the name of a paragraph field "
                        + Arrays.toString(PARAGRAPH.fieldNames()) + "; rename or drop it before explode");
            }
            kept.add(functions.col(quote(n)));
        }
        List<Column> first = new ArrayList<>(kept);
        first.add(functions.explode(functions.col(quote(options.resultColumn()))).as("__paragraph"));
        List<Column> second = new ArrayList<>(kept);
        second.add(functions.col("__paragraph.*"));
        return classified.select(first.toArray(new Column[0])).select(second.toArray(new Column[0]));
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private void check(StructType in) {
        List<String> names = Arrays.asList(in.fieldNames());
        String column = options.textColumn() != null ? options.textColumn() : options.paragraphsColumn();
        if (!names.contains(column)) {
            throw new IllegalArgumentException("no column " + column + " (the articles' " + (options.textColumn()
                    != null ? "text or HTML" : "paragraphs") + "); columns are " + names + ": set "
                    + (options.textColumn() != null ? "textColumn" : "paragraphsColumn")
                    + " (the job's --text-column)");
        }
        DataType t = in.apply(column).dataType();
        if (options.textColumn() != null && !(t instanceof StringType || t instanceof BinaryType)) {
            throw new IllegalArgumentException("column " + column + " is " + t.simpleString() + "; the text column "
                    + "must be a string (or binary UTF-8)");
        }
        if (options.paragraphsColumn() != null
                && !(t instanceof ArrayType a && a.elementType() instanceof StringType)) {
            throw new IllegalArgumentException("column " + column + " is " + t.simpleString() + "; the paragraphs "
                    + "column must be array<string> (e.g. paragraphs.text of canonical JSONL)");
        }
        for (String c : new String[]{options.idColumn(), options.formatColumn(), options.urlColumn(),
                options.malformedColumn()}) {
            if (c != null && !names.contains(c)) {
                throw new IllegalArgumentException("no column " + c + "; columns are " + names);
            }
        }
        for (String c : options.outputColumns()) {
            if (names.contains(c)) {
                throw new IllegalArgumentException("the input already has a column " + c + "; drop it or choose "
                        + "another output column name (SparkClassifyOptions.builder().resultColumn/sharesColumn/"
                        + "errorColumn)");
            }
        }
    }

    private static int index(List<String> names, String column) {
        return column == null ? -1 : names.indexOf(column);
    }

    /** {@return the session this transformation belongs to} */
    public SparkSession session() {
        return spark;
    }
}
