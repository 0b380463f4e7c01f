package org.wirecopy.cli;

import org.wirecopy.io.SafeFiles;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a verb's output paths before any work is done: none may be one of its inputs, files must not be directories,
 * FIFOs or devices, report directories must not be files. Stateless.
 */
final class Outputs {

    private Outputs() {
    }

    /**
     * @param inputs  files the verb reads (nulls ignored)
     * @param files   option name and path of each output file (path may be null)
     */
    static void check(List<Path> inputs, Object... files) throws IOException {
        List<Path> in = inputs == null ? List.of() : inputs;
        for (int i = 0; i < files.length; i += 2) {
            Path out = (Path) files[i + 1];
            if (out != null) SafeFiles.requireOutput((String) files[i], out, in);
        }
    }

    /** A report directory: it may not exist yet, but must not be a file. */
    static void checkDirectory(String option, Path dir) throws IOException {
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FileSystemException(dir.toString(), null, "exists and is not a directory; give " + option
                    + " a directory (it is created when missing)");
        }
    }

    /** Lists paths, skipping nulls. */
    static List<Path> list(List<Path> a, Path... more) {
        List<Path> out = new ArrayList<>();
        if (a != null) out.addAll(a);
        for (Path p : more) if (p != null) out.add(p);
        return out;
    }
}
