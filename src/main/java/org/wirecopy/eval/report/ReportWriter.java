package org.wirecopy.eval.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirecopy.eval.CrossValidation;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.model.Provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the report of an evaluation or a cross-validation into a directory (created when missing; files of the
 * same names are overwritten):
 * <ul>
 *   <li>{@value #JSON_FILE}: figures, data name and hash, provenance ({@link JsonReport});</li>
 *   <li>{@value #MARKDOWN_FILE}: the same for people, showing the plots ({@link MarkdownReport});</li>
 *   <li>{@value #CONFUSION_PLOT}, {@value #RELIABILITY_PLOT}, {@value #PRECISION_RECALL_PLOT} and
 *       {@code f1-by-FIELD.png} for each field of {@link #GROUP_FIELDS} whose articles carry at least two values
 *       ({@link Plots}).</li>
 * </ul>
 * Text files are UTF-8 with {@code \n} line ends. For a cross-validation the plots and the per-label, confusion and
 * per-group tables are of the pooled predictions of all folds ({@link CrossValidation#pooled()}).
 *
 * <p>Stateless and thread-safe; concurrent calls writing into the same directory overwrite each other's files.
 */
public final class ReportWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    /** Name of the JSON report. */
    static final String JSON_FILE = "report.json";
    /** Name of the Markdown report. */
    static final String MARKDOWN_FILE = "report.md";
    /** Name of the confusion-matrix heat map. */
    static final String CONFUSION_PLOT = "confusion.png";
    /** Name of the reliability diagram. */
    static final String RELIABILITY_PLOT = "reliability.png";
    /** Name of the precision-recall curves. */
    static final String PRECISION_RECALL_PLOT = "precision-recall.png";
    /** Article fields the figures are broken down by, each plotted as {@code f1-by-FIELD.png}. */
    static final List<String> GROUP_FIELDS = Groups.FIELDS;

    private ReportWriter() {
    }

    /**
     * Writes the report of one evaluation.
     *
     * @param evaluation the figures, with at least one paragraph
     * @param provenance the evaluated model's provenance, or null when unknown (e.g. a baseline)
     * @param data       the evaluated data
     * @param directory  where to write
     * @return the files written: {@value #JSON_FILE}, {@value #MARKDOWN_FILE}, then the plots
     * @throws IllegalArgumentException when the evaluation has no paragraphs
     * @throws IOException              when the directory or a file cannot be written
     */
    public static List<Path> write(Evaluation evaluation, Provenance provenance, DataDescription data,
                                   Path directory) throws IOException {
        Objects.requireNonNull(evaluation, "evaluation");
        check(evaluation, data, directory);
        List<String> plots = plotFiles(evaluation);
        return write(directory, evaluation, JsonReport.evaluation(evaluation, provenance, data),
                MarkdownReport.evaluation(evaluation, provenance, data, plots));
    }

    /**
     * Writes the report of a cross-validation: figures of every fold with mean and standard deviation, and plots of
     * the pooled predictions.
     *
     * @param crossValidation the cross-validation, with at least one paragraph
     * @param provenance      provenance of the configuration cross-validated, or null when unknown
     * @param data            the cross-validated data
     * @param directory       where to write
     * @return the files written: {@value #JSON_FILE}, {@value #MARKDOWN_FILE}, then the plots
     * @throws IllegalArgumentException when no fold has a paragraph
     * @throws IOException              when the directory or a file cannot be written
     */
    public static List<Path> write(CrossValidation crossValidation, Provenance provenance, DataDescription data,
                                   Path directory) throws IOException {
        Objects.requireNonNull(crossValidation, "crossValidation");
        Evaluation pooled = crossValidation.pooled();
        check(pooled, data, directory);
        List<String> plots = plotFiles(pooled);
        return write(directory, pooled, JsonReport.crossValidation(crossValidation, provenance, data),
                MarkdownReport.crossValidation(crossValidation, provenance, data, plots));
    }

    private static void check(Evaluation evaluation, DataDescription data, Path directory) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(directory, "directory");
        if (evaluation.paragraphs() == 0) {
            throw new IllegalArgumentException("nothing to report: the evaluation of " + data.name()
                    + " has no paragraphs; evaluate on data with labelled paragraphs");
        }
    }

    private static List<String> plotFiles(Evaluation evaluation) {
        List<String> files = new ArrayList<>(List.of(CONFUSION_PLOT, RELIABILITY_PLOT, PRECISION_RECALL_PLOT));
        for (String field : Groups.of(evaluation).keySet()) files.add(Groups.plotFile(field));
        return files;
    }

    private static List<Path> write(Path directory, Evaluation plotted, String json, String markdown)
            throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new java.nio.file.FileSystemException(directory.toString(), null,
                    "exists and is not a directory; give a directory for the report (it is created when missing)");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw org.wirecopy.io.SafeFiles.located(directory, "cannot create the report directory", e);
        }
        List<Path> written = new ArrayList<>();
        org.wirecopy.io.SafeFiles.writeAtomically(add(written, directory, JSON_FILE), json);
        org.wirecopy.io.SafeFiles.writeAtomically(add(written, directory, MARKDOWN_FILE), markdown);
        Plots.confusion(plotted, add(written, directory, CONFUSION_PLOT));
        Plots.reliability(plotted, add(written, directory, RELIABILITY_PLOT));
        Plots.precisionRecall(plotted, add(written, directory, PRECISION_RECALL_PLOT));
        for (String field : Groups.of(plotted).keySet()) {
            Plots.f1By(plotted, field, add(written, directory, Groups.plotFile(field)));
        }
        LOG.info("wrote {} report files to {}", written.size(), directory);
        return List.copyOf(written);
    }

    private static Path add(List<Path> written, Path directory, String file) {
        Path p = directory.resolve(file);
        written.add(p);
        return p;
    }
}
