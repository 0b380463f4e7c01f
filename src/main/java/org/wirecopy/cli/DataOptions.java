package org.wirecopy.cli;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusFormat;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.DataConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Options that say how to read a corpus file; shared by train, evaluate, validate-data and the experiment verbs. With
 * {@code --config}, the file's data settings are the base and options given on the command line override them.
 */
final class DataOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--data-format", paramLabel = "FMT", defaultValue = "auto",
            description = "Data file format: auto (from the file name), jsonl, tsv or csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--text-column", paramLabel = "COL", defaultValue = "text",
            description = "Column (TSV/CSV/flat JSONL) holding the paragraph text. Default: ${DEFAULT-VALUE}.")
    String textColumn;

    @Option(names = "--label-column", paramLabel = "COL", defaultValue = "label",
            description = "Column holding the label. Default: ${DEFAULT-VALUE}.")
    String labelColumn;

    @Option(names = "--id-column", paramLabel = "COL",
            description = "Column holding the article id; rows sharing an id form one article. "
                    + "Default: none (each row is its own article).")
    String idColumn;

    @Option(names = "--index-column", paramLabel = "COL",
            description = "Column holding the paragraph's position in its article. Default: none (file order).")
    String indexColumn;

    @Option(names = "--label-map", paramLabel = "MAP",
            description = "Map raw labels, e.g. OBJ=REPORTING,SUBJ=COMMENTARY. Default: none.")
    String labelMap;

    @Option(names = "--labels", paramLabel = "L1,L2,...",
            description = "Allowed labels, or 'any'. Default: the label map's targets, else "
                    + "REPORTING,COMMENTARY,BOILERPLATE.")
    String labels;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Encoding of the data files. Default: ${DEFAULT-VALUE}.")
    String encoding;

    @Option(names = "--file-labels", split = ",", paramLabel = "L1,L2,...",
            description = "The label of every unlabelled paragraph of each data file, in file order (e.g. with "
                    + "--data-format lines, one file per class).")
    List<String> fileLabels;

    @Option(names = "--default-label", paramLabel = "LABEL",
            description = "The label of every paragraph that has none (data known to be all of one kind).")
    String defaultLabel;

    @Option(names = "--split", paramLabel = "NAME",
            description = "Use only articles whose 'split' field is NAME (e.g. train, dev, test). Default: all.")
    String split;

    private boolean given(String name) {
        return mixee != null && mixee.commandLine().getParseResult() != null
                && mixee.commandLine().getParseResult().hasMatchedOption(name);
    }

    /** Reading options from the command line alone. */
    CorpusOptions options() {
        return options(null);
    }

    /** Reading options: {@code base} (from --config) with options given on the command line on top. */
    CorpusOptions options(DataConfig base) {
        DataConfig b = base == null ? new DataConfig(List.of(), List.of(), List.of(), format, textColumn,
                labelColumn, idColumn, indexColumn, CorpusOptions.parseLabelMap(labelMap), null) : base;
        CorpusOptions.Builder o = CorpusOptions.builder()
                .format(CorpusFormat.parse(given("--data-format") || base == null ? format : b.format()))
                .textColumn(given("--text-column") || base == null ? textColumn : b.textColumn())
                .labelColumn(given("--label-column") || base == null ? labelColumn : b.labelColumn())
                .idColumn(given("--id-column") || base == null ? idColumn : b.idColumn())
                .indexColumn(given("--index-column") || base == null ? indexColumn : b.indexColumn())
                .labelMap(given("--label-map") || base == null ? CorpusOptions.parseLabelMap(labelMap)
                        : new LinkedHashMap<>(b.labelMap()))
                .charset(charset())
                .defaultLabel(defaultLabel);
        List<String> allowed = labels != null ? Arrays.stream(labels.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList() : b.labels();
        if (labels != null && allowed.isEmpty()) {
            throw new IllegalArgumentException("--labels is empty; give the allowed labels, e.g. --labels "
                    + "REPORTING,COMMENTARY,BOILERPLATE, or --labels any");
        }
        if (allowed != null) o.labels(allowed.size() == 1 && allowed.get(0).equalsIgnoreCase("any") ? null : allowed);
        return o.build();
    }

    /** Reads the files as one corpus with {@link #options()}, filtered by --split. */
    Corpus read(List<Path> files) throws IOException {
        return read(files, options());
    }

    private java.nio.charset.Charset charset() {
        try {
            return java.nio.charset.Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown encoding '" + encoding + "'; e.g. UTF-8, ISO-8859-1, windows-1252", e);
        }
    }

    /** Reads the files as one corpus, filtered by --split. */
    Corpus read(List<Path> files, CorpusOptions o) throws IOException {
        if (fileLabels != null && fileLabels.size() != files.size()) {
            throw new IllegalArgumentException("--file-labels gives " + fileLabels.size() + " labels for "
                    + files.size() + " data files; give one label per file, in order");
        }
        Corpus all = null;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Corpus c = CorpusReader.read(f, fileLabels == null ? o : o.withDefaultLabel(fileLabels.get(i)));
            all = all == null ? c : all.plus(c);
        }
        if (all == null) throw new IllegalArgumentException("no data files given");
        if (split != null) {
            Corpus s = all.where("split", split);
            if (s.articles().isEmpty()) {
                throw new IllegalArgumentException(all.name() + ": no article has \"split\": \"" + split
                        + "\"; splits present: " + Arrays.toString(all.articles().stream()
                        .map(a -> a.field("split")).distinct().toArray()));
            }
            return s;
        }
        return all;
    }
}
