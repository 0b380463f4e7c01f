package org.wirecopy.study;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Expands command-line inputs into the files to read, in a stable order: a file stays as given; a folder becomes every
 * regular file below it (recursively, hidden files and folders skipped, symbolic links not followed), sorted by path,
 * kept only when it matches the include glob; {@code -} is standard input.
 *
 * <p>Thread-safe (stateless).
 */
public final class InputFiles {

    /**
     * One input: a file, or standard input when {@code path} is null.
     *
     * <p>Immutable and thread-safe.
     *
     * @param path the file, or null for standard input
     */
    public record Input(Path path) {
        /** Standard input. */
        static final Input STDIN = new Input(null);

        /** {@return whether this is standard input} */
        public boolean stdin() {
            return path == null;
        }

        /** {@return the id of the article read from it: the path with '/' separators, or {@code -}} */
        public String id() {
            return path == null ? "-" : path.toString().replace('\\', '/');
        }
    }

    private InputFiles() {
    }

    /**
     * Expands {@code args}.
     *
     * @param args    files, folders and {@code -}, at least one
     * @param include a glob ({@code *.html}, {@code **}{@code /2018-*}{@code /*.htm*}) matched against each file's name, or
     *                its path below the folder when the glob holds a '/'; null or empty keeps every file. Files named
     *                directly are always kept.
     * @return the inputs, in argument order, each folder's files sorted by path
     * @throws NoSuchFileException when an input does not exist
     * @throws IllegalArgumentException when a folder holds no matching file, or '-' is given twice
     */
    public static List<Input> expand(List<String> args, String include) throws IOException {
        Objects.requireNonNull(args, "args");
        if (args.isEmpty()) throw new IllegalArgumentException("give at least one file, folder or -");
        PathMatcher matcher = include == null || include.isEmpty() ? null
                : FileSystems.getDefault().getPathMatcher("glob:" + include);
        boolean byPath = include != null && include.contains("/");
        List<Input> out = new ArrayList<>();
        boolean stdin = false;
        for (String a : args) {
            if (a.equals("-")) {
                if (stdin) throw new IllegalArgumentException("'-' (stdin) can be given only once");
                stdin = true;
                out.add(Input.STDIN);
                continue;
            }
            Path p = Path.of(a);
            if (!Files.exists(p)) throw new NoSuchFileException(a);
            if (!Files.isDirectory(p)) {
                out.add(new Input(p));
                continue;
            }
            List<Path> found = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(f -> Files.isRegularFile(f) && !hidden(p, f))
                        .filter(f -> matcher == null || matcher.matches(byPath ? p.relativize(f) : f.getFileName()))
                        .forEach(found::add);
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("folder " + a + " holds no file" + (matcher == null ? ""
                        : " matching --include '" + include + "'") + "; check the folder or the glob");
            }
            found.sort(Comparator.comparing(Path::toString));
            for (Path f : found) out.add(new Input(f));
        }
        return out;
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }
}
