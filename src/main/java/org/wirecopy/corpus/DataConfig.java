package org.wirecopy.corpus;

import java.util.List;
import java.util.Map;

/**
 * The data part of an experiment configuration: which files, and how to read them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param train       training files
 * @param dev         dev files (pick the epoch); may be empty
 * @param test        held-out files to evaluate on after training; may be empty
 * @param format      {@code auto}, {@code jsonl}, {@code tsv} or {@code csv}
 * @param textColumn  text column for TSV/CSV/flat JSONL
 * @param labelColumn label column
 * @param idColumn    article id column, or null (one article per row)
 * @param indexColumn paragraph index column, or null
 * @param labelMap    raw label to label, may be empty
 * @param labels      allowed labels; null means the label map's targets, else the three standard labels;
 *                    {@code ["any"]} allows any
 */
public record DataConfig(List<String> train, List<String> dev, List<String> test, String format, String textColumn,
                         String labelColumn, String idColumn, String indexColumn, Map<String, String> labelMap,
                         List<String> labels) {

    /**
     * Checks the components and fills in defaults: null lists become empty, a null format {@code auto}, a null label
     * map empty.
     *
     * @param train       training files, or null
     * @param dev         dev files, or null
     * @param test        test files, or null
     * @param format      a {@link CorpusFormat} name, or null for {@code auto}
     * @param textColumn  text column, not blank
     * @param labelColumn label column, not blank
     * @param idColumn    article id column, or null
     * @param indexColumn paragraph index column, or null
     * @param labelMap    raw label to label, or null
     * @param labels      allowed labels, or null
     * @throws IllegalArgumentException when the format is unknown or a column is blank
     */
    public DataConfig {
        train = train == null ? List.of() : List.copyOf(train);
        dev = dev == null ? List.of() : List.copyOf(dev);
        test = test == null ? List.of() : List.copyOf(test);
        if (format == null) format = "auto";
        CorpusFormat.parse(format);
        if (textColumn == null || textColumn.isBlank()) throw new IllegalArgumentException("data.textColumn is blank");
        if (labelColumn == null || labelColumn.isBlank()) {
            throw new IllegalArgumentException("data.labelColumn is blank");
        }
        labelMap = labelMap == null ? Map.of() : Map.copyOf(labelMap);
        labels = labels == null ? null : List.copyOf(labels);
    }

    /**
     * The bundled model's data: the project's corpus ({@code training-data/train.jsonl}, {@code dev.jsonl},
     * {@code test.jsonl}).
     *
     * @return the default data settings
     */
    public static DataConfig defaults() {
        return new DataConfig(List.of("training-data/train.jsonl"), List.of("training-data/dev.jsonl"),
                List.of("training-data/test.jsonl"), "auto", "text", "label", null, null, Map.of(), null);
    }

    /**
     * The reading options these settings describe.
     *
     * @return the options
     * @throws IllegalArgumentException when the text or label column is blank
     */
    public CorpusOptions options() {
        CorpusOptions.Builder b = CorpusOptions.builder().format(CorpusFormat.parse(format)).textColumn(textColumn)
                .labelColumn(labelColumn).idColumn(idColumn).indexColumn(indexColumn)
                .labelMap(new java.util.LinkedHashMap<>(labelMap));
        if (labels != null) b.labels(labels.size() == 1 && labels.get(0).equalsIgnoreCase("any") ? null : labels);
        return b.build();
    }
}
