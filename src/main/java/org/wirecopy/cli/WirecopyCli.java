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
 *
 * <p>Not thread-safe: one instance per run; {@link #run(String...)} may be called from any thread.
 */
@Command(name = "wirecopy", mixinStandardHelpOptions = true, versionProvider = WirecopyCli.VersionProvider.class,
        description = "Labels every paragraph of an article as REPORTING (pasted agency or newspaper copy), "
                + "COMMENTARY (the writer's own words) or BOILERPLATE (site furniture).",
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad data, 4 I/O error, 5 bad model file.",
                "--stacktrace (anywhere) prints the full trace of an error."})
public final class WirecopyCli implements Runnable {

    /**
     * The verbs, in the order the help lists them. They are added by {@link #commandLine(String)}, not by the
     * {@code @Command} annotation: picocli builds a verb's model of its options by reflection when it is added, and
     * building all of them was about a third of a short run's start-up (docs/performance.md, "Seventh round").
     */
    static final java.util.List<String> VERBS = java.util.List.of("classify", "train", "evaluate", "validate-data",
            "inspect", "cross-validate", "baselines", "tune-threshold", "init-config", "serve", "index", "match",
            "summarize", "help");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the CLI on stdout and stderr, then exits the JVM with the exit code (see {@link ExitCodes}).
     *
     * @param args the command line, e.g. {@code classify article.html}
     */
    public static void main(String[] args) {
        configureLogging();
        System.exit(run(args));
    }

    /**
     * Runs the CLI on stdout and stderr and returns the exit code (for tests; never exits).
     *
     * @param args the command line
     * @return the exit code, one of {@link ExitCodes}
     */
    static int run(String... args) {
        // stdout as a file stream, not System.out: PrintStream swallows write errors (a full disk, /dev/full, a
        // closed pipe), and the run must end with exit 4 when results are lost
        java.io.OutputStream stdout = new java.io.BufferedOutputStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16);
        return run(new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /**
     * Runs the CLI with the given streams and returns the exit code. Every failure, {@link Error}s included, becomes
     * one line on {@code err} and its exit code; {@code --stacktrace} (anywhere in the arguments) adds the trace.
     *
     * @param out  receives results and help; flushed before returning, not closed
     * @param err  receives errors and progress; flushed before returning, not closed
     * @param args the command line
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean stacktrace = false;
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (String a : args) {
            if (a.equals("--stacktrace")) stacktrace = true;
            else rest.add(a);
        }
        boolean trace = stacktrace;
        int code;
        try {
            CommandLine cl = commandLine(rest.isEmpty() ? null : rest.get(0));
            cl.setOut(out);
            cl.setErr(err);
            cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, cmd.getErr(), trace));
            cl.setParameterExceptionHandler((ex, arguments) -> {
                PrintWriter e = ex.getCommandLine().getErr();
                e.println("error: " + oneLine(ex.getMessage()) + "; see '"
                        + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
                if (trace) ex.printStackTrace(e);
                e.flush();
                return ExitCodes.USAGE;
            });
            code = cl.execute(rest.toArray(new String[0]));
        } catch (Throwable t) {
            code = handle(t, err, trace);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line with every verb, or with only {@code first} when it names one: a run of one verb parses, helps
     * and fails exactly as with all of them (the verb's options and messages are its own), and anything else (no verb,
     * a top-level option, a misspelt verb that gets suggestions, {@code help}) gets every verb.
     *
     * @param first the first argument, or null
     * @return the command line, with no streams or handlers set
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new WirecopyCli());
        if (first != null && !first.equals("help") && VERBS.contains(first)) {
            cl.addSubcommand(verb(first));
        } else {
            for (String v : VERBS) cl.addSubcommand(verb(v));
        }
        return cl;
    }

    /** A new command object of the verb {@code name}, one of {@link #VERBS}. */
    static Object verb(String name) {
        return switch (name) {
            case "classify" -> new ClassifyCommand();
            case "train" -> new TrainCommand();
            case "evaluate" -> new EvaluateCommand();
            case "validate-data" -> new ValidateDataCommand();
            case "inspect" -> new InspectCommand();
            case "cross-validate" -> new CrossValidateCommand();
            case "baselines" -> new BaselinesCommand();
            case "tune-threshold" -> new TuneThresholdCommand();
            case "init-config" -> new InitConfigCommand();
            case "serve" -> new org.wirecopy.serve.ServeCommand();
            case "index" -> new org.wirecopy.match.cli.IndexCommand();
            case "match" -> new org.wirecopy.match.cli.MatchCommand();
            case "summarize" -> new SummarizeCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no verb " + name);
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int handle(Throwable ex, PrintWriter err) {
        return handle(ex, err, false);
    }

    /** Prints one line for {@code ex} (and its trace with {@code stacktrace}) and returns its exit code. */
    static int handle(Throwable ex, PrintWriter err, boolean stacktrace) {
        Throwable e = ex;
        while ((e instanceof UncheckedIOException || e instanceof java.util.concurrent.ExecutionException
                || e instanceof java.util.concurrent.CompletionException
                || e instanceof CommandLine.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        int code = report(e, err);
        if (stacktrace) e.printStackTrace(err);
        err.flush();
        return code;
    }

    private static int report(Throwable e, PrintWriter err) {
        if (e instanceof CorpusFormatException c) {
            for (DataProblem p : c.problems()) err.println("error: " + p);
            err.println(c.problems().size() + (c.problems().size() == 1 ? " problem" : " problems")
                    + "; nothing was written");
            return ExitCodes.DATA;
        }
        if (e instanceof ArticleInputException || e instanceof org.wirecopy.io.LimitExceededException) {
            err.println("error: " + oneLine(e.getMessage()));
            return ExitCodes.DATA;
        }
        if (e instanceof ModelFormatException) {
            err.println("error: " + oneLine(e.getMessage()));
            return ExitCodes.MODEL;
        }
        if (e instanceof NoSuchFileException n) {
            err.println("error: no such file: " + n.getFile());
            return ExitCodes.IO;
        }
        if (e instanceof AccessDeniedException a) {
            err.println("error: permission denied: " + a.getFile()
                    + (a.getReason() == null ? "" : " (" + a.getReason() + ")"));
            return ExitCodes.IO;
        }
        if (e instanceof IOException) {
            err.println("error: " + oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return ExitCodes.IO;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("error: " + oneLine(String.valueOf(e.getMessage())));
            return ExitCodes.USAGE;
        }
        if (e instanceof StackOverflowError) {
            err.println("error: the input is nested too deeply to read (stack overflow); flatten or split it");
            return ExitCodes.DATA;
        }
        if (e instanceof OutOfMemoryError) {
            err.println("error: out of memory (" + e.getMessage() + "); give Java more heap, e.g. java -Xmx8g -jar "
                    + "wirecopy.jar ..., or split the input");
            return ExitCodes.INTERNAL;
        }
        err.println("internal error (please report it; --stacktrace shows the trace): " + oneLine(e.toString()));
        return ExitCodes.INTERNAL;
    }

    /** The message on one line (a multi-line message is joined with " | "). */
    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " | ");
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
