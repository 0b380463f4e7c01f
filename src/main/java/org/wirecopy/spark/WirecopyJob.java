package org.wirecopy.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.wirecopy.io.SafeFiles;
import org.wirecopy.model.ModelIO;
import org.wirecopy.study.GroupSummary;
import org.wirecopy.study.GroupTableWriter;
import org.wirecopy.study.SummaryFormat;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code spark-submit} job: reads articles (canonical JSONL, Parquet, flat one-paragraph-per-row files, or a
 * folder of HTML/text files) from any Hadoop path, labels every paragraph with {@link SparkClassification}, writes
 * Parquet or JSONL ({@code OUTPUT/articles}, or {@code OUTPUT/paragraphs} with {@code --explode}) and, with
 * {@code --summary-by}, the per-group shares ({@code OUTPUT/summary-by-KEY.csv}, as {@code wirecopy summarize}).
 * Bad rows are kept with an error column, counted, and reported at the end. See docs/spark.md.
 *
 * <p>{@link #main} is a command line (it prints and exits); {@link #run} is the job itself, for tests and for callers
 * that own a session. Not thread-safe: one run at a time per session.
 */
public final class WirecopyJob {

    /**
     * What a run did.
     *
     * <p>Immutable and thread-safe.
     *
     * @param rows         input rows (articles) read
     * @param badRows      rows that could not be classified (null results, an error column)
     * @param paragraphs   paragraphs classified
     * @param errorSamples some bad rows' errors
     * @param groups       the per-group summary (empty without {@code --summary-by})
     * @param written      the folder of the written rows
     * @param summary      the summary file, or null
     * @param seconds      wall time of the run
     */
    public record Result(long rows, long badRows, long paragraphs, List<String> errorSamples,
                         List<GroupSummary> groups, String written, String summary, double seconds) {
        /**
         * Copies the lists into immutable ones.
         *
         * @param rows         input rows read
         * @param badRows      rows that could not be classified
         * @param paragraphs   paragraphs classified
         * @param errorSamples some bad rows' errors
         * @param groups       the per-group summary
         * @param written      the folder of the written rows
         * @param summary      the summary file, or null
         * @param seconds      wall time of the run
         */
        public Result {
            errorSamples = List.copyOf(errorSamples);
            groups = List.copyOf(groups);
        }
    }

    private WirecopyJob() {
    }

    /**
     * The command line: exits 0 when done (bad rows reported, not fatal), 2 on a usage error, 4 on a failure.
     *
     * @param args the arguments after the jar (see {@link JobOptions#USAGE})
     */
    public static void main(String[] args) {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!new SparkConf().contains("spark.master")) {
            System.err.println("error: no Spark master: run the job with spark-submit --master ..., or with plain java "
                    + "add -Dspark.master=local[*] (see docs/spark.md)");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("wirecopy").getOrCreate();
        int code = 0;
        try {
            Result r = run(spark, options);
            report(r, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            code = 2;
        } catch (IOException | RuntimeException e) {
            System.err.println("error: the job failed: " + e);
            e.printStackTrace(System.err);
            code = 4;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Prints what a run did. */
    static void report(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "wirecopy: classified %d articles (%d paragraphs) in %.1f s; %d bad rows%n",
                r.rows() - r.badRows(), r.paragraphs(), r.seconds(), r.badRows());
        for (String e : r.errorSamples().stream().sorted().limit(20).toList()) out.println("  bad row: " + e);
        if (r.badRows() > 0) {
            out.println("  (every bad row is in the output with null results and the error column set)");
        }
        out.println("wrote " + r.written());
        if (r.summary() != null) {
            out.println("wrote " + r.summary());
            out.print(GroupTableWriter.text(r.summary().replaceAll(".*summary-by-(.*)\\.csv$", "$1"), r.groups()));
        }
        out.flush();
    }

    /**
     * Runs the job on {@code spark}.
     *
     * @param spark the session; not stopped
     * @param o     the options
     * @return what the run did
     * @throws IllegalArgumentException when the input has no usable column, the output exists, or the model is bad
     * @throws IOException              when the model or the summary cannot be read or written
     */
    public static Result run(SparkSession spark, JobOptions o) throws IOException {
        long started = System.nanoTime();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(o.output());
        FileSystem outFs = out.getFileSystem(hadoop);
        if (outFs.exists(out) && !o.overwrite()) {
            throw new IllegalArgumentException("--output " + o.output() + " exists; pass --overwrite or another "
                    + "--output");
        }
        Input in = read(spark, o);
        SparkClassification wirecopy = o.model() == null ? SparkClassification.bundled(spark, in.options())
                : SparkClassification.of(spark, modelBytes(o.model(), hadoop), in.options());
        Dataset<Row> rows = in.rows();
        if (o.partitions() > 0) rows = rows.repartition(o.partitions());
        Dataset<Row> classified = wirecopy.classify(rows);
        classified = classified.drop(in.drop().toArray(new String[0]));
        boolean summary = o.summaryBy() != null;
        if (summary) classified = classified.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> written = o.explode() ? wirecopy.explode(classified) : classified;
            String target = new org.apache.hadoop.fs.Path(out, o.explode() ? "paragraphs" : "articles").toString();
            DataFrameWriter<Row> w = written.write().mode(o.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
            if (o.outputFormat().equals("parquet")) w.parquet(target);
            else w.json(target);
            List<GroupSummary> groups = List.of();
            String summaryFile = null;
            if (summary) {
                groups = GroupShares.by(o.summaryBy()).summarize(classified, wirecopy.options(), wirecopy.labels(),
                        in.options().idColumn());
                org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(out, "summary-by-"
                        + o.summaryBy().replaceAll("[^A-Za-z0-9_.-]", "_") + ".csv");
                List<GroupSummary> summarized = groups;
                writeAtomically(outFs, file, stream -> {
                    Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                    GroupTableWriter.write(writer, SummaryFormat.CSV, o.summaryBy(), summarized);
                    writer.flush();
                });
                summaryFile = file.toString();
            }
            return new Result(wirecopy.rows(), wirecopy.badRows(), wirecopy.paragraphs(), wirecopy.errorSamples(),
                    groups, target, summaryFile, (System.nanoTime() - started) / 1e9);
        } finally {
            if (summary) classified.unpersist();
        }
    }

    /**
     * Writes {@code file} so that a failed run never leaves half of it: on the local file system through
     * {@link SafeFiles#writeAtomically(java.nio.file.Path, SafeFiles.Content)} (a temporary file beside it, forced to
     * disk and renamed into place), on any other Hadoop file system through {@link #writeByRename}.
     */
    static void writeAtomically(FileSystem fs, org.apache.hadoop.fs.Path file, SafeFiles.Content content)
            throws IOException {
        java.net.URI uri = fs.makeQualified(file).toUri();
        if ("file".equals(uri.getScheme())) {
            SafeFiles.writeAtomically(java.nio.file.Path.of(uri), content);
        } else {
            writeByRename(fs, file, content);
        }
    }

    /**
     * Writes {@code file} on any Hadoop file system through a hidden temporary file beside it ({@code .NAME.*.tmp},
     * which Spark and Hadoop readers skip), synced and then renamed over the target (atomic on HDFS; on object stores
     * a rename is a copy, but the target is still never seen half-written). On failure the temporary file is deleted
     * and the target is left as it was.
     */
    static void writeByRename(FileSystem fs, org.apache.hadoop.fs.Path file, SafeFiles.Content content)
            throws IOException {
        if (fs.exists(file) && fs.getFileStatus(file).isDirectory()) {
            throw new IOException(file + ": is a directory; remove it or choose another --output");
        }
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(file.getParent(),
                "." + file.getName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            try (FSDataOutputStream s = fs.create(tmp, false)) {
                java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(s, 1 << 16);
                content.writeTo(buffered);
                buffered.flush();
                s.hsync();
            }
            FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(tmp, file, Options.Rename.OVERWRITE);
        } catch (IOException e) {
            throw new IOException(file + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (fs.exists(tmp)) fs.delete(tmp, false);
        }
    }

    /** The rows to classify, how to read them, and the helper columns to drop from the output (always). */
    record Input(Dataset<Row> rows, SparkClassifyOptions options, List<String> drop) {
    }

    static Input read(SparkSession spark, JobOptions o) {
        Dataset<Row> df = switch (o.inputFormat()) {
            case "parquet" -> spark.read().parquet(o.input());
            case "text-folder" -> spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                    .load(o.input());
            default -> spark.read().option("mode", "PERMISSIVE").json(o.input());
        };
        List<String> names = Arrays.asList(df.schema().fieldNames());
        SparkClassifyOptions.Builder b = SparkClassifyOptions.builder().format(o.textFormat()).maxChars(o.maxChars())
                .threadsPerTask(o.threadsPerTask()).dropInput(!o.keepInput())
                .mainContent(o.mainContent());
        List<String> drop = new ArrayList<>();
        String malformed = names.contains("_corrupt_record") ? "_corrupt_record" : null;
        if (malformed != null) b.malformedColumn(malformed);
        if (o.groupColumn() != null) {
            String text = o.textColumn() != null ? o.textColumn() : "text";
            require(names, o.groupColumn(), "--group-column");
            require(names, o.orderColumn(), "--order-column");
            require(names, text, "--text-column");
            List<Column> aggs = new ArrayList<>();
            aggs.add(functions.sort_array(functions.collect_list(functions.struct(functions.col(q(o.orderColumn())),
                    functions.col(q(text))))).as("__rows"));
            for (String n : names) {
                if (!n.equals(o.groupColumn()) && !n.equals(o.orderColumn()) && !n.equals(text)
                        && !n.equals("_corrupt_record")) {
                    aggs.add(functions.first(functions.col(q(n)), true).as(n));
                }
            }
            df = df.where(functions.col(q(o.groupColumn())).isNotNull())
                    .groupBy(functions.col(q(o.groupColumn())))
                    .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
                    .withColumn("__texts", functions.col("__rows." + q(text)))
                    .drop("__rows");
            b.paragraphsColumn("__texts").idColumn(o.idColumn() != null ? o.idColumn() : o.groupColumn())
                    .malformedColumn(null);
            drop.add("__texts");
            return new Input(df, b.build(), drop);
        }
        String column = o.textColumn();
        if (column == null) {
            if (o.inputFormat().equals("text-folder")) column = "content";
            else if (names.contains("paragraphs")) column = "paragraphs";
            else if (names.contains("text")) column = "text";
            else {
                throw new IllegalArgumentException("no article column in " + o.input() + ": columns are " + names
                        + "; name it with --text-column (text or HTML, or an array of paragraphs), or give flat rows "
                        + "--group-column and --order-column");
            }
        }
        require(names, column, "--text-column");
        DataType t = df.schema().apply(column).dataType();
        if (t instanceof ArrayType a && a.elementType() instanceof StructType s
                && Arrays.asList(s.fieldNames()).contains("text")) {
            // canonical JSONL: paragraphs [{text, label, ...}]; the labels (if any) are not read
            df = df.withColumn("__texts", functions.col(q(column) + ".text"));
            if (!o.keepInput()) df = df.drop(column);
            drop.add("__texts");
            b.paragraphsColumn("__texts");
        } else if (t instanceof ArrayType a && a.elementType() instanceof StringType) {
            b.paragraphsColumn(column);
        } else {
            b.textColumn(column);
        }
        String id = o.idColumn();
        if (id == null && names.contains("id")) id = "id";
        if (id == null && o.inputFormat().equals("text-folder")) id = "path";
        if (id != null) require(names, id, "--id-column");
        b.idColumn(id);
        return new Input(df, b.build(), drop);
    }

    private static void require(List<String> names, String column, String option) {
        if (!names.contains(column)) {
            throw new IllegalArgumentException(option + " " + column + ": no such column; columns are " + names);
        }
    }

    private static byte[] modelBytes(String model, Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(model);
        FileSystem fs = p.getFileSystem(hadoop);
        if (!fs.exists(p)) throw new IllegalArgumentException("--model " + model + ": no such file");
        long size = fs.getFileStatus(p).getLen();
        if (size > ModelIO.MAX_MODEL_BYTES) {
            throw new IllegalArgumentException("--model " + model + " is " + size + " bytes, over the "
                    + ModelIO.MAX_MODEL_BYTES + "-byte limit of a model file");
        }
        try (FSDataInputStream s = fs.open(p)) {
            return s.readNBytes((int) size + 1);
        }
    }

    private static String q(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
