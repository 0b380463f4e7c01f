package org.wirecopy.distill;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;
import org.wirecopy.features.StaticVectors;
import org.wirecopy.io.SafeFiles;
import org.wirecopy.text.TextNormalizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Command line of the distiller:
 * {@code java -cp target/wirecopy.jar:target/lib/* org.wirecopy.distill.Distill --out training-data/minilm-vectors.bin}.
 * Writes a {@link StaticVectors} file and prints its size, SHA-256 and the time taken. The file is written through a
 * temporary file beside it and an atomic rename; an {@code --out} that is a directory, FIFO or device, or the
 * {@code --data} file, is refused before any work.
 *
 * <p>Not thread-safe; a command object is run once.
 */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = "Distils all-MiniLM-L6-v2 into static WordPiece vectors (PCA + SIF weights) for wirecopy.")
public final class Distill implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "vectors file to write, e.g. training-data/minilm-vectors.bin")
    Path out;

    @Option(names = "--data", defaultValue = "training-data/train.jsonl",
            description = "corpus whose token frequencies give the SIF weights (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--dims", defaultValue = "64", description = "PCA dims (default: ${DEFAULT-VALUE})")
    int dims;

    @Option(names = "--sif-a", defaultValue = "0.3",
            description = "SIF constant a in the weight a/(a+p); 0.3 was best on dev (default: ${DEFAULT-VALUE})")
    double sifA;

    @Option(names = "--batch", defaultValue = "256", description = "tokens per ONNX batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--threads", defaultValue = "1",
            description = "ONNX Runtime threads; 1 is bit-reproducible (default: ${DEFAULT-VALUE})")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the distiller and exits the JVM with its exit code (0 on success, 1 on a failure, 2 on a usage error).
     *
     * @param args the command-line arguments, e.g. {@code --out training-data/minilm-vectors.bin}
     */
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Distill());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        SafeFiles.requireOutput("--out", out, List.of(data)); // before minutes of work, like the CLI's outputs
        DistillConfig config = DistillConfig.builder().dims(dims).sifA(sifA).batchSize(batch).threads(threads).build();
        Corpus corpus = CorpusReader.read(data, CorpusOptions.defaults());
        List<String> texts = new ArrayList<>();
        for (LabelledArticle a : corpus.articles()) {
            for (LabelledParagraph p : a.paragraphs()) texts.add(TextNormalizer.normalize(p.text()));
        }
        StaticVectors vectors = new Distiller(config).distil(texts,
                data.getFileName() + " (sha256 " + corpus.sha256() + ")");
        byte[] bytes = write(out, vectors);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "wrote %s: %d tokens x %d dims, %d bytes, sha256 %s, in %.1f s%n", out, vectors.size(),
                vectors.dims(), bytes.length, sha, (System.nanoTime() - start) / 1e9);
        w.println(vectors.description());
        return 0;
    }

    /**
     * Writes the vectors to {@code out} through a temporary file beside it and an atomic rename, so that a failed
     * run leaves the previous file whole.
     *
     * @return the bytes written
     */
    static byte[] write(Path out, StaticVectors vectors) throws IOException {
        byte[] bytes = vectors.toBytes();
        SafeFiles.writeAtomically(out, bytes);
        return bytes;
    }
}
