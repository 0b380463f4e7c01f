package org.wirecopy.cli;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusFormat;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Options that say how to read a corpus file; shared by train, evaluate and validate-data. */
final class DataOptions {

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

    @Option(names = "--split", paramLabel = "NAME",
            description = "Use only articles whose 'split' field is NAME (e.g. train, dev, test). Default: all.")
    String split;

    CorpusOptions options() {
        CorpusOptions.Builder b = CorpusOptions.builder()
                .format(CorpusFormat.parse(format))
                .textColumn(textColumn)
                .labelColumn(labelColumn)
                .idColumn(idColumn)
                .indexColumn(indexColumn)
                .labelMap(CorpusOptions.parseLabelMap(labelMap));
        if (labels != null) {
            b.labels(labels.equalsIgnoreCase("any") ? null : List.of(labels.split(",")).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList());
        }
        return b.build();
    }

    /** Reads the files as one corpus, filtered by --split. */
    Corpus read(List<Path> files) throws IOException {
        CorpusOptions o = options();
        Corpus all = null;
        for (Path f : files) {
            Corpus c = CorpusReader.read(f, o);
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
