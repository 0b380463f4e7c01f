package org.wirecopy.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs a main class in a child JVM with a chosen heap and class path, bounded in time. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The result of a run: exit code and the merged output. */
    public record Result(int code, String output) {
    }

    /** The test class path as separate entries (Surefire's, else this JVM's). */
    public static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
        return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }

    /** Runs {@code main} with the class path entries that {@code keep} accepts. */
    public static Result run(String heap, Predicate<String> keep, long timeoutSeconds, String main, String... args)
            throws IOException, InterruptedException {
        List<String> cp = classPath().stream().filter(keep).toList();
        Path argFile = Files.createTempFile("wirecopy-cp", ".txt");
        try {
            // an @argfile: the class path may be longer than a command line allows
            Files.writeString(argFile, "-cp \"" + String.join(File.pathSeparator, cp).replace("\\", "\\\\") + "\"",
                    StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "@" + argFile, main));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out;
            try (var in = p.getInputStream()) {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    return new Result(-1, "timed out after " + timeoutSeconds + " s");
                }
                out = in.readAllBytes();
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(argFile);
        }
    }
}
