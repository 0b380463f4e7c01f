package org.wirecopy.spark;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wirecopy.study.ArticleSummary;
import org.wirecopy.study.GroupKey;
import org.wirecopy.study.GroupSummary;
import org.wirecopy.study.Summarizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The per-group summary of the study workflow ({@code wirecopy summarize --group-by}) over a classified DataFrame:
 * per group (a field such as {@code style} or {@code source}, {@code month}, or {@code all}) the articles, their
 * paragraphs, the mean per-article character share of every label and its bootstrap 95% interval, computed by
 * {@link Summarizer} on the executors (a group's articles in {@link #ORDER}), one task per group (a group's shares are
 * held by that task: about 100 bytes per article). Rows with an error are left out. The same articles in the same
 * order give the same figures as {@code wirecopy summarize}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param groupBy    a field name, {@code month} or {@code all} (see {@link GroupKey})
 * @param summarizer the bootstrap's resamples and seed
 */
public record GroupShares(String groupBy, Summarizer summarizer) {

    private static final StructType ARTICLE = new StructType()
            .add("group", DataTypes.StringType, false)
            .add("id", DataTypes.StringType, false)
            .add("counts", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("shares", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    private static final StructType GROUP = new StructType()
            .add("group", DataTypes.StringType, false)
            .add("articles", DataTypes.IntegerType, false)
            .add("paragraphs", DataTypes.LongType, false)
            .add("mean", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("lower", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("upper", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    /**
     * The order of a group's articles given to {@link Summarizer}: by id, ties by their shares then counts (so
     * results do not depend on how Spark partitioned the rows).
     */
    static final java.util.Comparator<ArticleSummary> ORDER = java.util.Comparator.comparing(ArticleSummary::id)
            .thenComparing(s -> s.shares().values().toString()).thenComparing(s -> s.counts().values().toString());

    /**
     * Checks the components.
     *
     * @param groupBy    a field name, {@code month} or {@code all}; not blank
     * @param summarizer the bootstrap's resamples and seed; not null
     * @throws IllegalArgumentException when {@code groupBy} is blank
     */
    public GroupShares {
        new GroupKey(groupBy);
        Objects.requireNonNull(summarizer, "summarizer");
    }

    /**
     * Groups by {@code groupBy} with {@link Summarizer#DEFAULT}.
     *
     * @param groupBy a field name, {@code month} or {@code all}; not blank
     * @return the grouping
     * @throws IllegalArgumentException when {@code groupBy} is blank
     */
    public static GroupShares by(String groupBy) {
        return new GroupShares(groupBy, Summarizer.DEFAULT);
    }

    /**
     * The groups of a dataset written by {@link SparkClassification#classify} (or read back from its output), in
     * group order.
     *
     * @param classified the output of {@link SparkClassification#classify} (or the same columns read back)
     * @param options    the options it was classified with (for the column names)
     * @param labels     the model's labels ({@link SparkClassification#labels()})
     * @param idColumn   the article id column, or null
     * @return one summary per group, in group order
     * @throws IllegalArgumentException when the result, shares or error column is missing
     */
    public List<GroupSummary> summarize(Dataset<Row> classified, SparkClassifyOptions options, List<String> labels,
                                        String idColumn) {
        List<String> names = Arrays.asList(classified.schema().fieldNames());
        for (String c : List.of(options.resultColumn(), options.sharesColumn(), options.errorColumn())) {
            if (!names.contains(c)) {
                throw new IllegalArgumentException("no column " + c + ": summarise the output of classify; columns "
                        + "are " + names);
            }
        }
        List<String> fields = new ArrayList<>();
        for (String f : keyFields()) if (names.contains(f)) fields.add(f);
        List<String> ls = List.copyOf(labels);
        String result = options.resultColumn();
        String spec = groupBy;
        List<org.apache.spark.sql.Column> cols = new ArrayList<>();
        cols.add(functions.col(q(result) + ".label").as("labels"));
        cols.add(functions.col(q(options.sharesColumn())).as("shares"));
        cols.add(idColumn != null && names.contains(idColumn) ? functions.col(q(idColumn)).cast("string").as("id")
                : functions.lit(null).cast("string").as("id"));
        for (String f : fields) cols.add(functions.col(q(f)).cast("string").as("f_" + f));
        Dataset<Row> slim = classified.where(functions.col(q(options.errorColumn())).isNull())
                .select(cols.toArray(new org.apache.spark.sql.Column[0]));
        MapFunction<Row, Row> toArticle = row -> {
            Map<String, String> fs = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                if (!row.isNullAt(3 + i)) fs.put(fields.get(i), row.getString(3 + i));
            }
            List<String> labelsOfParagraphs = row.getList(0);
            Map<Object, Object> shares = row.getJavaMap(1);
            Integer[] counts = new Integer[ls.size()];
            Double[] sh = new Double[ls.size()];
            for (int j = 0; j < ls.size(); j++) {
                counts[j] = 0;
                Object v = shares.get(ls.get(j));
                sh[j] = v == null ? 0.0 : ((Number) v).doubleValue();
            }
            for (String l : labelsOfParagraphs) counts[ls.indexOf(l)]++;
            String id = row.isNullAt(2) ? "" : row.getString(2);
            ArticleSummary s = summary(id, fs, ls, counts, sh);
            return RowFactory.create(new GroupKey(spec).apply(s), id, scala(Arrays.asList(counts)),
                    scala(Arrays.asList(sh)));
        };
        int resamples = summarizer.resamples();
        long seed = summarizer.seed();
        MapGroupsFunction<String, Row, Row> toGroup = (group, rows) -> {
            List<ArticleSummary> list = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                List<Integer> c = r.getList(2);
                List<Double> s = r.getList(3);
                list.add(summary(r.getString(1), Map.of(), ls, c.toArray(new Integer[0]), s.toArray(new Double[0])));
            }
            // Spark hands a group's rows in no fixed order; the mean and the bootstrap read them in id order
            list.sort(ORDER);
            GroupSummary g = new Summarizer(resamples, seed).group(group, list);
            return RowFactory.create(group, g.articles(), g.paragraphs(), scala(values(g.meanShares(), ls)),
                    scala(values(g.lower(), ls)), scala(values(g.upper(), ls)));
        };
        List<Row> rows = slim.map(toArticle, Encoders.row(ARTICLE))
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .mapGroups(toGroup, Encoders.row(GROUP))
                .collectAsList();
        List<GroupSummary> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new GroupSummary(r.getString(0), r.getInt(1), r.getLong(2), map(r.getList(3), ls),
                    map(r.getList(4), ls), map(r.getList(5), ls)));
        }
        out.sort(java.util.Comparator.comparing(GroupSummary::group));
        return out;
    }

    /** The fields a group key may read: the field asked for and the date fields of {@code month}. */
    private List<String> keyFields() {
        List<String> out = new ArrayList<>();
        if (groupBy.equalsIgnoreCase("month")) out.addAll(GroupKey.DATE_FIELDS);
        else if (!groupBy.equalsIgnoreCase("all")) out.add(groupBy);
        return out;
    }

    private static ArticleSummary summary(String id, Map<String, String> fields, List<String> labels,
                                          Integer[] counts, Double[] shares) {
        Map<String, Integer> c = new LinkedHashMap<>();
        Map<String, Double> s = new LinkedHashMap<>();
        for (int j = 0; j < labels.size(); j++) {
            c.put(labels.get(j), counts[j]);
            s.put(labels.get(j), shares[j]);
        }
        return new ArticleSummary(id, fields, c, s, Double.NaN, 0);
    }

    private static List<Double> values(Map<String, Double> m, List<String> labels) {
        List<Double> out = new ArrayList<>();
        for (String l : labels) out.add(m.get(l));
        return out;
    }

    private static Map<String, Double> map(List<Double> values, List<String> labels) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < labels.size(); j++) m.put(labels.get(j), values.get(j));
        return m;
    }

    private static <T> scala.collection.Seq<T> scala(List<T> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
    }

    private static String q(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
