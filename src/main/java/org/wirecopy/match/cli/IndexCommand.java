package org.wirecopy.match.cli;

import org.wirecopy.corpus.CorpusFormat;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.io.SafeFiles;
import org.wirecopy.match.IndexConfig;
import org.wirecopy.match.IndexSummary;
import org.wirecopy.match.SourceIndexWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code index}: builds a source index from reference stories. Not thread-safe (one run per instance). */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Build a source index (word shingles, MinHash, LSH bands) from reference stories, for "
                + "'match'. Streams the corpus in bounded memory.",
                "Stories: canonical JSONL, one per line: {\"id\": ..., \"source\": ..., \"date\": ..., "
                        + "\"paragraphs\": [{\"text\": ...}, ...]}; or rows of one paragraph each grouped by "
                        + "--id-column."})
public final class IndexCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The reference stories.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "IDX", description = "The index file to write.")
    Path out;

    @Option(names = "--data-format", paramLabel = "FMT", defaultValue = "auto",
            description = "auto, jsonl, tsv or csv. Default: ${DEFAULT-VALUE} (by file extension).")
    String dataFormat;

    @Option(names = "--text-column", paramLabel = "COL", defaultValue = "text",
            description = "Column of the paragraph text in rows. Default: ${DEFAULT-VALUE}.")
    String textColumn;

    @Option(names = "--id-column", paramLabel = "COL",
            description = "Column of the story id in rows of one paragraph each (consecutive rows of a story).")
    String idColumn;

    @Option(names = "--index-column", paramLabel = "COL",
            description = "Column of the paragraph's position in its story, for rows.")
    String indexColumn;

    @Option(names = "--shingle-size", paramLabel = "N", defaultValue = "5",
            description = "Words per shingle. Default: ${DEFAULT-VALUE}.")
    int shingleSize;

    @Option(names = "--bands", paramLabel = "N", defaultValue = "16",
            description = "LSH bands. Default: ${DEFAULT-VALUE}.")
    int bands;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1",
            description = "MinHash values per band. Default: ${DEFAULT-VALUE}.")
    int rows;

    @Option(names = "--min-words", paramLabel = "N", defaultValue = "8",
            description = "Paragraphs with fewer words are stored but not matched. Default: ${DEFAULT-VALUE}.")
    int minWords;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261207",
            description = "Seed of the MinHash functions. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--spill-entries", paramLabel = "N", defaultValue = "4000000",
            description = "LSH entries sorted in memory before a run is spilled to disk (8 bytes each). "
                    + "Default: ${DEFAULT-VALUE}.")
    int spillEntries;

    @Override
    public Integer call() throws IOException {
        SafeFiles.requireOutput("--out", out, List.of(data));
        IndexConfig config = IndexConfig.builder().shingleSize(shingleSize).bands(bands).rows(rows)
                .minWords(minWords).seed(seed).spillEntries(spillEntries).build();
        CorpusFormat format;
        try {
            format = CorpusFormat.valueOf(dataFormat.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --data-format '" + dataFormat
                    + "'; use auto, jsonl, tsv or csv");
        }
        CorpusOptions options = CorpusOptions.builder().format(format).textColumn(textColumn).idColumn(idColumn).indexColumn(indexColumn)
                .requireLabels(false).labels(null).build();
        long t0 = System.nanoTime();
        IndexSummary s = SourceIndexWriter.build(data, options, out, config);
        double sec = (System.nanoTime() - t0) / 1e9;
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: %,d stories, %,d paragraphs (%,d long enough to match), %,d LSH entries, "
                        + "%.1f MB, %.1f s%n", s.file(), s.stories(), s.paragraphs(), s.indexedParagraphs(),
                s.entries(), s.bytes() / 1e6, sec);
        w.flush();
        return 0;
    }
}
