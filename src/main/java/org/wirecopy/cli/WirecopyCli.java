package org.wirecopy.cli;

import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.model.ModelFormatException;
import org.wirecopy.model.Versions;
import org.wirecopy.text.ArticleInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * The {@code wirecopy} command line. Results go to stdout, progress and logs to stderr; exit codes are in
 * {@link ExitCodes}.
 */
@Command(name = "wirecopy", mixinStandardHelpOptions = true, versionProvider = WirecopyCli.VersionProvider.class,
        description = "Labels every paragraph of an article as REPORTING (pasted agency or newspaper copy), "
                + "COMMENTARY (the writer's own words) or BOILERPLATE (site furniture).",
        subcommands = {ClassifyCommand.class, TrainCommand.class, EvaluateCommand.class, ValidateDataCommand.class,
                InspectCommand.class, CrossValidateCommand.class, BaselinesCommand.class, TuneThresholdCommand.class,
                InitConfigCommand.class, org.wirecopy.match.cli.IndexCommand.class, org.wirecopy.match.cli.MatchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad data, 4 I/O error, 5 bad model file."})
public final class WirecopyCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        configureLogging();
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (for tests; never exits). */
    public static int run(String... args) {
        return run(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** Runs the CLI with the given streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new WirecopyCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, cmd.getErr()));
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int handle(Exception ex, PrintWriter err) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (e instanceof CorpusFormatException c) {
            for (DataProblem p : c.problems()) err.println("error: " + p);
            err.println(c.problems().size() + (c.problems().size() == 1 ? " problem" : " problems")
                    + "; nothing was written");
            return ExitCodes.DATA;
        }
        if (e instanceof ArticleInputException) {
            err.println("error: " + e.getMessage());
            return ExitCodes.DATA;
        }
        if (e instanceof ModelFormatException) {
            err.println("error: " + e.getMessage());
            return ExitCodes.MODEL;
        }
        if (e instanceof NoSuchFileException n) {
            err.println("error: no such file: " + n.getFile());
            return ExitCodes.IO;
        }
        if (e instanceof AccessDeniedException a) {
            err.println("error: permission denied: " + a.getFile());
            return ExitCodes.IO;
        }
        if (e instanceof IOException) {
            err.println("error: " + e.getMessage());
            return ExitCodes.IO;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("internal error (please report it): " + e);
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }

    /** Logs to stderr; ND4J and DL4J only warnings, unless the user set levels. */
    static void configureLogging() {
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setDefault("org.slf4j.simpleLogger.log.org.nd4j", "warn");
        setDefault("org.slf4j.simpleLogger.log.org.deeplearning4j", "warn");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /** {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"wirecopy " + Versions.wirecopy() + " (Deeplearning4j " + Versions.dl4j() + ", Java "
                    + Versions.java() + ", " + Versions.os() + ")"};
        }
    }
}
